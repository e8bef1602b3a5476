WITH ranked AS (
    SELECT
        d.name AS department,
        e.name,
        e.salary,
        RANK() OVER (PARTITION BY e.department_id ORDER BY e.salary DESC) AS position
    FROM employees AS e
    JOIN departments AS d ON d.id = e.department_id
)
SELECT department, name, salary, position
FROM ranked
WHERE position <= 3;

WITH ranked AS (
    SELECT
        d.name AS department,
        e.name,
        e.salary,
        ROW_NUMBER() OVER (
            PARTITION BY e.department_id
            ORDER BY e.salary DESC, e.hired_on, e.id
        ) AS position
    FROM employees AS e
    JOIN departments AS d ON d.id = e.department_id
)
SELECT department, name, salary, position
FROM ranked
WHERE position <= 3;

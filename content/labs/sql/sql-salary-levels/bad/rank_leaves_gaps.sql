WITH levels AS (
    SELECT name, salary, RANK() OVER (ORDER BY salary DESC) AS salary_level
    FROM employees
)
SELECT name, salary, salary_level
FROM levels
WHERE salary_level <= 4;

SELECT
    e.name,
    d.name AS department,
    e.salary,
    ROUND((
        SELECT AVG(salary) FROM employees WHERE department_id = department_id
    ), 2) AS department_average
FROM employees AS e
JOIN departments AS d ON d.id = e.department_id
WHERE e.salary > (
    SELECT AVG(salary) FROM employees WHERE department_id = department_id
);

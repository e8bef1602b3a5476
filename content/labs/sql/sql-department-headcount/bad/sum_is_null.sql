SELECT
    d.name AS department,
    COUNT(e.id) AS headcount,
    SUM(e.salary) AS payroll
FROM departments AS d
LEFT JOIN employees AS e ON e.department_id = d.id
GROUP BY d.id, d.name;

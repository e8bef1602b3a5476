SELECT
    d.name AS department,
    COUNT(*) AS headcount,
    COALESCE(SUM(e.salary), 0) AS payroll
FROM departments AS d
LEFT JOIN employees AS e ON e.department_id = d.id
GROUP BY d.id, d.name;

WITH RECURSIVE chart (id, name, level, path) AS (
    SELECT id, name, 0, name
    FROM employees
    UNION ALL
    SELECT e.id, e.name, chart.level + 1, chart.path || ' > ' || e.name
    FROM employees AS e
    JOIN chart ON e.manager_id = chart.id
)
SELECT name, level, path
FROM chart;

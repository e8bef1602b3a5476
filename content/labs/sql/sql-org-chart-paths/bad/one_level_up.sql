SELECT
    e.name,
    CASE WHEN m.id IS NULL THEN 0 ELSE 1 END AS level,
    COALESCE(m.name || ' > ', '') || e.name AS path
FROM employees AS e
LEFT JOIN employees AS m ON m.id = e.manager_id;

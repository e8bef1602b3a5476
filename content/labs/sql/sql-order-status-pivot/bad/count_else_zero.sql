SELECT
    c.id AS customer_id,
    c.name,
    COUNT(CASE WHEN o.status = 'pending' THEN 1 ELSE 0 END) AS pending,
    COUNT(CASE WHEN o.status = 'paid' THEN 1 ELSE 0 END) AS paid,
    COUNT(CASE WHEN o.status = 'shipped' THEN 1 ELSE 0 END) AS shipped,
    COUNT(CASE WHEN o.status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name;

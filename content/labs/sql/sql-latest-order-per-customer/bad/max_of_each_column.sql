SELECT
    c.id AS customer_id,
    c.name,
    MAX(o.id) AS order_id,
    MAX(o.ordered_on) AS ordered_on,
    MAX(o.status) AS status
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.name;

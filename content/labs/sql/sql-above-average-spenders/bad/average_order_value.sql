SELECT
    c.id AS customer_id,
    c.name,
    COUNT(DISTINCT o.id) AS orders,
    SUM(oi.quantity * oi.unit_price) AS spend
FROM customers AS c
JOIN orders AS o ON o.customer_id = c.id
JOIN order_items AS oi ON oi.order_id = o.id
WHERE o.status <> 'cancelled'
GROUP BY c.id, c.name
HAVING SUM(oi.quantity * oi.unit_price) > (
    SELECT AVG(per_order.total)
    FROM (
        SELECT SUM(oi2.quantity * oi2.unit_price) AS total
        FROM orders AS o2
        JOIN order_items AS oi2 ON oi2.order_id = o2.id
        WHERE o2.status <> 'cancelled'
        GROUP BY o2.id
    ) AS per_order
);

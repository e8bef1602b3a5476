SELECT
    o.id AS order_id,
    c.name AS customer,
    p.name AS product,
    p.price AS list_price,
    oi.unit_price
FROM order_items AS oi
JOIN orders AS o ON o.id = oi.order_id
JOIN customers AS c ON c.id = o.customer_id
JOIN products AS p ON p.id = oi.order_id
WHERE oi.unit_price <> p.price;

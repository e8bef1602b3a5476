SELECT
    c.id AS customer_id,
    c.name,
    o.id AS order_id,
    o.ordered_on,
    o.status
FROM orders AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN (
    SELECT customer_id, MAX(ordered_on) AS latest
    FROM orders
    GROUP BY customer_id
) AS last ON last.customer_id = o.customer_id AND o.ordered_on = last.latest;

WITH numbered AS (
    SELECT
        o.id,
        o.customer_id,
        o.ordered_on,
        o.status,
        ROW_NUMBER() OVER (
            PARTITION BY o.customer_id
            ORDER BY o.ordered_on DESC, o.id DESC
        ) AS n
    FROM orders AS o
)
SELECT
    c.id AS customer_id,
    c.name,
    numbered.id AS order_id,
    numbered.ordered_on,
    numbered.status
FROM numbered
JOIN customers AS c ON c.id = numbered.customer_id
WHERE numbered.n = 1;

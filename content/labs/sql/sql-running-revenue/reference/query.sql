WITH daily AS (
    SELECT o.ordered_on AS day, SUM(oi.quantity * oi.unit_price) AS revenue
    FROM orders AS o
    JOIN order_items AS oi ON oi.order_id = o.id
    WHERE o.status <> 'cancelled'
    GROUP BY o.ordered_on
)
SELECT day, revenue, SUM(revenue) OVER (ORDER BY day) AS running_revenue
FROM daily
ORDER BY day;

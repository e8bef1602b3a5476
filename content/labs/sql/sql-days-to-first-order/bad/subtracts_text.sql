WITH firsts AS (
    SELECT customer_id, MIN(ordered_on) AS first_order_on
    FROM orders
    GROUP BY customer_id
)
SELECT
    c.name,
    c.signed_up_on,
    f.first_order_on,
    f.first_order_on - c.signed_up_on AS days_to_first_order,
    CASE strftime('%w', f.first_order_on)
        WHEN '0' THEN 'Sunday'
        WHEN '1' THEN 'Monday'
        WHEN '2' THEN 'Tuesday'
        WHEN '3' THEN 'Wednesday'
        WHEN '4' THEN 'Thursday'
        WHEN '5' THEN 'Friday'
        WHEN '6' THEN 'Saturday'
    END AS first_order_weekday
FROM customers AS c
JOIN firsts AS f ON f.customer_id = c.id;

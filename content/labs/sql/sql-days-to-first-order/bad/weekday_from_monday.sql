WITH firsts AS (
    SELECT customer_id, MIN(ordered_on) AS first_order_on
    FROM orders
    GROUP BY customer_id
)
SELECT
    c.name,
    c.signed_up_on,
    f.first_order_on,
    CAST(julianday(f.first_order_on) - julianday(c.signed_up_on) AS INTEGER)
        AS days_to_first_order,
    CASE strftime('%w', f.first_order_on)
        WHEN '0' THEN 'Monday'
        WHEN '1' THEN 'Tuesday'
        WHEN '2' THEN 'Wednesday'
        WHEN '3' THEN 'Thursday'
        WHEN '4' THEN 'Friday'
        WHEN '5' THEN 'Saturday'
        WHEN '6' THEN 'Sunday'
    END AS first_order_weekday
FROM customers AS c
JOIN firsts AS f ON f.customer_id = c.id;

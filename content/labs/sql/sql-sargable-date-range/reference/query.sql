SELECT id, customer_id, ordered_on, status
FROM orders
WHERE ordered_on >= '2024-03-01'
  AND ordered_on < '2024-04-01';

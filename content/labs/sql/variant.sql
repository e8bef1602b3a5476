-- The second database SQL labs are graded on: a copy of content/sql/sample.sql with the changes
-- below applied (see prep.labs.sql_kind). A lab's answer must match its reference query on both
-- databases, so a query that hard-codes ids, names or values seen in the sample fails here.
-- The sample's corner cases stay (NULL cities and managers, a customer with no orders, an order
-- with no items, ties); each change below adds rows, removes them or changes values, and says
-- which mistake it brings to light. Every SQL lab's answer differs between the two databases
-- (tests/labs/test_sql_kind.py checks it).

-- A second empty department, and people in Research: Hedy reports to Ada, Claude to Hedy, both
-- on the same salary (ties broken by hire date matter). Frances ties Alan and reports to him, so
-- the Support chain is three levels deep and Alan becomes a manager.
INSERT INTO departments (id, name) VALUES (5, 'Marketing');

INSERT INTO employees (id, name, department_id, manager_id, salary, hired_on) VALUES
    (11, 'Hedy',    4, 1,  160000, '2024-02-05'),
    (12, 'Claude',  4, 11, 160000, '2024-03-11'),
    (13, 'Frances', 3, 9,   70000, '2024-01-15');

-- Guido gets a raise: the Linus/Guido tie of the sample is broken.
UPDATE employees SET salary = 155000 WHERE id = 4;

-- Another customer with no orders and no city; another with two orders on the same day.
INSERT INTO customers (id, name, city, signed_up_on) VALUES
    (7, 'Wayne',  NULL,     '2023-08-01'),
    (8, 'Tyrell', 'Lisbon', '2023-09-09');

-- The mouse's list price drops after it was sold: past order lines now differ from it.
UPDATE products SET price = 20.0 WHERE id = 2;

INSERT INTO orders (id, customer_id, ordered_on, status) VALUES
    -- the last day of a month: a range that stops at '< ...-31' loses it
    (10, 8, '2024-03-31', 'shipped'),
    -- Stark's only order is pending: Stark still never bought anything
    (11, 6, '2024-06-03', 'pending'),
    -- a year earlier than every other order: a month needs its year
    (12, 3, '2023-12-20', 'shipped'),
    -- the same day as order 5: a day's total adds up several orders
    (13, 2, '2024-03-15', 'paid'),
    -- the same day as order 10, and no items: a "latest order" needs a tie-break
    (14, 8, '2024-03-31', 'pending');

INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
    (10, 3, 1, 190.0),
    (10, 2, 2, 25.0),
    (11, 7, 1, 500.0),
    (12, 4, 1, 100.0),
    (13, 1, 1, 50.0);

-- Rows removed and changed: the discounted IDE line of order 7 is gone, and order 3 now holds
-- one monitor instead of two.
DELETE FROM order_items WHERE order_id = 7 AND product_id = 4;
UPDATE order_items SET quantity = 1 WHERE order_id = 3 AND product_id = 3;

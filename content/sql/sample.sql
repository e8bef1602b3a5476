-- prep's sample database: a small shop and its staff, used by SQL lessons and cards.
-- Every "sql" card runs against a fresh in-memory copy, so results are computed, never typed.
-- Deliberate corner cases: NULL cities and managers, a customer with no orders, a product never
-- ordered, an order with no items, a cancelled order, ties in salaries and totals.

CREATE TABLE departments (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE employees (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    department_id INTEGER REFERENCES departments (id),
    manager_id    INTEGER REFERENCES employees (id),
    salary        INTEGER NOT NULL,
    hired_on      TEXT NOT NULL
);

CREATE TABLE customers (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    city         TEXT,
    signed_up_on TEXT NOT NULL
);

CREATE TABLE products (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    category TEXT NOT NULL,
    price    REAL NOT NULL
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    ordered_on  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
);

CREATE TABLE order_items (
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    unit_price REAL NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

INSERT INTO departments (id, name) VALUES
    (1, 'Engineering'), (2, 'Sales'), (3, 'Support'), (4, 'Research');

-- Ada runs the company (no manager). Research has nobody yet.
INSERT INTO employees (id, name, department_id, manager_id, salary, hired_on) VALUES
    (1, 'Ada',    1, NULL, 250000, '2015-03-01'),
    (2, 'Grace',  1, 1,    180000, '2016-07-15'),
    (3, 'Linus',  1, 2,    150000, '2018-01-10'),
    (4, 'Guido',  1, 2,    150000, '2019-05-20'),
    (5, 'Barbara', 2, 1,   140000, '2017-02-01'),
    (6, 'Ken',    2, 5,     90000, '2020-09-01'),
    (7, 'Dennis', 2, 5,     95000, '2021-04-12'),
    (8, 'Margaret', 3, 1,  110000, '2016-11-30'),
    (9, 'Alan',   3, 8,     70000, '2022-01-03'),
    (10, 'Edsger', NULL, 2, 120000, '2023-06-01');

INSERT INTO customers (id, name, city, signed_up_on) VALUES
    (1, 'Acme',      'Berlin', '2023-01-05'),
    (2, 'Globex',    'Paris',  '2023-02-11'),
    (3, 'Initech',   'Berlin', '2023-03-20'),
    (4, 'Umbrella',  NULL,     '2023-04-02'),
    (5, 'Hooli',     'Lisbon', '2023-05-17'),
    (6, 'Stark',     'Paris',  '2023-06-30');

INSERT INTO products (id, name, category, price) VALUES
    (1, 'Keyboard', 'hardware', 50.0),
    (2, 'Mouse',    'hardware', 25.0),
    (3, 'Monitor',  'hardware', 200.0),
    (4, 'IDE',      'software', 100.0),
    (5, 'Linter',   'software', 0.0),
    (6, 'Support plan', 'service', 300.0),
    (7, 'Training', 'service', 500.0);

INSERT INTO orders (id, customer_id, ordered_on, status) VALUES
    (1, 1, '2024-01-10', 'shipped'),
    (2, 1, '2024-02-14', 'paid'),
    (3, 2, '2024-02-20', 'shipped'),
    (4, 3, '2024-03-01', 'cancelled'),
    (5, 3, '2024-03-15', 'paid'),
    (6, 4, '2024-04-01', 'pending'),
    (7, 5, '2024-04-18', 'shipped'),
    (8, 2, '2024-05-02', 'paid'),
    (9, 1, '2024-05-30', 'pending');

-- Order 9 has no items yet. Product 7 (Training) was never ordered. Customer 6 never ordered.
INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
    (1, 1, 2, 50.0),
    (1, 2, 2, 25.0),
    (2, 4, 1, 100.0),
    (3, 3, 2, 200.0),
    (3, 1, 1, 45.0),
    (4, 6, 1, 300.0),
    (5, 2, 4, 25.0),
    (5, 5, 3, 0.0),
    (6, 3, 1, 200.0),
    (7, 6, 1, 300.0),
    (7, 4, 2, 90.0),
    (8, 2, 1, 25.0);

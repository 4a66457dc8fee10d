# DML, run in order on both sides; update counts (found rows, Connector/J's default) and the SELECT
# lines' rows must agree. The tables are this file's own: dml_orders (sharded by id, hash-mod),
# dml_lines (child of dml_orders), dml_customers (range), dml_products (global).

CREATE TABLE dml_orders (id BIGINT NOT NULL PRIMARY KEY, customer_id INT NULL, status VARCHAR(20) NOT NULL, amount DECIMAL(12,2) NULL, note VARCHAR(100) NULL)
CREATE TABLE dml_lines (order_id BIGINT NOT NULL, line_no INT NOT NULL, qty INT NOT NULL, PRIMARY KEY (order_id, line_no))
CREATE TABLE dml_customers (id INT NOT NULL PRIMARY KEY, name VARCHAR(60) NOT NULL, credit DECIMAL(10,2) NULL)
CREATE TABLE dml_products (id INT NOT NULL PRIMARY KEY, name VARCHAR(60) NOT NULL, stock INT NOT NULL)

# INSERT forms
INSERT INTO dml_orders (id, customer_id, status, amount, note) VALUES (1, 10, 'NEW', 10.00, NULL), (2, 20, 'Paid', 20.50, 'gift'), (3, 30, 'shipped', 30.25, 'Gift'), (4, 40, 'NEW', NULL, ''), (5, 50, 'Paid', 5.05, 'café'), (6, NULL, 'NEW', 6.00, 'x'), (7, 70, 'returned', -7.00, NULL), (8, 80, 'Paid', 8.88, 'rush 🚀'), (9, 90, 'NEW', 9.99, 'fragile  '), (10, 100, 'CANCELLED', 0.00, NULL), (-1, 1, 'On Hold', 1.01, 'negative key')
INSERT INTO dml_orders VALUES (11, 11, 'NEW', 1.00, 'x')
INSERT INTO dml_orders SET id = 12, customer_id = 12, status = 'Paid', amount = 2.00
INSERT INTO dml_orders (id, status) VALUES ('13', 'NEW')
SELECT * FROM dml_orders ORDER BY id
INSERT INTO dml_orders (id, status) VALUES (1, 'dup') -- error 1062
INSERT IGNORE INTO dml_orders (id, status) VALUES (1, 'dup'), (14, 'NEW')
INSERT INTO dml_orders (id, status, amount) VALUES (2, 'Paid', 5.00) ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)
INSERT INTO dml_orders (id, status, amount) VALUES (2, 'Paid', 5.00), (15, 'NEW', 1.00), (16, 'NEW', 1.50) ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)
INSERT INTO dml_orders (id, status, amount) VALUES (3, 'Paid', 1.00) ON DUPLICATE KEY UPDATE status = 'Delivered', note = CONCAT(IFNULL(note, ''), '+')
REPLACE INTO dml_orders (id, customer_id, status, amount) VALUES (3, 30, 'shipped', 30.00)
REPLACE INTO dml_orders (id, status) VALUES (17, 'NEW'), (4, 'returned')
SELECT id, customer_id, status, amount, note FROM dml_orders ORDER BY id
INSERT INTO dml_orders (id, status) VALUES (20, 'ok'), (21, NULL) -- error 1048
SELECT id FROM dml_orders WHERE id IN (20, 21) ORDER BY id
# puts both sides back in step should the failed INSERT above have been applied on some shards only
DELETE FROM dml_orders WHERE id IN (20, 21)

# UPDATE with and without the shard key
UPDATE dml_orders SET amount = amount * 2 WHERE id = 1
UPDATE dml_orders SET note = 'bulk' WHERE status = 'NEW'
UPDATE dml_orders SET amount = NULL WHERE id IN (5, 6, 7)
UPDATE dml_orders SET status = 'Paid' WHERE amount > 15
UPDATE dml_orders SET amount = 0 WHERE id = 999
UPDATE dml_orders SET status = 'Paid', amount = amount WHERE id = 8
UPDATE dml_orders SET amount = amount + 1 WHERE id BETWEEN 1 AND 3 OR customer_id IS NULL
UPDATE dml_orders SET id = 100 WHERE id = 9 -- refused
SELECT id, status, amount, note FROM dml_orders ORDER BY id
SELECT status, COUNT(*), SUM(amount) FROM dml_orders GROUP BY status ORDER BY status

# DELETE with and without the shard key
DELETE FROM dml_orders WHERE id = 10
DELETE FROM dml_orders WHERE note = 'bulk' AND amount IS NULL
DELETE FROM dml_orders WHERE id IN (11, 12, 999)
DELETE FROM dml_orders WHERE id = 424242
SELECT COUNT(*), SUM(amount) FROM dml_orders
SELECT id FROM dml_orders ORDER BY id

# the child table
INSERT INTO dml_lines (order_id, line_no, qty) VALUES (1, 1, 5), (1, 2, 3), (2, 1, 1), (3, 1, 7), (-1, 1, 2), (8, 1, 4), (8, 2, 4)
INSERT INTO dml_lines (order_id, line_no, qty) VALUES (2, 2, 6)
UPDATE dml_lines SET qty = qty + 1 WHERE order_id = 1
UPDATE dml_lines SET qty = qty * 10 WHERE qty = 4
DELETE FROM dml_lines WHERE qty > 6 AND qty < 40
SELECT * FROM dml_lines ORDER BY order_id, line_no
SELECT o.id, l.line_no, l.qty FROM dml_orders o JOIN dml_lines l ON l.order_id = o.id ORDER BY o.id, l.line_no
SELECT o.id, COUNT(l.line_no) FROM dml_orders o LEFT JOIN dml_lines l ON l.order_id = o.id GROUP BY o.id ORDER BY o.id

# INSERT ... SELECT between co-located tables (same function, same key)
INSERT INTO dml_orders (id, customer_id, status, amount, note) SELECT id, customer_id, status, amount, note FROM orders WHERE id BETWEEN 101 AND 120
SELECT * FROM dml_orders WHERE id > 100 ORDER BY id

# the global table: a write reaches every copy, but counts once
INSERT INTO dml_products (id, name, stock) VALUES (1, 'a', 10), (2, 'b', 0), (3, 'c', 5)
UPDATE dml_products SET stock = stock - 1 WHERE stock > 0
INSERT INTO dml_products (id, name, stock) VALUES (3, 'c', 1) ON DUPLICATE KEY UPDATE stock = stock + VALUES(stock)
DELETE FROM dml_products WHERE id = 2
SELECT * FROM dml_products ORDER BY id
SELECT o.id, p.name, p.stock FROM dml_orders o JOIN dml_products p ON p.id = o.id ORDER BY o.id

# the range-sharded table
INSERT INTO dml_customers (id, name, credit) VALUES (1, 'a', 1.00), (1251, 'b', 2.00), (2501, 'c', NULL), (3751, 'd', 4.00), (0, 'zero', 0), (9999, 'big', 9.99)
UPDATE dml_customers SET credit = credit + 1 WHERE id BETWEEN 1000 AND 3000
UPDATE dml_customers SET name = UPPER(name) WHERE id > 3000
DELETE FROM dml_customers WHERE id > 5000
SELECT * FROM dml_customers ORDER BY id
INSERT INTO dml_customers (id, name) VALUES (5, 'no credit'), (NULL, 'null key') -- error 1048
SELECT COUNT(*) FROM dml_customers

# transactions on one shard and across shards
BEGIN
UPDATE dml_orders SET note = 'in tx' WHERE id = 1
UPDATE dml_orders SET note = 'in tx' WHERE id = 2
ROLLBACK
SELECT id, note FROM dml_orders WHERE id IN (1, 2) ORDER BY id
BEGIN
DELETE FROM dml_orders WHERE id = 2
INSERT INTO dml_orders (id, status) VALUES (30, 'NEW'), (31, 'NEW')
COMMIT
SELECT id, status FROM dml_orders WHERE id IN (2, 30, 31) ORDER BY id

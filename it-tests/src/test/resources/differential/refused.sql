# What a sharding proxy cannot do exactly must be refused with ERROR 1235, never answered wrongly.
# The reference is not asked. Writes here match no row and would fail on the backends anyway, so a
# proxy that wrongly runs one cannot change the data the other files compare.

# moving a row between shards: UPDATE / ON DUPLICATE KEY UPDATE of a shard column
UPDATE orders SET id = 100001 WHERE id = -999999 -- refused
UPDATE orders SET id = id + 1 WHERE customer_id = -1 -- refused
UPDATE customers SET id = 1 WHERE id = -5 -- refused
UPDATE events SET day = '2024-05-01' WHERE id = -5 -- refused
INSERT INTO orders (id, product_id, status, qty, placed, region) VALUES (-999999, 1, NULL, 1, '2024-01-01', 'NO') ON DUPLICATE KEY UPDATE id = id + 100000 -- refused

# INSERT without a constant shard key, INSERT ... SELECT between tables that are not co-located
INSERT INTO orders (product_id, status, qty, placed, region) VALUES (1, 'x', 1, '2024-01-01', 'NO') -- refused
INSERT INTO orders (id, product_id, status, qty, placed, region) VALUES (1 + 0, 1, 'x', 1, '2024-01-01', 'NO') -- refused
INSERT INTO orders (id, customer_id, product_id, status, qty, placed, region) SELECT id + 100000, id, 1, 'x', 1, created, region FROM customers WHERE id < -100 -- refused
INSERT INTO customers (id, name, city, created, region) SELECT customer_id + 100000, 'x', 'x', placed, region FROM orders WHERE id < -1000 -- refused

# correlated subqueries between tables that are not co-located
SELECT o.id FROM orders o WHERE o.amount > (SELECT AVG(c.credit) FROM customers c WHERE c.id = o.customer_id) -- refused
SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.amount > 9999) -- refused
SELECT o.id, (SELECT MAX(c.credit) FROM customers c WHERE c.region = o.region) FROM orders o WHERE o.id < 5 -- refused
SELECT r.code FROM regions r WHERE EXISTS (SELECT 1 FROM orders o WHERE o.region = r.code AND o.amount < -499) -- refused

# multi-table writes across shards, UPDATE / DELETE with ORDER BY or LIMIT over several shards
UPDATE orders o JOIN customers c ON c.id = o.customer_id SET o.note = c.name WHERE o.id = -999 -- refused
DELETE o FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.id = -5 -- refused
UPDATE orders SET note = 'x' WHERE customer_id = -1 ORDER BY id LIMIT 1 -- refused
DELETE FROM orders WHERE customer_id = -1 ORDER BY id LIMIT 1 -- refused

# statements a proxy has no single answer for (dml_products does not exist yet when this file runs:
# a proxy that forwarded one of these would get an error, not lock or rename a table the others use)
SELECT id INTO @x FROM orders WHERE id = 1 -- refused
CREATE TEMPORARY TABLE tmp_x (id INT) -- refused
RENAME TABLE dml_products TO dml_products_renamed -- refused
DROP DATABASE IF EXISTS no_such_db -- refused
LOCK TABLES dml_products READ -- refused
SET GLOBAL max_connections = 100 -- refused

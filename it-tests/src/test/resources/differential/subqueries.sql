# Subqueries: uncorrelated IN / scalar / EXISTS across shards, derived tables, correlated subqueries
# that stay on one shard (the child table, the global table), set operations and CTEs.

# uncorrelated IN (SELECT ...)
SELECT id, amount FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE tier = 'Gold' AND city = 'Oslo') AND id < 5000
SELECT COUNT(*) FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE credit < 0)
SELECT status, COUNT(*) FROM orders WHERE customer_id IN (SELECT id FROM customers WHERE tier = 'Gold') GROUP BY status ORDER BY status
SELECT id FROM orders WHERE product_id IN (SELECT id FROM products WHERE category = 'GARDEN') AND id < 2000
SELECT id FROM orders WHERE region IN (SELECT code FROM regions WHERE zone = 'South') AND id < 1000
SELECT id FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE amount > 9995)
SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL)
SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM orders)
SELECT COUNT(*) FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE status = 'On Hold') AND city = 'Oslo'
SELECT id FROM products WHERE id NOT IN (SELECT product_id FROM orders WHERE id < 2000) ORDER BY id
SELECT code, name FROM regions WHERE code IN (SELECT region FROM orders WHERE amount < -490)
SELECT id, day FROM events WHERE customer_id IN (SELECT id FROM customers WHERE id BETWEEN 1 AND 3) ORDER BY id
SELECT id FROM orders WHERE id IN (SELECT order_id FROM order_lines WHERE price IS NULL) AND id < 5000
SELECT id FROM orders WHERE id IN (SELECT MAX(id) FROM orders GROUP BY status) ORDER BY id
SELECT id, amount FROM orders WHERE (customer_id, region) IN (SELECT id, region FROM customers WHERE id < 50)
SELECT id FROM orders WHERE amount = ANY (SELECT price FROM products WHERE id < 50) ORDER BY id
SELECT id FROM orders WHERE amount > ALL (SELECT amount FROM orders WHERE id < 10 AND amount IS NOT NULL) ORDER BY id LIMIT 10

# scalar subqueries
SELECT id, amount FROM orders WHERE amount = (SELECT MAX(amount) FROM orders)
SELECT id, amount FROM orders WHERE amount > (SELECT AVG(amount) FROM orders) AND id < 100
SELECT id FROM orders WHERE id = (SELECT MAX(id) FROM orders)
SELECT (SELECT COUNT(*) FROM orders) AS n_orders, (SELECT COUNT(*) FROM customers) AS n_customers
SELECT id, (SELECT name FROM regions WHERE code = 'NO') AS r FROM orders WHERE id = 5
SELECT id, amount - (SELECT MIN(amount) FROM orders) AS above_min FROM orders WHERE id IN (1, 2, 3)
SELECT code, (SELECT COUNT(*) FROM orders WHERE region = 'SE') AS se FROM regions WHERE code = 'SE'
SELECT status, COUNT(*), (SELECT COUNT(*) FROM orders) AS total FROM orders GROUP BY status

# EXISTS
SELECT EXISTS (SELECT 1 FROM orders WHERE id = 42)
SELECT EXISTS (SELECT 1 FROM orders WHERE amount > 100000)
SELECT code FROM regions WHERE EXISTS (SELECT 1 FROM orders WHERE amount < 0) ORDER BY code
SELECT id FROM customers WHERE NOT EXISTS (SELECT 1 FROM orders WHERE amount > 100000) AND id < 5

# correlated, but on the same shard: the child table, the global table
SELECT o.id FROM orders o WHERE EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id AND l.qty = 9) AND o.id < 300
SELECT o.id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id) AND o.id < 300
SELECT o.id, (SELECT COUNT(*) FROM order_lines l WHERE l.order_id = o.id) AS n_lines FROM orders o WHERE o.id BETWEEN 1 AND 20
SELECT o.id, (SELECT p.name FROM products p WHERE p.id = o.product_id) AS pname FROM orders o WHERE o.id < 30
SELECT o.id, (SELECT SUM(l.qty) FROM order_lines l WHERE l.order_id = o.id) AS units FROM orders o WHERE o.id = 500

# derived tables
SELECT * FROM (SELECT id, amount FROM orders WHERE id = 42) AS t
SELECT t.* FROM (SELECT id, qty FROM orders WHERE id BETWEEN 5 AND 8) t ORDER BY t.id
SELECT t.status, t.n FROM (SELECT status, COUNT(*) AS n FROM orders WHERE id IN (1, 2, 3, 4) GROUP BY status) AS t
SELECT COUNT(*) FROM (SELECT DISTINCT customer_id FROM orders) AS d
SELECT MAX(n) FROM (SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id) AS per_customer
SELECT c.id, c.name, x.cnt FROM customers c JOIN (SELECT customer_id, COUNT(*) AS cnt FROM orders GROUP BY customer_id) x ON x.customer_id = c.id WHERE c.id < 10
SELECT AVG(total) FROM (SELECT order_id, SUM(qty * price) AS total FROM order_lines GROUP BY order_id) t
SELECT x.region, x.n FROM (SELECT region, COUNT(*) AS n FROM orders GROUP BY region) x WHERE x.n > 4000
SELECT * FROM (SELECT code, name FROM regions) r WHERE r.code LIKE 'C%'
SELECT * FROM (SELECT * FROM products WHERE category = 'Books') AS b WHERE b.price > 400

# set operations and CTEs
SELECT id FROM orders WHERE id < 5 UNION SELECT id FROM customers WHERE id < 3
SELECT id FROM orders WHERE id < 5 UNION ALL SELECT id FROM orders WHERE id BETWEEN 3 AND 6 ORDER BY id
SELECT code FROM regions UNION SELECT LEFT(code, 2) FROM currencies
WITH big AS (SELECT id, amount FROM orders WHERE amount > 9990) SELECT COUNT(*) FROM big
WITH r AS (SELECT code FROM regions WHERE zone = 'Nordic') SELECT code FROM r ORDER BY code

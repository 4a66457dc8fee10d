# Aggregates, GROUP BY, HAVING, DISTINCT. No SUM/AVG over DOUBLE (the summation order changes the
# last bits); no GROUP BY / DISTINCT / MIN / MAX output of a column whose group members are spelt
# differently under utf8mb4_general_ci (note, customers.name, customers.city): which spelling a group
# shows is arbitrary. Such columns are grouped, but only counted or shown in binary collation.

# without GROUP BY
SELECT COUNT(*) FROM orders
SELECT COUNT(*), COUNT(amount), COUNT(discount), COUNT(note), COUNT(shipped), COUNT(customer_id) FROM orders
SELECT COUNT(1), COUNT(id) FROM orders
SELECT SUM(amount) FROM orders
SELECT MIN(amount), MAX(amount) FROM orders
SELECT AVG(amount) FROM orders
SELECT AVG(qty) FROM orders
SELECT SUM(qty), AVG(qty), MIN(qty), MAX(qty) FROM orders
SELECT MIN(discount), MAX(discount) FROM orders
SELECT MIN(placed), MAX(placed), MIN(shipped), MAX(shipped) FROM orders
SELECT MIN(note), MIN(status), MAX(status) FROM orders
SELECT MIN(id), MAX(id) FROM orders
SELECT COUNT(DISTINCT status) FROM orders
SELECT COUNT(DISTINCT customer_id) FROM orders
SELECT COUNT(DISTINCT note) FROM orders
SELECT COUNT(DISTINCT BINARY note) FROM orders
SELECT COUNT(DISTINCT region, status) FROM orders
SELECT COUNT(DISTINCT discount) FROM orders
SELECT SUM(DISTINCT qty), AVG(DISTINCT qty) FROM orders
SELECT SUM(amount * qty), SUM(amount * (1 - 0.1)) FROM orders
SELECT COUNT(*) * 2, SUM(qty) + 1, MAX(id) - MIN(id) FROM orders
SELECT SUM(amount) / COUNT(*), SUM(amount) / COUNT(amount) FROM orders
SELECT MAX(LENGTH(note)), MIN(CHAR_LENGTH(note)), MAX(CHAR_LENGTH(note)) FROM orders
SELECT BIT_OR(qty), BIT_AND(qty), BIT_XOR(qty) FROM orders
SELECT COUNT(*) FROM orders WHERE note = 'gift'
SELECT COUNT(*), SUM(amount) FROM orders WHERE status = 'returned' AND placed >= '2025-01-01'
SELECT COUNT(*) FROM orders WHERE id = 42
SELECT COUNT(*), SUM(amount) FROM orders WHERE id < 0
SELECT COUNT(*), SUM(amount), AVG(amount), MIN(amount), MAX(amount), COUNT(DISTINCT status) FROM orders WHERE id > 1000000
SELECT COUNT(*), GROUP_CONCAT(id) FROM orders WHERE 1 = 0
SELECT COUNT(*) FROM orders WHERE id > 1000000 HAVING COUNT(*) > 0
SELECT COUNT(*) AS n FROM orders HAVING n > 10

# GROUP BY one or several columns, an expression, in another order than ORDER BY
SELECT status, COUNT(*) FROM orders GROUP BY status
SELECT status, COUNT(*), SUM(amount), AVG(amount) FROM orders GROUP BY status ORDER BY status
SELECT status, COUNT(*), SUM(amount), AVG(amount) FROM orders GROUP BY status ORDER BY status DESC
SELECT region, status, COUNT(*) AS n FROM orders GROUP BY region, status
SELECT region, status, COUNT(*) AS n FROM orders GROUP BY region, status ORDER BY n DESC, region, status LIMIT 10
SELECT status, region, SUM(qty) FROM orders GROUP BY region, status ORDER BY status, region
SELECT YEAR(placed) AS y, COUNT(*) FROM orders GROUP BY YEAR(placed) ORDER BY y
SELECT YEAR(placed) AS y, MONTH(placed) AS m, SUM(amount) FROM orders GROUP BY y, m ORDER BY y, m
SELECT DATE_FORMAT(placed, '%Y-%m') AS ym, COUNT(*), MAX(amount) FROM orders GROUP BY ym ORDER BY ym DESC LIMIT 6
SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id ORDER BY n DESC, customer_id LIMIT 10
SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id ORDER BY total DESC, customer_id LIMIT 10
SELECT customer_id, COUNT(*) FROM orders WHERE customer_id IS NULL OR customer_id > 5000 GROUP BY customer_id
SELECT customer_id, COUNT(*), SUM(amount) FROM orders WHERE customer_id IS NULL OR customer_id > 5000 GROUP BY customer_id ORDER BY customer_id
SELECT discount, COUNT(*) FROM orders GROUP BY discount ORDER BY discount
SELECT discount, COUNT(*), SUM(amount) FROM orders GROUP BY discount
SELECT qty, COUNT(*), SUM(amount) FROM orders GROUP BY qty ORDER BY SUM(amount) DESC, qty
SELECT qty, COUNT(*) AS n FROM orders GROUP BY qty ORDER BY n, qty
SELECT COUNT(*) AS n, qty FROM orders GROUP BY 2 ORDER BY 1 DESC, 2
SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY COUNT(*) DESC, status
SELECT IF(amount IS NULL, 'none', 'some') AS has, COUNT(*) FROM orders GROUP BY has
SELECT amount > 1000 AS big, COUNT(*) FROM orders GROUP BY amount > 1000 ORDER BY big
SELECT qty % 3 AS bucket, COUNT(*), MIN(id), MAX(id) FROM orders GROUP BY qty % 3
SELECT status, MIN(placed), MAX(shipped) FROM orders GROUP BY status
SELECT status, MIN(discount), MAX(discount) FROM orders GROUP BY status
SELECT status, MIN(amount), MAX(amount), MAX(amount) - MIN(amount) FROM orders GROUP BY status
SELECT region, COUNT(DISTINCT customer_id) FROM orders GROUP BY region
SELECT status, COUNT(DISTINCT note) FROM orders GROUP BY status
SELECT status, BIT_XOR(id) FROM orders GROUP BY status
SELECT status, COUNT(*) FROM orders WHERE id = 5 GROUP BY status
SELECT status, COUNT(*) FROM orders WHERE id IN (1, 2, 3, 4, 5, 6, 7, 8) GROUP BY status
SELECT status, COUNT(*) FROM orders WHERE id > 1000000 GROUP BY status
SELECT status, COUNT(*) FROM orders GROUP BY status WITH ROLLUP -- refused

# expressions over aggregates
SELECT status, SUM(amount) / COUNT(*) AS per_order FROM orders GROUP BY status ORDER BY status
SELECT status, SUM(amount) / COUNT(amount) - AVG(amount) AS zero FROM orders GROUP BY status
SELECT status, ROUND(AVG(amount), 2), COUNT(*) * 100 / (SELECT 50005) FROM orders GROUP BY status
SELECT region, SUM(amount * qty) / SUM(qty) AS weighted FROM orders GROUP BY region ORDER BY weighted DESC, region
SELECT status, CONCAT(status, ': ', COUNT(*)) AS label FROM orders GROUP BY status

# HAVING
SELECT status, COUNT(*) FROM orders GROUP BY status HAVING COUNT(*) > 5000
SELECT status, SUM(amount) AS s FROM orders GROUP BY status HAVING s > 10000000 ORDER BY s
SELECT region, AVG(amount) AS a FROM orders GROUP BY region HAVING AVG(amount) > 5000 ORDER BY a DESC, region
SELECT region, COUNT(*) FROM orders GROUP BY region HAVING MIN(amount) < 0 ORDER BY region
SELECT status, COUNT(*) FROM orders GROUP BY status HAVING status LIKE '%e%'
SELECT amount, COUNT(*) AS n FROM orders GROUP BY amount HAVING n > 3 ORDER BY n DESC, amount LIMIT 10
SELECT customer_id, COUNT(*) AS n FROM orders GROUP BY customer_id HAVING n >= 60 ORDER BY customer_id
SELECT customer_id, SUM(amount) FROM orders GROUP BY customer_id HAVING SUM(amount) IS NULL

# GROUP_CONCAT
SELECT GROUP_CONCAT(id ORDER BY id) FROM orders WHERE id < 20
SELECT region, GROUP_CONCAT(id ORDER BY id DESC SEPARATOR ',') FROM orders WHERE id < 300 GROUP BY region
SELECT status, GROUP_CONCAT(DISTINCT region ORDER BY region SEPARATOR '|') FROM orders GROUP BY status
SELECT customer_id, GROUP_CONCAT(DISTINCT status ORDER BY status) FROM orders WHERE customer_id < 20 GROUP BY customer_id
SELECT GROUP_CONCAT(note ORDER BY id SEPARATOR ';') FROM orders WHERE id BETWEEN 1 AND 40
SELECT GROUP_CONCAT(amount ORDER BY amount DESC, id SEPARATOR ' ') FROM orders WHERE id BETWEEN 1 AND 30
SELECT status, GROUP_CONCAT(id ORDER BY id) FROM orders GROUP BY status

# DISTINCT
SELECT DISTINCT status FROM orders
SELECT DISTINCT region, status FROM orders
SELECT DISTINCT customer_id FROM orders WHERE customer_id < 100
SELECT DISTINCT YEAR(placed) FROM orders
SELECT DISTINCT qty FROM orders ORDER BY qty DESC
SELECT DISTINCT discount FROM orders ORDER BY discount
SELECT DISTINCT status FROM orders ORDER BY status
SELECT DISTINCT region FROM orders ORDER BY region DESC LIMIT 5
SELECT DISTINCT BINARY note FROM orders WHERE note IS NOT NULL AND note NOT LIKE 'ref %'
SELECT DISTINCT status, qty > 10 FROM orders WHERE id < 1000

# groups whose members are spelt differently: counted, or shown in binary collation
SELECT COUNT(*) FROM orders GROUP BY note
SELECT COUNT(*), COUNT(DISTINCT BINARY note) FROM orders GROUP BY note
SELECT BINARY note AS n, COUNT(*) FROM orders WHERE note IS NOT NULL AND note NOT LIKE 'ref %' GROUP BY n ORDER BY n
SELECT COUNT(*) AS n FROM customers GROUP BY city ORDER BY n
SELECT COUNT(*) FROM customers WHERE name = 'anna berg'

SELECT currency, COUNT(*), SUM(balance), AVG(balance), MIN(balance), MAX(balance) FROM accounts GROUP BY currency ORDER BY currency
SELECT COUNT(*), COUNT(balance), SUM(balance), MIN(code), MAX(code) FROM accounts
SELECT COUNT(DISTINCT customer_id), COUNT(DISTINCT currency) FROM accounts
SELECT YEAR(opened) AS y, COUNT(*) FROM accounts GROUP BY y HAVING COUNT(*) > 250 ORDER BY y

# the other tables
SELECT tier, COUNT(*), SUM(credit), AVG(credit) FROM customers GROUP BY tier ORDER BY tier
SELECT region, COUNT(*) FROM customers GROUP BY region HAVING COUNT(*) > 240
SELECT tier, MIN(created), MAX(created) FROM customers GROUP BY tier
SELECT COUNT(*), SUM(credit), MIN(credit), MAX(credit), COUNT(email) FROM customers
SELECT COUNT(*), MIN(id), MAX(id) FROM customers WHERE id > 4000
SELECT kind, COUNT(*), SUM(val), AVG(val) FROM events GROUP BY kind
SELECT YEAR(day), QUARTER(day), COUNT(*) FROM events GROUP BY YEAR(day), QUARTER(day) ORDER BY 1, 2
SELECT kind, COUNT(*) FROM events WHERE day BETWEEN '2024-01-01' AND '2024-03-31' GROUP BY kind
SELECT COUNT(*), MIN(day), MAX(day), COUNT(day) FROM events
SELECT category, COUNT(*), AVG(price) FROM products GROUP BY category ORDER BY category
SELECT zone, COUNT(*), GROUP_CONCAT(code ORDER BY code) FROM regions GROUP BY zone
SELECT order_id, COUNT(*), SUM(qty * price) FROM order_lines WHERE order_id < 50 GROUP BY order_id
SELECT line_no, COUNT(*), SUM(price), AVG(qty) FROM order_lines GROUP BY line_no ORDER BY line_no
SELECT COUNT(*), SUM(price), COUNT(DISTINCT order_id) FROM order_lines
SELECT product_id, SUM(qty) AS units FROM order_lines GROUP BY product_id ORDER BY units DESC, product_id LIMIT 10

# Joins: co-located (orders and its child order_lines), with the global products, with the single
# regions (on dn2), with the default-node currencies, and not co-located (orders.customer_id ->
# customers.id, sharded by another function).

# orders with order_lines: child rows live on their order's shard
SELECT o.id, l.line_no, l.qty FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = 41
SELECT * FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id = 99
SELECT o.id, l.line_no FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.id IN (1, 2, 3, -2)
SELECT o.id, COUNT(l.line_no) FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.id BETWEEN 1 AND 30 GROUP BY o.id
SELECT o.status, COUNT(*), SUM(l.qty * l.price) FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.status ORDER BY o.status
SELECT COUNT(*) FROM orders o JOIN order_lines l ON l.order_id = o.id
SELECT COUNT(*), COUNT(l.order_id) FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
SELECT o.id FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE l.order_id IS NULL AND o.id < 500
SELECT o.id, o.amount, SUM(l.price * l.qty) AS lines_total FROM orders o JOIN order_lines l ON o.id = l.order_id GROUP BY o.id, o.amount ORDER BY lines_total DESC, o.id LIMIT 10
SELECT o.id, l.line_no, l.price FROM orders o, order_lines l WHERE o.id = l.order_id AND o.customer_id = 42
SELECT o.region, COUNT(DISTINCT o.id), COUNT(*) FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE l.qty > 7 GROUP BY o.region
SELECT l.order_id, l.line_no FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.status = 'On Hold' AND o.placed >= '2025-12-01' ORDER BY l.order_id, l.line_no
SELECT o.id, l.line_no FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.line_no = 4 WHERE o.id < 100 ORDER BY o.id
SELECT o.id, COUNT(*) FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id HAVING COUNT(*) = 4 ORDER BY o.id LIMIT 20
SELECT o.id, o.placed, l.line_no, l.price FROM orders o JOIN order_lines l ON l.order_id = o.id ORDER BY l.price DESC, o.id, l.line_no LIMIT 15
SELECT a.id, b.id FROM orders a JOIN orders b ON b.id = a.id WHERE a.id < 20

# with the global products
SELECT o.id, p.name FROM orders o JOIN products p ON p.id = o.product_id WHERE o.id = 77
SELECT o.id, p.name, p.price FROM orders o JOIN products p ON p.id = o.product_id WHERE o.id BETWEEN 10 AND 40
SELECT p.category, COUNT(*), SUM(o.amount) FROM orders o JOIN products p ON p.id = o.product_id GROUP BY p.category
SELECT o.id, p.name FROM orders o LEFT JOIN products p ON p.id = o.product_id WHERE o.product_id = 999
SELECT COUNT(*) FROM orders o JOIN products p ON p.id = o.product_id WHERE p.active = 0
SELECT p.id, p.name, COUNT(o.id) AS n FROM products p JOIN orders o ON o.product_id = p.id GROUP BY p.id, p.name ORDER BY n DESC, p.id LIMIT 10
SELECT p.id, COUNT(o.id) AS n FROM products p LEFT JOIN orders o ON o.product_id = p.id AND o.id < 1000 GROUP BY p.id ORDER BY p.id LIMIT 50
SELECT l.order_id, l.line_no, p.name FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = 1234
SELECT o.id, l.line_no, p.category FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id WHERE o.id IN (7, 8, 9)
SELECT p.category, SUM(l.qty) FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id WHERE o.status = 'returned' GROUP BY p.category ORDER BY p.category
SELECT o.status, p.category, COUNT(*) AS n FROM orders o JOIN products p ON p.id = o.product_id GROUP BY o.status, p.category ORDER BY n DESC, o.status, p.category LIMIT 10
SELECT o.id, o.amount, p.price FROM orders o JOIN products p ON p.id = o.product_id AND o.amount < p.price WHERE o.id < 300 ORDER BY o.id
SELECT p1.id, p2.id, p1.launched FROM products p1 JOIN products p2 ON p2.launched = p1.launched AND p2.id > p1.id

# with the single regions (dn2)
SELECT o.id, r.name FROM orders o JOIN regions r ON r.code = o.region WHERE o.id = 15
SELECT o.id, r.name FROM orders o JOIN regions r ON r.code = o.region WHERE o.id = 14
SELECT r.zone, COUNT(*) FROM orders o JOIN regions r ON r.code = o.region GROUP BY r.zone
SELECT o.id, o.region, r.name FROM orders o LEFT JOIN regions r ON r.code = o.region WHERE o.region = 'ZZ' AND o.id < 20000
SELECT r.code, r.name, COUNT(o.id) FROM regions r LEFT JOIN orders o ON o.region = r.code AND o.id < 100 GROUP BY r.code, r.name ORDER BY r.code
SELECT o.id, o.amount, ROUND(o.amount * r.tax_rate, 2) AS tax FROM orders o JOIN regions r ON r.code = o.region WHERE o.id BETWEEN 200 AND 220 ORDER BY o.id
SELECT r.name, SUM(o.amount) AS total FROM orders o JOIN regions r ON r.code = o.region GROUP BY r.name ORDER BY total DESC, r.name LIMIT 5
SELECT c.code, r.name FROM currencies c JOIN regions r ON r.code = LEFT(c.code, 2)
SELECT r.code, c.code FROM regions r JOIN currencies c ON c.code = 'EUR' WHERE r.zone = 'Central'

# not co-located: customers are sharded by another function
SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = 42
SELECT o.id, c.name, c.city FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id BETWEEN 1 AND 50
SELECT c.id, c.name, COUNT(o.id) AS n FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id <= 20 GROUP BY c.id, c.name
SELECT c.tier, COUNT(*), SUM(o.amount) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.tier ORDER BY c.tier
SELECT o.id, o.customer_id, c.id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.customer_id > 5000
SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id
SELECT c.id, c.name, SUM(o.amount) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name ORDER BY total DESC, c.id LIMIT 10
SELECT c.region, COUNT(DISTINCT c.id), COUNT(o.id) FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id BETWEEN 1240 AND 1260 GROUP BY c.region
SELECT o.id, c.name FROM orders o, customers c WHERE c.id = o.customer_id AND c.id = 1251 ORDER BY o.id
SELECT c.id, c.name FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL ORDER BY c.id
SELECT o.id, c.id FROM orders o RIGHT JOIN customers c ON c.id = o.customer_id WHERE c.id IN (0, 9001, 9002)
SELECT o.region, c.region, COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.region = c.region GROUP BY o.region, c.region
SELECT o.id, o.amount FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.name = 'anna berg' ORDER BY o.amount DESC, o.id LIMIT 10
SELECT DISTINCT c.tier FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.amount > 9990
SELECT o.id, o.placed, c.created FROM orders o JOIN customers c ON c.id = o.customer_id AND c.created > o.placed WHERE o.id < 200
SELECT e.id, c.name FROM events e JOIN customers c ON c.id = e.customer_id WHERE e.day = '2024-05-05'
SELECT e.kind, COUNT(*) FROM events e JOIN customers c ON c.id = e.customer_id WHERE c.tier = 'Gold' GROUP BY e.kind
SELECT a.id, b.id FROM orders a JOIN orders b ON b.id = a.id + 1 WHERE a.id BETWEEN 10 AND 20
SELECT o.id, cu.code FROM orders o JOIN currencies cu ON cu.code = 'EUR' WHERE o.id = 3
SELECT o.id, c.code FROM orders o CROSS JOIN currencies c WHERE o.id = 1

SELECT a.code, c.name FROM accounts a JOIN customers c ON c.id = a.customer_id WHERE a.code = 'ac-00070'
SELECT a.currency, COUNT(*), SUM(a.balance * cu.rate) FROM accounts a JOIN currencies cu ON cu.code = a.currency GROUP BY a.currency
SELECT c.tier, COUNT(a.code) FROM customers c LEFT JOIN accounts a ON a.customer_id = c.id WHERE c.id < 100 GROUP BY c.tier
SELECT a.code, o.id FROM accounts a JOIN orders o ON o.customer_id = a.customer_id WHERE a.code IN ('AC-00100', 'AC-00101') ORDER BY a.code, o.id

# three and four tables
SELECT o.id, l.line_no, c.name FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN customers c ON c.id = o.customer_id WHERE o.id BETWEEN 1000 AND 1010 ORDER BY o.id, l.line_no
SELECT o.id, c.name, p.name, r.name FROM orders o JOIN customers c ON c.id = o.customer_id JOIN products p ON p.id = o.product_id JOIN regions r ON r.code = o.region WHERE o.id IN (100, 200, 300)
SELECT r.zone, p.category, COUNT(*) AS n, SUM(o.amount) FROM orders o JOIN products p ON p.id = o.product_id JOIN regions r ON r.code = o.region GROUP BY r.zone, p.category ORDER BY r.zone, p.category

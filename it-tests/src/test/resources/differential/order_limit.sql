# ORDER BY and LIMIT across shards. Every ORDER BY ends in a unique column so that the order is
# total: ties are legitimately in any order, and a LIMIT over ties could keep any of them.

# ASC / DESC, several columns, NULLs first ascending and last descending
SELECT id, amount FROM orders ORDER BY amount DESC, id LIMIT 10
SELECT id, amount FROM orders ORDER BY amount, id LIMIT 10
SELECT id, amount FROM orders WHERE amount IS NOT NULL ORDER BY amount ASC, id DESC LIMIT 15
SELECT id, placed, amount FROM orders ORDER BY placed DESC, amount DESC, id LIMIT 20
SELECT id, customer_id, amount FROM orders ORDER BY customer_id, amount DESC, id LIMIT 30
SELECT id, region, amount FROM orders WHERE region IN ('NO', 'SE') ORDER BY region, amount, id LIMIT 20
SELECT id, qty, amount FROM orders ORDER BY qty DESC, amount DESC, id LIMIT 10 OFFSET 10
SELECT id, shipped FROM orders ORDER BY shipped DESC, id LIMIT 10
SELECT id, shipped FROM orders ORDER BY shipped, id LIMIT 10
SELECT id, shipped FROM orders ORDER BY shipped IS NULL, shipped, id LIMIT 10
SELECT id, amount FROM orders ORDER BY amount IS NULL DESC, amount DESC, id LIMIT 10
SELECT id, discount FROM orders ORDER BY discount DESC, id LIMIT 10
SELECT id, discount FROM orders ORDER BY discount, id LIMIT 10
SELECT id, discount FROM orders WHERE discount IS NOT NULL ORDER BY discount, id DESC LIMIT 10

# strings: utf8mb4_general_ci (case, accents and trailing spaces compare equal), binary order on request
SELECT id, status FROM orders ORDER BY status, id LIMIT 25
SELECT id, status FROM orders ORDER BY status DESC, id DESC LIMIT 25
SELECT id, note FROM orders WHERE note IS NOT NULL ORDER BY note, id LIMIT 30
SELECT id, note FROM orders ORDER BY note DESC, id LIMIT 30
SELECT id, note FROM orders WHERE id < 200 ORDER BY note, id
SELECT id, note FROM orders WHERE note IN ('gift', 'café', 'zebra', 'fragile', 'año') AND id < 5000 ORDER BY note DESC, id
SELECT id, note FROM orders WHERE note IS NOT NULL ORDER BY note COLLATE utf8mb4_bin DESC, id LIMIT 20
SELECT id, note FROM orders WHERE note IS NOT NULL AND note NOT LIKE 'ref %' ORDER BY BINARY note, id LIMIT 40
SELECT id, name FROM customers ORDER BY name, id LIMIT 40
SELECT id, name FROM customers ORDER BY name DESC, id DESC LIMIT 40
SELECT id, name FROM customers ORDER BY name COLLATE utf8mb4_bin, id LIMIT 20
SELECT id, city FROM customers ORDER BY city, id LIMIT 50 OFFSET 100
SELECT id, city FROM customers WHERE city IN ('Zürich', 'Göteborg') ORDER BY city DESC, id LIMIT 30
SELECT id, email FROM customers ORDER BY email, id LIMIT 20
SELECT id, name FROM products ORDER BY name LIMIT 10
SELECT * FROM regions ORDER BY name

# ORDER BY an alias, a position, an expression, a column not selected
SELECT id, amount AS a FROM orders ORDER BY a DESC, id LIMIT 5
SELECT id, amount FROM orders ORDER BY 2 DESC, 1 LIMIT 5
SELECT id, amount * qty AS total FROM orders ORDER BY amount * qty DESC, id LIMIT 10
SELECT id, amount * qty AS total FROM orders ORDER BY total DESC, id LIMIT 10
SELECT id, qty FROM orders ORDER BY -qty, id LIMIT 10
SELECT id FROM orders ORDER BY placed DESC, id LIMIT 10
SELECT id, status FROM orders ORDER BY LOWER(status), id DESC LIMIT 10
SELECT id, placed FROM orders ORDER BY YEAR(placed) DESC, MONTH(placed), id LIMIT 12
SELECT id, LENGTH(note) AS len FROM orders WHERE note IS NOT NULL ORDER BY len DESC, id LIMIT 10
SELECT id, status FROM orders ORDER BY FIELD(status, 'NEW', 'Paid', 'shipped'), id LIMIT 15
SELECT id, amount FROM orders ORDER BY CASE WHEN amount < 0 THEN 0 ELSE 1 END, id LIMIT 10
SELECT o.id, o.amount FROM orders o ORDER BY o.amount DESC, o.id LIMIT 5
SELECT * FROM orders ORDER BY amount DESC, id LIMIT 3

SELECT code, balance FROM accounts ORDER BY code LIMIT 20
SELECT code, balance FROM accounts ORDER BY code DESC LIMIT 5, 20
SELECT code, balance FROM accounts ORDER BY balance DESC, code LIMIT 10
SELECT code, opened FROM accounts ORDER BY opened, code LIMIT 1000, 10

# LIMIT forms and deep offsets
SELECT id FROM orders ORDER BY id LIMIT 10
SELECT id FROM orders ORDER BY id DESC LIMIT 10
SELECT id FROM orders ORDER BY id LIMIT 5, 10
SELECT id FROM orders ORDER BY id LIMIT 10 OFFSET 5
SELECT id, amount FROM orders ORDER BY id LIMIT 40000, 10
SELECT id, amount FROM orders ORDER BY amount DESC, id LIMIT 40000, 10
SELECT id, placed FROM orders ORDER BY placed, id LIMIT 25000, 5
SELECT id FROM orders ORDER BY id LIMIT 49995, 100
SELECT id FROM orders ORDER BY id LIMIT 60000, 10
SELECT id FROM orders ORDER BY id LIMIT 0
SELECT id FROM orders ORDER BY id DESC LIMIT 1
SELECT * FROM orders ORDER BY id

# pruned to one or a few shards, and the other tables
SELECT id FROM orders WHERE id < 0 ORDER BY id
SELECT * FROM orders WHERE customer_id = 42 ORDER BY placed, id
SELECT id, amount FROM orders WHERE id IN (5, 3, 9, 1) ORDER BY amount DESC, id
SELECT id, amount FROM orders WHERE id BETWEEN 100 AND 200 ORDER BY amount, id LIMIT 5
SELECT id, status FROM orders WHERE status = 'On Hold' ORDER BY id DESC LIMIT 3
SELECT id, credit FROM customers ORDER BY credit DESC, id LIMIT 20
SELECT id, credit FROM customers ORDER BY credit, id LIMIT 20 OFFSET 1000
SELECT id, created FROM customers ORDER BY created DESC, id DESC LIMIT 7
SELECT id, name FROM customers WHERE id BETWEEN 1200 AND 1300 ORDER BY id DESC LIMIT 5
SELECT id, name FROM customers WHERE id > 4990 ORDER BY id
SELECT id, day FROM events ORDER BY day, id LIMIT 20
SELECT id, day FROM events ORDER BY day DESC, id LIMIT 20
SELECT id, val FROM events ORDER BY val DESC, id LIMIT 3000, 10
SELECT id, day FROM events WHERE day BETWEEN '2024-03-01' AND '2024-04-30' ORDER BY day DESC, id LIMIT 10
SELECT * FROM products ORDER BY price DESC, id LIMIT 10
SELECT code, tax_rate FROM regions ORDER BY tax_rate DESC, code
SELECT * FROM currencies ORDER BY rate DESC LIMIT 3
SELECT order_id, line_no, price FROM order_lines ORDER BY price DESC, order_id, line_no LIMIT 10
SELECT order_id, line_no FROM order_lines ORDER BY order_id DESC, line_no DESC LIMIT 10
SELECT order_id, line_no, qty FROM order_lines ORDER BY qty * price DESC, order_id, line_no LIMIT 10

# ties on purpose, compared as multisets
SELECT id, status FROM orders WHERE id < 100 ORDER BY status -- unordered
SELECT qty FROM orders WHERE id < 500 ORDER BY qty

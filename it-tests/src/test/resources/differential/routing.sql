# Routing: which shards a statement reaches must never change its answer.
# Format (see QueryFile): one statement per line; '# ...' comments; optional trailing marker
# '-- unordered', '-- refused' or '-- error NNNN'. Ordered comparison when the statement ends in ORDER BY.

# orders: hash-mod by id over dn0..dn3
SELECT * FROM orders WHERE id = 42
SELECT * FROM orders WHERE id = -3
SELECT * FROM orders WHERE id = 0
SELECT * FROM orders WHERE id = '17'
SELECT * FROM orders WHERE id = 17.0
SELECT * FROM orders WHERE id IN (1, 2, 3, 4, 5, 50000, 50001)
SELECT * FROM orders WHERE id IN (-1, -2, 7)
SELECT id, status FROM orders WHERE id = 10 OR id = 11 OR id = 12
SELECT id, amount FROM orders WHERE (id = 100 AND status = 'Paid') OR id = 101
SELECT id, amount FROM orders WHERE id = 100 AND (status = 'Paid' OR status = 'delivered')
SELECT * FROM orders WHERE id BETWEEN 1000 AND 1010
SELECT id, placed FROM orders WHERE id > 49990
SELECT id FROM orders WHERE id < 3
SELECT id, note FROM orders WHERE id >= 25000 AND id <= 25005
SELECT id, note FROM orders WHERE id > 25000 AND id < 25002
SELECT * FROM orders WHERE id IS NULL
SELECT id FROM orders WHERE id IS NULL OR id = 8
SELECT id FROM orders WHERE id = 5 AND id = 6
SELECT id FROM orders WHERE id IN (1, 2, 3) AND status = 'Delivered'
SELECT id FROM orders WHERE id NOT IN (1, 2, 3) AND id < 8
SELECT id FROM orders WHERE id <> 1 AND id < 6
SELECT id FROM orders WHERE 5 = id
SELECT id, customer_id FROM orders WHERE customer_id IS NULL
SELECT id FROM orders WHERE customer_id = 17
SELECT id, customer_id FROM orders WHERE customer_id > 5000
SELECT id, note FROM orders WHERE note = 'gift'
SELECT id, note FROM orders WHERE note = 'GIFT'
SELECT id, note FROM orders WHERE note = ''
SELECT id, note FROM orders WHERE note LIKE 'caf%'
SELECT id, note FROM orders WHERE note = 'rush 🚀'
SELECT id, note FROM orders WHERE note = 'fragile'
SELECT id, note FROM orders WHERE note = 'straße'
SELECT id, note FROM orders WHERE note LIKE '%\\\\%'
SELECT id, note FROM orders WHERE note = 'it''s ok' AND id < 20000
SELECT id, note FROM orders WHERE note LIKE '50\% off' AND id < 10000
SELECT id, note FROM orders WHERE BINARY note = 'Gift'
SELECT id, region FROM orders WHERE region = 'ZZ'
SELECT id, amount FROM orders WHERE amount < 0
SELECT id FROM orders WHERE amount IS NULL AND id < 2000
SELECT id, amount FROM orders WHERE amount = 0
SELECT id, shipped FROM orders WHERE shipped >= '2025-12-30 00:00:00'
SELECT id, placed FROM orders WHERE placed = '2024-02-29'
SELECT id, discount FROM orders WHERE discount = 0.7 AND id < 3000
SELECT id, status FROM orders WHERE status IN ('new', 'ON HOLD') AND id < 1000
SELECT * FROM orders WHERE id = 42 AND customer_id IS NULL

# customers: range function, ids 0 and above 5000 on the default shard (0)
SELECT * FROM customers WHERE id = 1250
SELECT * FROM customers WHERE id = 1251
SELECT * FROM customers WHERE id = 0
SELECT * FROM customers WHERE id = 9003
SELECT * FROM customers WHERE id = '2501'
SELECT id, name FROM customers WHERE id BETWEEN 1245 AND 1255
SELECT id, name FROM customers WHERE id BETWEEN 4995 AND 9002
SELECT id FROM customers WHERE id > 4990
SELECT id FROM customers WHERE id < 5
SELECT id FROM customers WHERE id <= 1 OR id >= 5000
SELECT id, city FROM customers WHERE id IN (1, 1251, 2501, 3751, 9005, 7000)
SELECT id, city FROM customers WHERE id >= 2500 AND id < 2502
SELECT id FROM customers WHERE id > 6000 AND id < 9000
SELECT id FROM customers WHERE id = -1
SELECT id, name FROM customers WHERE id NOT BETWEEN 10 AND 9000
SELECT id, name FROM customers WHERE city = 'zurich'
SELECT id, tier FROM customers WHERE tier IS NULL AND id < 300
SELECT id, name FROM customers WHERE name = 'anna berg'

# events: date-range by day (quarters of 2024), NULL and out-of-range days on the default shard
SELECT * FROM events WHERE day = '2024-03-31'
SELECT * FROM events WHERE day = '2024-04-01'
SELECT id, day FROM events WHERE day BETWEEN '2024-03-25' AND '2024-04-05'
SELECT id, day FROM events WHERE day < '2023-10-05'
SELECT id, day FROM events WHERE day >= '2025-03-28'
SELECT id, day, kind FROM events WHERE day IS NULL
SELECT id, kind FROM events WHERE day IN ('2024-01-01', '2024-07-04', '2025-01-01')
SELECT id FROM events WHERE day > '2024-12-30' AND day < '2025-01-02'
SELECT id, day FROM events WHERE day = '2024-06-15' OR day = '2024-09-15'
SELECT id, val FROM events WHERE day BETWEEN '2024-01-01' AND '2024-01-03' AND val > 500
SELECT id, day FROM events WHERE day = 20240315
SELECT id, day FROM events WHERE id = 77

# accounts: consistent-hash on a string key; the collation makes 'ac-00001' equal to 'AC-00001' and to 'AC-00001 '
SELECT * FROM accounts WHERE code = 'AC-00001'
SELECT * FROM accounts WHERE code = 'ac-00001'
SELECT * FROM accounts WHERE code = 'AC-00001   '
SELECT * FROM accounts WHERE code = 'ac-00014'
SELECT * FROM accounts WHERE code = 'AC-00014'
SELECT * FROM accounts WHERE code = 'Ac-00011'
SELECT * FROM accounts WHERE code = 'AC-00011'
SELECT code, balance FROM accounts WHERE code IN ('ac-00001', 'AC-00002', 'aC-00003', 'nope')
SELECT code, balance FROM accounts WHERE code = 'AC-00005' OR code = 'ac-00021'
SELECT code FROM accounts WHERE code LIKE 'ac-0001%'
SELECT code FROM accounts WHERE code BETWEEN 'AC-01990' AND 'AC-01999'
SELECT code FROM accounts WHERE code > 'ac-01995'
SELECT code, customer_id FROM accounts WHERE customer_id BETWEEN 4000 AND 4020
SELECT code FROM accounts WHERE BINARY code = 'ac-00007'

# global, single and default-node tables, the child table
SELECT * FROM products WHERE id = 7
SELECT * FROM products
SELECT id, name FROM products WHERE category = 'toys'
SELECT id, name, weight FROM products WHERE weight IS NULL
SELECT * FROM regions
SELECT code, name FROM regions WHERE zone = 'Nordic'
SELECT * FROM regions WHERE tax_rate IS NULL
SELECT * FROM currencies
SELECT code, rate FROM currencies WHERE symbol = 'kr'
SELECT code FROM currencies WHERE symbol IS NULL
SELECT * FROM order_lines WHERE order_id = 41
SELECT * FROM order_lines WHERE order_id IN (1, 2, 3, -1)
SELECT order_id, line_no FROM order_lines WHERE order_id BETWEEN 500 AND 505
SELECT order_id, line_no, price FROM order_lines WHERE price IS NULL AND order_id < 3000
SELECT order_id, qty FROM order_lines WHERE product_id = 77 AND qty = 9

# no table at all
SELECT 1 + 1, 'abc', NULL
SELECT CONCAT('a', 'b') AS c, 2.50 * 2 AS d, CAST('2024-02-29' AS DATE) + INTERVAL 1 DAY AS e

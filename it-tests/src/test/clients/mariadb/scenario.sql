-- The client scenario (../SCENARIO.md) as a script for the mariadb command-line client, run with
-- --batch --force --skip-reconnect: each step prints its name, then its results; errors go to
-- standard error and the script goes on (a lost connection would fail every later statement).
-- CliScenario fills in the placeholders: p the table prefix, blob the 20 MiB blob as a hex literal,
-- cleanup the DROP (nothing when the tables are kept). scenario.expected is what the client prints,
-- scenario.errors its error lines.
SELECT 'connect' AS step;
SELECT CURRENT_USER();
SHOW SESSION STATUS LIKE 'Ssl_cipher';
SHOW SESSION STATUS LIKE 'Compression';

SELECT 'ddl' AS step;
DROP TABLE IF EXISTS ${p}items, ${p}notes;
CREATE TABLE ${p}items (id BIGINT NOT NULL PRIMARY KEY, t TINYINT, sm SMALLINT, i INT, bi BIGINT,
  u INT UNSIGNED, dc DECIMAL(12,3), f FLOAT, d DOUBLE, dt DATE, tm TIME, ts DATETIME(6),
  s VARCHAR(100), txt TEXT, bin VARBINARY(16), b LONGBLOB) DEFAULT CHARSET=utf8mb4;
CREATE TABLE ${p}notes (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200));

SELECT 'prepared-types' AS step;
PREPARE ins FROM 'INSERT INTO ${p}items (id, t, sm, i, bi, u, dc, f, d, dt, tm, ts, s, txt, bin, b) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
SET @id = 1, @t = -128, @sm = -32768, @i = -2147483648, @bi = -9223372036854775808, @u = 4294967295,
  @dc = -123456789.125, @f = 1.5, @d = 2.25e300, @dt = '2026-01-31', @tm = '23:59:58',
  @ts = '2026-11-21 12:34:56.789012', @s = 'plain', @txt = 'text', @bin = X'00FF7F80', @b = X'0001FEFF';
EXECUTE ins USING @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, @bin, @b;
SELECT @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, HEX(@bin), HEX(@b);
SELECT @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt;
SET @id = 2, @t = NULL, @sm = NULL, @i = NULL, @bi = NULL, @u = NULL, @dc = NULL, @f = NULL, @d = NULL,
  @dt = NULL, @tm = NULL, @ts = NULL, @s = NULL, @txt = NULL, @bin = NULL, @b = NULL;
EXECUTE ins USING @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, @bin, @b;
SET @id = 3, @t = 3, @sm = 30, @i = 300, @bi = 3000, @u = 3, @dc = 3.5, @f = 0.75, @d = 1.5,
  @dt = '2026-02-03', @tm = '10:00:03', @ts = '2026-03-03 01:02:03.000012', @s = 'row 3', @txt = 'text 3',
  @bin = X'03', @b = X'0300FD';
EXECUTE ins USING @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, @bin, @b;
SET @id = 4, @t = 4, @sm = 40, @i = 400, @bi = 4000, @u = 4, @dc = 4.5, @f = 1, @d = 2,
  @dt = '2026-02-04', @tm = '10:00:04', @ts = '2026-03-04 01:02:03.000016', @s = 'row 4', @txt = 'text 4',
  @bin = X'04', @b = X'0400FC';
EXECUTE ins USING @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, @bin, @b;
SET @id = 5, @t = 5, @sm = 50, @i = 500, @bi = 5000, @u = 5, @dc = 5.5, @f = 1.25, @d = 2.5,
  @dt = '2026-02-05', @tm = '10:00:05', @ts = '2026-03-05 01:02:03.000020', @s = 'row 5', @txt = 'text 5',
  @bin = X'05', @b = X'0500FB';
EXECUTE ins USING @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, @bin, @b;
SET @id = 6, @t = 6, @sm = 60, @i = 600, @bi = 6000, @u = 6, @dc = 6.5, @f = 1.5, @d = 3,
  @dt = '2026-02-06', @tm = '10:00:06', @ts = '2026-03-06 01:02:03.000024', @s = 'row 6', @txt = 'text 6',
  @bin = X'06', @b = X'0600FA';
EXECUTE ins USING @id, @t, @sm, @i, @bi, @u, @dc, @f, @d, @dt, @tm, @ts, @s, @txt, @bin, @b;
DEALLOCATE PREPARE ins;
PREPARE sel FROM 'SELECT id, t, sm, i, bi, u, dc, f, d, dt, tm, ts, s, txt, HEX(bin), HEX(b) FROM ${p}items WHERE id = ?';
SET @id = 1;
EXECUTE sel USING @id;
SET @id = 2;
EXECUTE sel USING @id;
SET @id = 3;
EXECUTE sel USING @id;
SET @id = 4;
EXECUTE sel USING @id;
SET @id = 5;
EXECUTE sel USING @id;
SET @id = 6;
EXECUTE sel USING @id;
DEALLOCATE PREPARE sel;
SELECT @id, @t, @dc, @d, @ts, HEX(@bin);

SELECT 'crud-sharded' AS step;
SELECT id FROM ${p}items ORDER BY id;
UPDATE ${p}items SET i = i + 1 WHERE id = 3;
SELECT ROW_COUNT();
UPDATE ${p}items SET s = 'all' WHERE id > 2;
SELECT ROW_COUNT();
DELETE FROM ${p}items WHERE id IN (5, 6);
SELECT ROW_COUNT();
SELECT COUNT(*), SUM(i) FROM ${p}items;

SELECT 'crud-unsharded' AS step;
INSERT INTO ${p}notes (body) VALUES ('first note'), ('second note'), ('third note');
SELECT LAST_INSERT_ID(), ROW_COUNT();
SELECT id FROM ${p}notes ORDER BY id;
UPDATE ${p}notes SET body = 'second, changed' WHERE id = 2;
DELETE FROM ${p}notes WHERE id = 3;
SELECT id, body FROM ${p}notes ORDER BY id;

SELECT 'blob' AS step;
PREPARE put_blob FROM 'INSERT INTO ${p}items (id, b) VALUES (?, ?)';
SET @id = 7;
SET @b = ${blob};
EXECUTE put_blob USING @id, @b;
SELECT ROW_COUNT();
DEALLOCATE PREPARE put_blob;
SET @b = NULL;
SELECT HEX(b) FROM ${p}items WHERE id = 7;
SELECT LENGTH(b), SHA2(b, 256) FROM ${p}items WHERE id = 7;

SELECT 'utf8mb4' AS step;
SET @body = 'emoji 😀 Zoë 中文 ∑';
PREPARE note FROM 'INSERT INTO ${p}notes (body) VALUES (?)';
EXECUTE note USING @body;
DEALLOCATE PREPARE note;
INSERT INTO ${p}notes (body) VALUES ('emoji 😀 Zoë 中文 ∑');
SELECT id, body, CHAR_LENGTH(body), LENGTH(body), body = @body FROM ${p}notes WHERE id > 3 ORDER BY id;

SELECT 'transaction' AS step;
BEGIN;
INSERT INTO ${p}items (id, s) VALUES (8, 'tx 8');
ROLLBACK;
SELECT COUNT(*) FROM ${p}items WHERE id = 8;
START TRANSACTION;
INSERT INTO ${p}items (id, s) VALUES (8, 'tx 8');
INSERT INTO ${p}items (id, s) VALUES (9, 'tx 9');
COMMIT;
SELECT id, s FROM ${p}items WHERE id IN (8, 9) ORDER BY id;
SET autocommit = 0;
INSERT INTO ${p}items (id, s) VALUES (10, 'tx 10');
ROLLBACK;
SET autocommit = 1;
SELECT COUNT(*), @@autocommit FROM ${p}items WHERE id = 10;

SELECT 'multi-statement' AS step;
DELIMITER //
SELECT 1 AS a; SELECT id FROM ${p}items WHERE id IN (8, 9) ORDER BY id; UPDATE ${p}notes SET body = body//
DELIMITER ;
SELECT ROW_COUNT();

SELECT 'metadata' AS step;
SHOW TABLES LIKE '${p}%';
SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = '${p}items' ORDER BY ORDINAL_POSITION;
SHOW CREATE TABLE ${p}items;
SHOW COLUMNS FROM ${p}notes;

SELECT 'errors' AS step;
SELEC 1;
SELECT 1 AS usable;
INSERT INTO ${p}items (id) VALUES (1);
SELECT 1 AS usable;
PREPARE dup FROM 'INSERT INTO ${p}items (id) VALUES (?)';
SET @id = 1;
EXECUTE dup USING @id;
DEALLOCATE PREPARE dup;
SELECT 1 AS usable;
SELECT * FROM ${p}missing;
SELECT 1 AS usable;
SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM ${p}items;
SELECT 1 AS usable;

SELECT 'cleanup' AS step;
${cleanup}

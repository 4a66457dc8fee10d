'use strict';
// The client compatibility scenario (../SCENARIO.md) with mysql2, run through ShardGate.
//
// `npm ci` in this folder installs the pinned mysql2; then `node scenario.js`. Settings come from the
// environment: SG_PORT, SG_USER, SG_PASSWORD, SG_TLS (1 or 0), SG_PREFIX, SG_KEEP (1 keeps the tables),
// SG_COMPRESS (1: the compressed protocol).
// Prints `ok <step>` per step passed; on the first failure prints `FAILED <step>: ...` and exits 1.
//
// Prepared steps use execute() (server-side prepared statements, the binary protocol), with
// mysql2's TypedParameter for the first row so that every column travels as its own type; the
// other steps use query() (the text protocol).

const crypto = require('node:crypto');
const assert = require('node:assert/strict');
const mysql = require('mysql2/promise');
const { TypedParameter: T, Types } = require('mysql2');

const env = process.env;
const PREFIX = env.SG_PREFIX || 'js_';
const ITEMS = `${PREFIX}items`;
const NOTES = `${PREFIX}notes`;
const TLS = env.SG_TLS === '1';
const KEEP = env.SG_KEEP === '1';
const COMPRESS = env.SG_COMPRESS === '1';
const BLOB_SIZE = 20 * 1024 * 1024;
const EMOJI = 'emoji \u{1F600} Zo\u00eb \u4e2d\u6587 \u2211';
const COLUMNS = ['id', 't', 'sm', 'i', 'bi', 'u', 'dc', 'f', 'd', 'dt', 'tm', 'ts', 's', 'txt', 'bin', 'b'];

class StepFailed extends Error {}

function check(condition, message) {
  if (!condition) {
    throw new StepFailed(message);
  }
}

function equal(what, expected, actual) {
  try {
    assert.deepStrictEqual(actual, expected);
  } catch {
    throw new StepFailed(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

function show(value) {
  return JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}

async function connect() {
  return mysql.createConnection({
    host: '127.0.0.1',
    port: Number(env.SG_PORT),
    user: env.SG_USER,
    password: env.SG_PASSWORD,
    database: 'shop',
    charset: 'utf8mb4_general_ci',
    // ShardGate's certificate is self-signed and generated at start: encryption without verification
    ssl: TLS ? { rejectUnauthorized: false } : undefined,
    multipleStatements: true,
    compress: COMPRESS,
    supportBigNumbers: true, // BIGINTs beyond 2^53 as strings
    dateStrings: true, // DATE / DATETIME as MariaDB writes them, microseconds included
    timezone: 'Z',
    connectTimeout: 10000,
  });
}

async function rows(conn, sql, args) {
  const [result] = await conn.query(sql, args);
  return result;
}

async function scalar(conn, sql) {
  const [result] = await conn.query({ sql, rowsAsArray: true });
  equal(`rows of ${sql}`, 1, result.length);
  return result[0][0];
}

async function affected(conn, sql, args) {
  const [result] = await conn.query(sql, args);
  return result.affectedRows;
}

async function stepConnect(conn) {
  const user = await scalar(conn, 'SELECT CURRENT_USER()');
  check(user.split('@')[0] === env.SG_USER, `CURRENT_USER() is ${user}, expected user ${env.SG_USER}`);
  const cipher = await rows(conn, "SHOW SESSION STATUS LIKE 'Ssl_cipher'");
  const value = cipher.length ? cipher[0].Value : '';
  if (TLS) {
    check(value !== '', `Ssl_cipher is empty over TLS: ${show(cipher)}`);
  } else {
    equal('Ssl_cipher without TLS', '', value);
  }
  const [compression] = await conn.query({ sql: "SHOW SESSION STATUS LIKE 'Compression'", rowsAsArray: true });
  equal('Compression', [['Compression', COMPRESS ? 'ON' : 'OFF']], compression);
}

async function stepDdl(conn) {
  await conn.query(`DROP TABLE IF EXISTS ${ITEMS}, ${NOTES}`);
  await conn.query(`CREATE TABLE ${ITEMS} (id BIGINT NOT NULL PRIMARY KEY, t TINYINT, sm SMALLINT, i INT, bi BIGINT,
      u INT UNSIGNED, dc DECIMAL(12,3), f FLOAT, d DOUBLE, dt DATE, tm TIME, ts DATETIME(6),
      s VARCHAR(100), txt TEXT, bin VARBINARY(16), b LONGBLOB) DEFAULT CHARSET=utf8mb4`);
  await conn.query(`CREATE TABLE ${NOTES} (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200))`);
}

/** Each row: the values bound, and the values mysql2 gives back for them. */
function typedRows() {
  const first = {
    bind: [T.BIGINT(1n), T.TINYINT(-128), T.SMALLINT(-32768), T.INT(-2147483648), T.BIGINT(-9223372036854775808n),
      T.INT.unsigned(4294967295), T.DECIMAL('-123456789.125'), T.FLOAT(1.5), T.DOUBLE(2.25e300),
      T.DATE(new Date('2026-01-31T00:00:00Z')), T.TIME('23:59:58'),
      // a JavaScript Date holds milliseconds only: the microseconds go as text
      T.VARCHAR('2026-11-21 12:34:56.789012'), T.VARCHAR('plain'), T.TEXT('text'),
      T.VARBINARY(Buffer.from([0x00, 0xff, 0x7f, 0x80])), T.BLOB(Buffer.from([0x00, 0x01, 0xfe, 0xff]))],
    back: [1, -128, -32768, -2147483648, '-9223372036854775808', 4294967295, '-123456789.125', 1.5, 2.25e300,
      '2026-01-31', '23:59:58', '2026-11-21 12:34:56.789012', 'plain', 'text',
      Buffer.from([0x00, 0xff, 0x7f, 0x80]), Buffer.from([0x00, 0x01, 0xfe, 0xff])],
  };
  const nulls = { bind: [2, ...Array(15).fill(null)], back: [2, ...Array(15).fill(null)] };
  // mysql2's own mapping of JavaScript values: numbers (integers take the type the server's
  // parameter description gives), Date, strings, Buffer
  const small = [3, 4, 5, 6].map((n) => ({
    bind: [n, n, 10 * n, 100 * n, 1000 * n, n, `${n}.500`, 0.25 * n, n / 4, new Date(Date.UTC(2026, 1, n)),
      `0${n}:00:00`, new Date(Date.UTC(2026, 2, n, 1, 2, 3)), `s${n}`, `txt ${n}`, Buffer.from([n]),
      Buffer.from([n, 0, n])],
    back: [n, n, 10 * n, 100 * n, 1000 * n, n, `${n}.500`, 0.25 * n, n / 4, `2026-02-0${n}`, `0${n}:00:00`,
      `2026-03-0${n} 01:02:03`, `s${n}`, `txt ${n}`, Buffer.from([n]), Buffer.from([n, 0, n])],
  }));
  return [first, nulls, ...small];
}

async function stepPreparedTypes(conn) {
  const insert = `INSERT INTO ${ITEMS} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`;
  for (const row of typedRows()) {
    const [result] = await conn.execute(insert, row.bind);
    equal(`rows inserted for id ${row.back[0]}`, 1, result.affectedRows);
  }
  const select = `SELECT ${COLUMNS.join(', ')} FROM ${ITEMS} WHERE id = ?`;
  for (const row of typedRows()) {
    const [result] = await conn.execute({ sql: select, rowsAsArray: true }, [row.back[0]]);
    equal(`rows for id ${row.back[0]}`, 1, result.length);
    COLUMNS.forEach((name, i) => equal(`id ${row.back[0]} column ${name}`, row.back[i], result[0][i]));
  }
}

async function stepCrudSharded(conn) {
  equal('ids', [1, 2, 3, 4, 5, 6], (await rows(conn, `SELECT id FROM ${ITEMS} ORDER BY id`)).map((r) => r.id));
  equal('UPDATE id = 3', 1, await affected(conn, `UPDATE ${ITEMS} SET i = i + 1 WHERE id = 3`));
  equal('UPDATE id > 2', 4, await affected(conn, `UPDATE ${ITEMS} SET s = 'all' WHERE id > 2`));
  equal('DELETE id IN (5, 6)', 2, await affected(conn, `DELETE FROM ${ITEMS} WHERE id IN (5, 6)`));
  // i: -2147483648 (id 1), NULL (id 2), 301 (id 3 after +1), 400 (id 4); SUM of an INT is a DECIMAL
  const [total] = await rows(conn, `SELECT COUNT(*) AS n, SUM(i) AS total FROM ${ITEMS}`);
  equal('COUNT(*), SUM(i)', { n: 4, total: String(-2147483648 + 301 + 400) }, { ...total });
  equal('s of ids 3, 4', ['all', 'all'], (await rows(conn, `SELECT s FROM ${ITEMS} WHERE id IN (3, 4) ORDER BY id`)).map((r) => r.s));
}

async function stepCrudUnsharded(conn) {
  const [inserted] = await conn.query(`INSERT INTO ${NOTES} (body) VALUES ('first note'), ('second note'), ('third note')`);
  equal('notes inserted', 3, inserted.affectedRows);
  const first = await scalar(conn, 'SELECT LAST_INSERT_ID()');
  const ids = (await rows(conn, `SELECT id FROM ${NOTES} ORDER BY id`)).map((r) => r.id);
  equal('note count', 3, ids.length);
  equal('LAST_INSERT_ID()', ids[0], first);
  equal("the driver's insertId", ids[0], inserted.insertId);
  equal('UPDATE note', 1, await affected(conn, `UPDATE ${NOTES} SET body = ? WHERE id = ?`, ['second, changed', ids[1]]));
  equal('DELETE note', 1, await affected(conn, `DELETE FROM ${NOTES} WHERE id = ?`, [ids[2]]));
  equal('notes', [{ id: ids[0], body: 'first note' }, { id: ids[1], body: 'second, changed' }],
    (await rows(conn, `SELECT id, body FROM ${NOTES} ORDER BY id`)).map((r) => ({ ...r })));
}

/** Byte i = (i * 31 + i / 256) mod 256 (SCENARIO.md): zero bytes occur, no 256-byte block repeats its neighbour. */
function blobPattern(size) {
  const blob = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    blob[i] = (i * 31 + (i >>> 8)) & 0xff;
  }
  return blob;
}

async function stepBlob(conn) {
  const blob = blobPattern(BLOB_SIZE);
  const [result] = await conn.execute(`INSERT INTO ${ITEMS} (id, b) VALUES (?, ?)`, [7, blob]);
  equal('blob inserted', 1, result.affectedRows);
  const [back] = await conn.execute(`SELECT b FROM ${ITEMS} WHERE id = ?`, [7]);
  equal('rows of the blob', 1, back.length);
  equal('blob length read back', BLOB_SIZE, back[0].b.length);
  if (!blob.equals(back[0].b)) {
    const at = blob.findIndex((v, i) => v !== back[0].b[i]);
    throw new StepFailed(`blob differs first at byte ${at}`);
  }
  equal('SHA2(b, 256)', crypto.createHash('sha256').update(blob).digest('hex'),
    await scalar(conn, `SELECT SHA2(b, 256) FROM ${ITEMS} WHERE id = 7`));
  equal('LENGTH(b)', BLOB_SIZE, await scalar(conn, `SELECT LENGTH(b) FROM ${ITEMS} WHERE id = 7`));
}

async function stepUtf8mb4(conn) {
  const [bound] = await conn.execute(`INSERT INTO ${NOTES} (body) VALUES (?)`, [EMOJI]);
  const [literal] = await conn.query(`INSERT INTO ${NOTES} (body) VALUES ('${EMOJI}')`);
  for (const id of [bound.insertId, literal.insertId]) {
    const [back] = await conn.execute(
      `SELECT body, CHAR_LENGTH(body) AS chars, LENGTH(body) AS bytes FROM ${NOTES} WHERE id = ?`, [id]);
    equal(`note ${id}`, [{ body: EMOJI, chars: 16, bytes: 26 }], back.map((r) => ({ ...r })));
  }
}

async function itemIds(conn, ids) {
  return (await rows(conn, `SELECT id FROM ${ITEMS} WHERE id IN (${ids.join(', ')}) ORDER BY id`)).map((r) => r.id);
}

async function stepTransaction(conn) {
  const insert = `INSERT INTO ${ITEMS} (id, s) VALUES (?, 'tx')`;
  await conn.beginTransaction();
  await conn.execute(insert, [8]);
  await conn.rollback();
  equal('item 8 after rollback', [], await itemIds(conn, [8]));
  await conn.beginTransaction();
  await conn.execute(insert, [8]);
  await conn.execute(insert, [9]);
  await conn.commit();
  equal('items 8, 9 after commit', [8, 9], await itemIds(conn, [8, 9]));
  await conn.query('SET autocommit = 0');
  equal('@@autocommit', 0, await scalar(conn, 'SELECT @@autocommit'));
  await conn.execute(insert, [10]);
  await conn.rollback();
  await conn.query('SET autocommit = 1');
  equal('@@autocommit', 1, await scalar(conn, 'SELECT @@autocommit'));
  equal('item 10 after rollback', [], await itemIds(conn, [10]));
}

async function stepMultiStatement(conn) {
  const [results, fields] = await conn.query(
    `SELECT 1 AS a; SELECT id FROM ${ITEMS} WHERE id IN (8, 9) ORDER BY id; UPDATE ${NOTES} SET body = body`);
  equal('number of results', 3, results.length);
  equal('first result', [{ a: 1 }], results[0].map((r) => ({ ...r })));
  equal("first result's column", 'a', fields[0][0].name);
  equal('second result', [8, 9], results[1].map((r) => r.id));
  check(!Array.isArray(results[2]), `third result is rows, expected an update count: ${show(results[2])}`);
  // mysql2 asks for CLIENT_FOUND_ROWS: the count is of the rows matched, all 4 notes
  equal("third result's update count", 4, results[2].affectedRows);
}

async function stepMetadata(conn) {
  const tables = (await conn.query({ sql: 'SHOW TABLES', rowsAsArray: true }))[0].map((r) => r[0]);
  for (const table of [ITEMS, NOTES]) {
    equal(`${table} in SHOW TABLES ${show(tables)}`, 1, tables.filter((t) => t === table).length);
  }
  check(!tables.some((t) => t.startsWith('shop_')), `physical names in SHOW TABLES: ${show(tables)}`);
  const [columns] = await conn.execute(
    "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = ?"
    + ' ORDER BY ORDINAL_POSITION', [ITEMS]);
  equal('information_schema.COLUMNS', COLUMNS, columns.map((r) => r.name));
  const [[create]] = await conn.query({ sql: `SHOW CREATE TABLE ${ITEMS}`, rowsAsArray: true });
  check(create[1].startsWith(`CREATE TABLE \`${ITEMS}\` `), `SHOW CREATE TABLE gives ${create[1].slice(0, 60)}`);
  // mysql2's metadata API: the column definitions of a result, from both protocols
  for (const run of [conn.query.bind(conn), conn.execute.bind(conn)]) {
    const [, fields] = await run(`SELECT ${COLUMNS.join(', ')} FROM ${ITEMS} WHERE id = 1`);
    equal('field names', COLUMNS, fields.map((f) => f.name));
    equal('field types', [Types.LONGLONG, Types.TINY, Types.SHORT, Types.LONG, Types.LONGLONG, Types.LONG,
      Types.NEWDECIMAL, Types.FLOAT, Types.DOUBLE, Types.DATE, Types.TIME, Types.DATETIME, Types.VAR_STRING,
      Types.BLOB, Types.VAR_STRING, Types.BLOB], fields.map((f) => f.columnType));
    equal('field schemas', COLUMNS.map(() => 'shop'), fields.map((f) => f.schema));
    equal('field tables', COLUMNS.map(() => ITEMS), fields.map((f) => f.orgTable));
  }
}

async function expectError(conn, sql, errno, sqlState) {
  let error;
  try {
    await conn.query(sql);
  } catch (e) {
    error = e;
  }
  check(error, `${sql} succeeded, expected error ${errno} (${sqlState})`);
  equal(`error of ${sql} (${error.message})`, [errno, sqlState], [error.errno, error.sqlState]);
  equal('SELECT 1 after the error', 1, await scalar(conn, 'SELECT 1'));
}

async function stepErrors(conn) {
  await expectError(conn, 'SELEC 1', 1064, '42000');
  await expectError(conn, `INSERT INTO ${ITEMS} (id) VALUES (1)`, 1062, '23000');
  await expectError(conn, `SELECT * FROM ${PREFIX}no_such_table`, 1146, '42S02');
  await expectError(conn, `SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM ${ITEMS}`, 1235, '42000');
}

async function stepCleanup(conn) {
  if (!KEEP) {
    await conn.query(`DROP TABLE ${ITEMS}, ${NOTES}`);
  }
  await conn.end();
}

const STEPS = [['ddl', stepDdl], ['prepared-types', stepPreparedTypes], ['crud-sharded', stepCrudSharded],
  ['crud-unsharded', stepCrudUnsharded], ['blob', stepBlob], ['utf8mb4', stepUtf8mb4],
  ['transaction', stepTransaction], ['multi-statement', stepMultiStatement], ['metadata', stepMetadata],
  ['errors', stepErrors], ['cleanup', stepCleanup]];

async function run(name, action) {
  try {
    return await action();
  } catch (e) {
    const detail = e instanceof StepFailed ? e.message : `${e.stack}${e.code ? ` (code ${e.code})` : ''}`;
    console.log(`FAILED ${name}: ${detail}`);
    process.exit(1);
  }
}

async function main() {
  console.log(`mysql2 ${require('mysql2/package.json').version}, node ${process.version}`);
  const conn = await run('connect', connect);
  await run('connect', () => stepConnect(conn));
  console.log('ok connect');
  for (const [name, action] of STEPS) {
    await run(name, () => action(conn));
    console.log(`ok ${name}`);
  }
}

main();

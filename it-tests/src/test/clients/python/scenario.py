"""The client compatibility scenario (../SCENARIO.md) with PyMySQL, run through ShardGate.

Run with Debian's interpreter and package (python3-pymysql; python3-cryptography for
caching_sha2_password over plain TCP): /usr/bin/python3 scenario.py. Settings come from the
environment: SG_PORT, SG_USER, SG_PASSWORD, SG_TLS (1 or 0), SG_PREFIX, SG_KEEP (1 keeps the
tables). Prints `ok <step>` per step passed; on the first failure prints `FAILED <step>: ...` and
exits 1.

PyMySQL has no server-side prepared statements: "prepared" steps use its parameter binding
(%s placeholders, values escaped by the driver into the statement text).
"""
import datetime
import decimal
import hashlib
import os
import ssl
import sys
import traceback

import pymysql
import pymysql.constants
import pymysql.err

PORT = int(os.environ["SG_PORT"])
USER = os.environ["SG_USER"]
PASSWORD = os.environ["SG_PASSWORD"]
TLS = os.environ.get("SG_TLS", "0") == "1"
PREFIX = os.environ.get("SG_PREFIX", "py_")
KEEP = os.environ.get("SG_KEEP", "0") == "1"
ITEMS = PREFIX + "items"
NOTES = PREFIX + "notes"

BLOB_SIZE = 20 * 1024 * 1024
EMOJI = "emoji \U0001F600 Zo\u00eb \u4e2d\u6587 \u2211"

COLUMNS = ["id", "t", "sm", "i", "bi", "u", "dc", "f", "d", "dt", "tm", "ts", "s", "txt", "bin", "b"]


class StepFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise StepFailed(message)


def equal(what, expected, actual):
    check(expected == actual, "%s: expected %r, got %r" % (what, expected, actual))


# PyMySQL reads the SQLSTATE of an ERR packet but drops it; the scenario checks it, so we wrap the
# driver's function that turns the packet into an exception and keep the state on the exception.
_raise_mysql_exception = pymysql.err.raise_mysql_exception


def _raise_with_sqlstate(data):
    try:
        _raise_mysql_exception(data)
    except pymysql.err.MySQLError as e:
        e.sqlstate = data[4:9].decode("ascii") if data[3:4] == b"#" else None
        raise


pymysql.err.raise_mysql_exception = _raise_with_sqlstate


def connect():
    options = dict(host="127.0.0.1", port=PORT, user=USER, password=PASSWORD, database="shop",
                   charset="utf8mb4", autocommit=True, connect_timeout=10, read_timeout=120,
                   write_timeout=120, max_allowed_packet=64 * 1024 * 1024,
                   client_flag=pymysql.constants.CLIENT.MULTI_STATEMENTS)
    if TLS:
        context = ssl.create_default_context()
        # ShardGate's certificate is self-signed and generated at start: encryption without verification.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        options["ssl"] = context
    else:
        options["ssl_disabled"] = True
    return pymysql.connect(**options)


def rows(conn, sql, args=None):
    with conn.cursor() as c:
        c.execute(sql, args)
        return list(c.fetchall())


def scalar(conn, sql, args=None):
    result = rows(conn, sql, args)
    equal("rows of " + sql, 1, len(result))
    return result[0][0]


def update(conn, sql, args=None):
    with conn.cursor() as c:
        return c.execute(sql, args)


def step_connect(conn):
    current = scalar(conn, "SELECT CURRENT_USER()")
    check(current.split("@")[0] == USER, "CURRENT_USER() is %r, expected user %s" % (current, USER))
    cipher = rows(conn, "SHOW SESSION STATUS LIKE 'Ssl_cipher'")
    value = cipher[0][1] if cipher else ""
    if TLS:
        check(value, "Ssl_cipher is empty over TLS: %r" % (cipher,))
    else:
        equal("Ssl_cipher without TLS", "", value)
    # PyMySQL has no compressed protocol (SG_COMPRESS is not offered to it)
    equal("Compression", [("Compression", "OFF")], rows(conn, "SHOW SESSION STATUS LIKE 'Compression'"))


def step_ddl(conn):
    update(conn, "DROP TABLE IF EXISTS %s, %s" % (ITEMS, NOTES))
    update(conn, "CREATE TABLE %s (id BIGINT NOT NULL PRIMARY KEY, t TINYINT, sm SMALLINT, i INT, bi BIGINT,"
                 " u INT UNSIGNED, dc DECIMAL(12,3), f FLOAT, d DOUBLE, dt DATE, tm TIME, ts DATETIME(6),"
                 " s VARCHAR(100), txt TEXT, bin VARBINARY(16), b LONGBLOB) DEFAULT CHARSET=utf8mb4" % ITEMS)
    update(conn, "CREATE TABLE %s (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200))" % NOTES)


def typed_rows():
    first = (1, -128, -32768, -2147483648, -9223372036854775808, 4294967295, decimal.Decimal("-123456789.125"),
             1.5, 2.25e300, datetime.date(2026, 1, 31), datetime.timedelta(hours=23, minutes=59, seconds=58),
             datetime.datetime(2026, 11, 21, 12, 34, 56, 789012), "plain", "text", b"\x00\xff\x7f\x80",
             b"\x00\x01\xfe\xff")
    nulls = (2,) + (None,) * 15
    small = [(n, n, 10 * n, 100 * n, 1000 * n, n, decimal.Decimal("%d.500" % n), 0.25 * n, n / 4.0,
              datetime.date(2026, 2, n), datetime.timedelta(hours=n), datetime.datetime(2026, 3, n, 1, 2, 3),
              "s%d" % n, "txt %d" % n, bytes([n]), bytes([n, 0, n])) for n in range(3, 7)]
    return [first, nulls] + small


def step_prepared_types(conn):
    insert = "INSERT INTO %s (%s) VALUES (%s)" % (ITEMS, ", ".join(COLUMNS), ", ".join(["%s"] * len(COLUMNS)))
    for row in typed_rows():
        equal("rows inserted for id %d" % row[0], 1, update(conn, insert, row))
    select = "SELECT %s FROM %s WHERE id = %%s" % (", ".join(COLUMNS), ITEMS)
    for row in typed_rows():
        got = rows(conn, select, (row[0],))
        equal("rows for id %d" % row[0], 1, len(got))
        for name, want, have in zip(COLUMNS, row, got[0]):
            equal("id %d column %s" % (row[0], name), want, have)


def step_crud_sharded(conn):
    equal("ids", [1, 2, 3, 4, 5, 6], [r[0] for r in rows(conn, "SELECT id FROM %s ORDER BY id" % ITEMS)])
    equal("UPDATE id = 3", 1, update(conn, "UPDATE %s SET i = i + 1 WHERE id = 3" % ITEMS))
    equal("UPDATE id > 2", 4, update(conn, "UPDATE %s SET s = 'all' WHERE id > 2" % ITEMS))
    equal("DELETE id IN (5, 6)", 2, update(conn, "DELETE FROM %s WHERE id IN (5, 6)" % ITEMS))
    # i: -2147483648 (id 1), NULL (id 2), 301 (id 3 after +1), 400 (id 4)
    got = rows(conn, "SELECT COUNT(*), SUM(i) FROM %s" % ITEMS)
    equal("COUNT(*), SUM(i)", (4, decimal.Decimal(-2147483648 + 301 + 400)), got[0])
    equal("s of ids 3, 4", [("all",), ("all",)], rows(conn, "SELECT s FROM %s WHERE id IN (3, 4) ORDER BY id" % ITEMS))


def step_crud_unsharded(conn):
    with conn.cursor() as c:
        equal("notes inserted", 3, c.execute("INSERT INTO %s (body) VALUES ('first note'), ('second note'), ('third note')" % NOTES))
        generated = c.lastrowid
    first = scalar(conn, "SELECT LAST_INSERT_ID()")
    ids = [r[0] for r in rows(conn, "SELECT id FROM %s ORDER BY id" % NOTES)]
    equal("note ids", 3, len(ids))
    equal("LAST_INSERT_ID()", ids[0], first)
    equal("the driver's generated key", ids[0], generated)
    equal("UPDATE note", 1, update(conn, "UPDATE %s SET body = %%s WHERE id = %%s" % NOTES, ("second, changed", ids[1])))
    equal("DELETE note", 1, update(conn, "DELETE FROM %s WHERE id = %%s" % NOTES, (ids[2],)))
    equal("notes", [(ids[0], "first note"), (ids[1], "second, changed")], rows(conn, "SELECT id, body FROM %s ORDER BY id" % NOTES))


def blob_pattern(size):
    """Byte i = (i * 31 + i // 256) mod 256 (SCENARIO.md): zero bytes occur, no 256-byte block repeats
    its neighbour. Block k of 256 bytes is (j * 31 + k) mod 256, so the blob is built from blocks."""
    blocks = [bytes((j * 31 + c) & 0xFF for j in range(256)) for c in range(256)]
    return b"".join(blocks[k & 0xFF] for k in range(size // 256))


def step_blob(conn):
    blob = blob_pattern(BLOB_SIZE)
    equal("blob size", BLOB_SIZE, len(blob))
    equal("blob inserted", 1, update(conn, "INSERT INTO %s (id, b) VALUES (%%s, %%s)" % ITEMS, (7, blob)))
    back = scalar(conn, "SELECT b FROM %s WHERE id = %%s" % ITEMS, (7,))
    equal("blob length read back", BLOB_SIZE, len(back))
    if back != blob:
        first = next(i for i in range(len(blob)) if blob[i] != back[i])
        raise StepFailed("blob differs first at byte %d" % first)
    equal("SHA2(b, 256)", hashlib.sha256(blob).hexdigest(),
          scalar(conn, "SELECT SHA2(b, 256) FROM %s WHERE id = 7" % ITEMS))
    equal("LENGTH(b)", BLOB_SIZE, scalar(conn, "SELECT LENGTH(b) FROM %s WHERE id = 7" % ITEMS))


def step_utf8mb4(conn):
    with conn.cursor() as c:
        c.execute("INSERT INTO %s (body) VALUES (%%s)" % NOTES, (EMOJI,))
        bound = c.lastrowid
        c.execute("INSERT INTO %s (body) VALUES ('%s')" % (NOTES, EMOJI))
        literal = c.lastrowid
    for note in (bound, literal):
        got = rows(conn, "SELECT body, CHAR_LENGTH(body), LENGTH(body) FROM %s WHERE id = %%s" % NOTES, (note,))
        equal("note %d" % note, [(EMOJI, 16, 26)], got)


def item_ids(conn, ids):
    sql = "SELECT id FROM %s WHERE id IN (%s) ORDER BY id" % (ITEMS, ", ".join(str(i) for i in ids))
    return [r[0] for r in rows(conn, sql)]


def step_transaction(conn):
    insert = "INSERT INTO %s (id, s) VALUES (%%s, 'tx')" % ITEMS
    conn.begin()
    update(conn, insert, (8,))
    conn.rollback()
    equal("item 8 after rollback", [], item_ids(conn, [8]))
    conn.begin()
    update(conn, insert, (8,))
    update(conn, insert, (9,))
    conn.commit()
    equal("items 8, 9 after commit", [8, 9], item_ids(conn, [8, 9]))
    conn.autocommit(False)
    equal("@@autocommit", 0, scalar(conn, "SELECT @@autocommit"))
    update(conn, insert, (10,))
    conn.rollback()
    conn.autocommit(True)
    equal("@@autocommit", 1, scalar(conn, "SELECT @@autocommit"))
    equal("item 10 after rollback", [], item_ids(conn, [10]))


def step_multi_statement(conn):
    with conn.cursor() as c:
        c.execute("SELECT 1 AS a; SELECT id FROM %s WHERE id IN (8, 9) ORDER BY id; UPDATE %s SET body = body"
                  % (ITEMS, NOTES))
        equal("first result", ((1,),), c.fetchall())
        equal("first result's column", "a", c.description[0][0])
        check(c.nextset(), "no second result")
        equal("second result", ((8,), (9,)), c.fetchall())
        check(c.nextset(), "no third result")
        check(c.description is None, "third result is rows, expected an update count")
        # the notes hold 4 rows; body = body changes none of them
        equal("third result's update count", 0, c.rowcount)
        check(not c.nextset(), "a fourth result")


def step_metadata(conn):
    tables = [r[0] for r in rows(conn, "SHOW TABLES")]
    for table in (ITEMS, NOTES):
        equal("%s in SHOW TABLES %r" % (table, tables), 1, tables.count(table))
    check(not any(t.startswith("shop_") for t in tables), "physical names in SHOW TABLES: %r" % tables)
    columns = rows(conn, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop'"
                         " AND TABLE_NAME = %s ORDER BY ORDINAL_POSITION", (ITEMS,))
    equal("information_schema.COLUMNS", COLUMNS, [r[0] for r in columns])
    create = rows(conn, "SHOW CREATE TABLE %s" % ITEMS)[0][1]
    check(create.startswith("CREATE TABLE `%s` " % ITEMS), "SHOW CREATE TABLE gives %r" % create[:60])
    # PyMySQL's metadata API is the cursor description: name, type code, display size, ..., nullability
    with conn.cursor() as c:
        c.execute("SELECT %s FROM %s WHERE id = 1" % (", ".join(COLUMNS), ITEMS))
        c.fetchall()
        equal("cursor.description names", COLUMNS, [d[0] for d in c.description])
        types = pymysql.constants.FIELD_TYPE
        equal("cursor.description types",
              [types.LONGLONG, types.TINY, types.SHORT, types.LONG, types.LONGLONG, types.LONG, types.NEWDECIMAL,
               types.FLOAT, types.DOUBLE, types.DATE, types.TIME, types.DATETIME, types.VAR_STRING, types.BLOB,
               types.VAR_STRING, types.BLOB],
              [d[1] for d in c.description])
        equal("id is NOT NULL", False, c.description[0][6])


def expect_error(conn, sql, errno, sqlstate):
    try:
        rows(conn, sql)
    except pymysql.err.MySQLError as e:
        got = (e.args[0], getattr(e, "sqlstate", None))
        equal("error of %s (%s)" % (sql, e.args[1] if len(e.args) > 1 else e), (errno, sqlstate), got)
    else:
        raise StepFailed("%s succeeded, expected error %d (%s)" % (sql, errno, sqlstate))
    equal("SELECT 1 after the error", 1, scalar(conn, "SELECT 1"))


def step_errors(conn):
    expect_error(conn, "SELEC 1", 1064, "42000")
    expect_error(conn, "INSERT INTO %s (id) VALUES (1)" % ITEMS, 1062, "23000")
    expect_error(conn, "SELECT * FROM %sno_such_table" % PREFIX, 1146, "42S02")
    expect_error(conn, "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM %s" % ITEMS, 1235, "42000")


def step_cleanup(conn):
    if not KEEP:
        update(conn, "DROP TABLE %s, %s" % (ITEMS, NOTES))
    conn.close()


STEPS = [("ddl", step_ddl), ("prepared-types", step_prepared_types), ("crud-sharded", step_crud_sharded),
         ("crud-unsharded", step_crud_unsharded), ("blob", step_blob), ("utf8mb4", step_utf8mb4),
         ("transaction", step_transaction), ("multi-statement", step_multi_statement),
         ("metadata", step_metadata), ("errors", step_errors), ("cleanup", step_cleanup)]


def run(name, action):
    try:
        return action()
    except Exception as e:  # any failure of the step, the driver's exceptions included
        detail = "" if isinstance(e, StepFailed) else "\n" + traceback.format_exc()
        print("FAILED %s: %s: %s%s" % (name, type(e).__name__, e, detail), flush=True)
        sys.exit(1)


def main():
    print("pymysql %s, python %s" % (pymysql.__version__, sys.version.split()[0]), flush=True)
    conn = run("connect", connect)
    run("connect", lambda: step_connect(conn))
    print("ok connect", flush=True)
    for name, action in STEPS:
        run(name, lambda: action(conn))
        print("ok " + name, flush=True)


if __name__ == "__main__":
    main()

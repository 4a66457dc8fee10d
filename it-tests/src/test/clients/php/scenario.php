<?php
// The client compatibility scenario (../SCENARIO.md) with PDO_MySQL (mysqlnd), run through ShardGate.
//
// Run with Debian's php-cli and php-mysql: php scenario.php. Settings come from the environment:
// SG_PORT, SG_USER, SG_PASSWORD, SG_TLS (1 or 0), SG_PREFIX, SG_KEEP (1 keeps the tables),
// SG_COMPRESS (1: the compressed protocol). Prints
// `ok <step>` per step passed; on the first failure prints `FAILED <step>: ...` and exits 1.
//
// Prepared steps turn PDO's emulation off (ATTR_EMULATE_PREPARES = false: COM_STMT_PREPARE /
// EXECUTE, the binary protocol); every other step runs with emulation on, as text queries.

declare(strict_types=1);

final class StepFailed extends Exception
{
}

const BLOB_SIZE = 20 * 1024 * 1024;
const EMOJI = "emoji \u{1F600} Zo\u{00EB} \u{4E2D}\u{6587} \u{2211}";
const COLUMNS = ['id', 't', 'sm', 'i', 'bi', 'u', 'dc', 'f', 'd', 'dt', 'tm', 'ts', 's', 'txt', 'bin', 'b'];

$prefix = getenv('SG_PREFIX') ?: 'php_';
$items = $prefix . 'items';
$notes = $prefix . 'notes';
$tls = getenv('SG_TLS') === '1';
$keep = getenv('SG_KEEP') === '1';
$compress = getenv('SG_COMPRESS') === '1';

function check(bool $condition, string $message): void
{
    if (!$condition) {
        throw new StepFailed($message);
    }
}

function show(mixed $value): string
{
    return var_export($value, true);
}

function equal(string $what, mixed $expected, mixed $actual): void
{
    check($expected === $actual, "$what: expected " . show($expected) . ', got ' . show($actual));
}

function connect(bool $tls, bool $compress): PDO
{
    $options = [
        PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
        PDO::ATTR_EMULATE_PREPARES => true,
        PDO::ATTR_STRINGIFY_FETCHES => false,
        PDO::MYSQL_ATTR_MULTI_STATEMENTS => true,
        PDO::ATTR_TIMEOUT => 10,
        PDO::MYSQL_ATTR_COMPRESS => $compress,
    ];
    if ($tls) {
        // mysqlnd turns TLS on when an SSL attribute is given. ShardGate's certificate is self-signed
        // and generated at start: encryption without verification.
        $options[PDO::MYSQL_ATTR_SSL_CIPHER] = 'DEFAULT';
        $options[PDO::MYSQL_ATTR_SSL_VERIFY_SERVER_CERT] = false;
    }
    $dsn = 'mysql:host=127.0.0.1;port=' . getenv('SG_PORT') . ';dbname=shop;charset=utf8mb4';
    return new PDO($dsn, getenv('SG_USER'), getenv('SG_PASSWORD'), $options);
}

function rows(PDO $db, string $sql, array $args = []): array
{
    $stmt = $db->prepare($sql);
    $stmt->execute($args);
    return $stmt->fetchAll(PDO::FETCH_NUM);
}

function scalar(PDO $db, string $sql, array $args = []): mixed
{
    $result = rows($db, $sql, $args);
    equal("rows of $sql", 1, count($result));
    return $result[0][0];
}

/** Runs $action with native prepared statements (the binary protocol). */
function native(PDO $db, callable $action): mixed
{
    $db->setAttribute(PDO::ATTR_EMULATE_PREPARES, false);
    try {
        return $action();
    } finally {
        $db->setAttribute(PDO::ATTR_EMULATE_PREPARES, true);
    }
}

function stepConnect(PDO $db, bool $tls, bool $compress): void
{
    $user = scalar($db, 'SELECT CURRENT_USER()');
    check(explode('@', $user)[0] === getenv('SG_USER'), "CURRENT_USER() is $user, expected user " . getenv('SG_USER'));
    $cipher = rows($db, "SHOW SESSION STATUS LIKE 'Ssl_cipher'");
    $value = $cipher ? $cipher[0][1] : '';
    if ($tls) {
        check($value !== '', 'Ssl_cipher is empty over TLS: ' . show($cipher));
    } else {
        equal('Ssl_cipher without TLS', '', $value);
    }
    equal('Compression', [['Compression', $compress ? 'ON' : 'OFF']], rows($db, "SHOW SESSION STATUS LIKE 'Compression'"));
}

function stepDdl(PDO $db, string $items, string $notes): void
{
    $db->exec("DROP TABLE IF EXISTS $items, $notes");
    $db->exec("CREATE TABLE $items (id BIGINT NOT NULL PRIMARY KEY, t TINYINT, sm SMALLINT, i INT, bi BIGINT,"
        . ' u INT UNSIGNED, dc DECIMAL(12,3), f FLOAT, d DOUBLE, dt DATE, tm TIME, ts DATETIME(6),'
        . ' s VARCHAR(100), txt TEXT, bin VARBINARY(16), b LONGBLOB) DEFAULT CHARSET=utf8mb4');
    $db->exec("CREATE TABLE $notes (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200))");
}

/**
 * Each row: [value, PDO parameter type] per column, and what PDO gives back (native ints and
 * floats; DECIMAL, dates and times as strings). PDO has no float parameter type: FLOAT and DOUBLE
 * go as text, as PHP applications send them.
 */
function typedRows(): array
{
    $i = PDO::PARAM_INT;
    $s = PDO::PARAM_STR;
    $l = PDO::PARAM_LOB;
    $first = [
        'bind' => [[1, $i], [-128, $i], [-32768, $i], [-2147483648, $i], [PHP_INT_MIN, $i], [4294967295, $i],
            ['-123456789.125', $s], ['1.5', $s], ['2.25e300', $s], ['2026-01-31', $s], ['23:59:58', $s],
            ['2026-11-21 12:34:56.789012', $s], ['plain', $s], ['text', $s], ["\x00\xff\x7f\x80", $l],
            ["\x00\x01\xfe\xff", $l]],
        'back' => [1, -128, -32768, -2147483648, PHP_INT_MIN, 4294967295, '-123456789.125', 1.5, 2.25e300,
            '2026-01-31', '23:59:58', '2026-11-21 12:34:56.789012', 'plain', 'text', "\x00\xff\x7f\x80",
            "\x00\x01\xfe\xff"],
    ];
    $nulls = ['bind' => array_merge([[2, $i]], array_fill(0, 15, [null, PDO::PARAM_NULL])),
        'back' => array_merge([2], array_fill(0, 15, null))];
    $rows = [$first, $nulls];
    foreach ([3, 4, 5, 6] as $n) {
        $values = [$n, $n, 10 * $n, 100 * $n, 1000 * $n, $n, "$n.500", 0.25 * $n, $n / 4.0, "2026-02-0$n", "0$n:00:00",
            "2026-03-0$n 01:02:03.000000", "s$n", "txt $n", chr($n), chr($n) . "\x00" . chr($n)];
        // PDOStatement::execute(array): every value bound as a string, as most PHP code does
        $rows[] = ['bind' => array_map(fn($v) => [(string) $v, $s], $values), 'back' => $values];
    }
    return $rows;
}

function stepPreparedTypes(PDO $db, string $items): void
{
    native($db, function () use ($db, $items) {
        $insert = $db->prepare("INSERT INTO $items (" . implode(', ', COLUMNS) . ') VALUES ('
            . implode(', ', array_fill(0, count(COLUMNS), '?')) . ')');
        foreach (typedRows() as $row) {
            foreach ($row['bind'] as $k => [$value, $type]) {
                $insert->bindValue($k + 1, $value, $type);
            }
            $insert->execute();
            equal("rows inserted for id {$row['back'][0]}", 1, $insert->rowCount());
        }
        $select = $db->prepare('SELECT ' . implode(', ', COLUMNS) . " FROM $items WHERE id = ?");
        foreach (typedRows() as $row) {
            $select->bindValue(1, $row['back'][0], PDO::PARAM_INT);
            $select->execute();
            $got = $select->fetchAll(PDO::FETCH_NUM);
            equal("rows for id {$row['back'][0]}", 1, count($got));
            foreach (COLUMNS as $k => $name) {
                equal("id {$row['back'][0]} column $name", $row['back'][$k], $got[0][$k]);
            }
        }
    });
}

function stepCrudSharded(PDO $db, string $items): void
{
    equal('ids', [1, 2, 3, 4, 5, 6], array_column(rows($db, "SELECT id FROM $items ORDER BY id"), 0));
    equal('UPDATE id = 3', 1, $db->exec("UPDATE $items SET i = i + 1 WHERE id = 3"));
    equal('UPDATE id > 2', 4, $db->exec("UPDATE $items SET s = 'all' WHERE id > 2"));
    equal('DELETE id IN (5, 6)', 2, $db->exec("DELETE FROM $items WHERE id IN (5, 6)"));
    // i: -2147483648 (id 1), NULL (id 2), 301 (id 3 after +1), 400 (id 4); SUM of an INT is a DECIMAL
    equal('COUNT(*), SUM(i)', [[4, (string) (-2147483648 + 301 + 400)]], rows($db, "SELECT COUNT(*), SUM(i) FROM $items"));
    equal('s of ids 3, 4', ['all', 'all'], array_column(rows($db, "SELECT s FROM $items WHERE id IN (3, 4) ORDER BY id"), 0));
}

function stepCrudUnsharded(PDO $db, string $notes): void
{
    equal('notes inserted', 3, $db->exec("INSERT INTO $notes (body) VALUES ('first note'), ('second note'), ('third note')"));
    $generated = $db->lastInsertId();
    $first = scalar($db, 'SELECT LAST_INSERT_ID()');
    $ids = array_column(rows($db, "SELECT id FROM $notes ORDER BY id"), 0);
    equal('note count', 3, count($ids));
    equal('LAST_INSERT_ID()', $ids[0], $first);
    equal('PDO::lastInsertId()', (string) $ids[0], $generated);
    $update = $db->prepare("UPDATE $notes SET body = ? WHERE id = ?");
    $update->execute(['second, changed', $ids[1]]);
    equal('UPDATE note', 1, $update->rowCount());
    $delete = $db->prepare("DELETE FROM $notes WHERE id = ?");
    $delete->execute([$ids[2]]);
    equal('DELETE note', 1, $delete->rowCount());
    equal('notes', [[$ids[0], 'first note'], [$ids[1], 'second, changed']], rows($db, "SELECT id, body FROM $notes ORDER BY id"));
}

/**
 * Byte i = (i * 31 + i / 256) mod 256 (SCENARIO.md): zero bytes occur, no 256-byte block repeats its
 * neighbour. Block k of 256 bytes is (j * 31 + k) mod 256, so the blob is built from blocks.
 */
function blobPattern(int $size): string
{
    $blocks = [];
    for ($c = 0; $c < 256; $c++) {
        $block = '';
        for ($j = 0; $j < 256; $j++) {
            $block .= chr(($j * 31 + $c) & 0xFF);
        }
        $blocks[] = $block;
    }
    $parts = [];
    for ($k = 0; $k < intdiv($size, 256); $k++) {
        $parts[] = $blocks[$k & 0xFF];
    }
    return implode('', $parts);
}

function stepBlob(PDO $db, string $items): void
{
    $blob = blobPattern(BLOB_SIZE);
    equal('blob size', BLOB_SIZE, strlen($blob));
    native($db, function () use ($db, $items, $blob) {
        $insert = $db->prepare("INSERT INTO $items (id, b) VALUES (?, ?)");
        $insert->bindValue(1, 7, PDO::PARAM_INT);
        $insert->bindValue(2, $blob, PDO::PARAM_LOB);
        $insert->execute();
        equal('blob inserted', 1, $insert->rowCount());
        $select = $db->prepare("SELECT b FROM $items WHERE id = ?");
        $select->execute([7]);
        $back = $select->fetchColumn();
        equal('blob length read back', BLOB_SIZE, strlen($back));
        if ($back !== $blob) {
            throw new StepFailed('blob differs first at byte ' . strspn($blob ^ $back, "\x00"));
        }
    });
    equal('SHA2(b, 256)', hash('sha256', $blob), scalar($db, "SELECT SHA2(b, 256) FROM $items WHERE id = 7"));
    equal('LENGTH(b)', BLOB_SIZE, scalar($db, "SELECT LENGTH(b) FROM $items WHERE id = 7"));
}

function stepUtf8mb4(PDO $db, string $notes): void
{
    $ids = native($db, function () use ($db, $notes) {
        $db->prepare("INSERT INTO $notes (body) VALUES (?)")->execute([EMOJI]);
        return [(int) $db->lastInsertId()];
    });
    $db->exec("INSERT INTO $notes (body) VALUES ('" . EMOJI . "')");
    $ids[] = (int) $db->lastInsertId();
    native($db, function () use ($db, $notes, $ids) {
        foreach ($ids as $id) {
            equal("note $id", [[EMOJI, 16, 26]],
                rows($db, "SELECT body, CHAR_LENGTH(body), LENGTH(body) FROM $notes WHERE id = ?", [$id]));
        }
    });
}

function itemIds(PDO $db, string $items, array $ids): array
{
    return array_column(rows($db, "SELECT id FROM $items WHERE id IN (" . implode(', ', $ids) . ') ORDER BY id'), 0);
}

function stepTransaction(PDO $db, string $items): void
{
    $insert = fn(int $id) => $db->prepare("INSERT INTO $items (id, s) VALUES (?, 'tx')")->execute([$id]);
    check($db->beginTransaction(), 'BEGIN');
    $insert(8);
    check($db->rollBack(), 'ROLLBACK');
    equal('item 8 after rollback', [], itemIds($db, $items, [8]));
    $db->beginTransaction();
    $insert(8);
    $insert(9);
    check($db->commit(), 'COMMIT');
    equal('items 8, 9 after commit', [8, 9], itemIds($db, $items, [8, 9]));
    $db->setAttribute(PDO::ATTR_AUTOCOMMIT, false);
    equal('@@autocommit', 0, scalar($db, 'SELECT @@autocommit'));
    $insert(10);
    $db->exec('ROLLBACK');
    $db->setAttribute(PDO::ATTR_AUTOCOMMIT, true);
    equal('@@autocommit', 1, scalar($db, 'SELECT @@autocommit'));
    equal('item 10 after rollback', [], itemIds($db, $items, [10]));
}

function stepMultiStatement(PDO $db, string $items, string $notes): void
{
    $stmt = $db->query("SELECT 1 AS a; SELECT id FROM $items WHERE id IN (8, 9) ORDER BY id; UPDATE $notes SET body = body");
    equal('first result', [['a' => 1]], $stmt->fetchAll(PDO::FETCH_ASSOC));
    check($stmt->nextRowset(), 'no second result');
    equal('second result', [[8], [9]], $stmt->fetchAll(PDO::FETCH_NUM));
    check($stmt->nextRowset(), 'no third result');
    equal("third result's columns (an update count has none)", 0, $stmt->columnCount());
    // the notes hold 4 rows; body = body changes none of them
    equal("third result's update count", 0, $stmt->rowCount());
    check(!$stmt->nextRowset(), 'a fourth result');
}

function stepMetadata(PDO $db, string $items, string $notes): void
{
    $tables = array_column(rows($db, 'SHOW TABLES'), 0);
    foreach ([$items, $notes] as $table) {
        equal("$table in SHOW TABLES " . json_encode($tables), 1, count(array_keys($tables, $table, true)));
    }
    check(!preg_grep('/^shop_/', $tables), 'physical names in SHOW TABLES: ' . json_encode($tables));
    $columns = rows($db, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop'"
        . ' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION', [$items]);
    equal('information_schema.COLUMNS', COLUMNS, array_column($columns, 0));
    $create = rows($db, "SHOW CREATE TABLE $items")[0][1];
    check(str_starts_with($create, "CREATE TABLE `$items` "), 'SHOW CREATE TABLE gives ' . substr($create, 0, 60));
    // PDO's metadata API, getColumnMeta, on both protocols
    foreach ([true, false] as $emulated) {
        $db->setAttribute(PDO::ATTR_EMULATE_PREPARES, $emulated);
        $stmt = $db->query('SELECT ' . implode(', ', COLUMNS) . " FROM $items WHERE id = 1");
        $meta = array_map(fn($k) => $stmt->getColumnMeta($k), range(0, $stmt->columnCount() - 1));
        $stmt->fetchAll();
        $db->setAttribute(PDO::ATTR_EMULATE_PREPARES, true);
        $how = $emulated ? 'text protocol' : 'binary protocol';
        equal("getColumnMeta names ($how)", COLUMNS, array_column($meta, 'name'));
        equal("getColumnMeta native types ($how)", ['LONGLONG', 'TINY', 'SHORT', 'LONG', 'LONGLONG', 'LONG',
            'NEWDECIMAL', 'FLOAT', 'DOUBLE', 'DATE', 'TIME', 'DATETIME', 'VAR_STRING', 'BLOB', 'VAR_STRING', 'BLOB'],
            array_column($meta, 'native_type'));
        equal("getColumnMeta tables ($how)", array_fill(0, count(COLUMNS), $items), array_column($meta, 'table'));
        check(in_array('not_null', $meta[0]['flags'], true) && in_array('primary_key', $meta[0]['flags'], true),
            "getColumnMeta flags of id ($how): " . json_encode($meta[0]['flags']));
    }
}

function expectError(PDO $db, string $sql, int $errno, string $sqlState): void
{
    try {
        $db->query($sql);
        throw new StepFailed("$sql succeeded, expected error $errno ($sqlState)");
    } catch (PDOException $e) {
        equal("error of $sql ({$e->getMessage()})", [$sqlState, $errno], [$e->errorInfo[0], $e->errorInfo[1]]);
    }
    equal('SELECT 1 after the error', 1, scalar($db, 'SELECT 1'));
}

function stepErrors(PDO $db, string $items, string $prefix): void
{
    expectError($db, 'SELEC 1', 1064, '42000');
    expectError($db, "INSERT INTO $items (id) VALUES (1)", 1062, '23000');
    expectError($db, "SELECT * FROM {$prefix}no_such_table", 1146, '42S02');
    expectError($db, "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM $items", 1235, '42000');
}

function run(string $name, callable $action): mixed
{
    try {
        return $action();
    } catch (Throwable $e) {
        $detail = $e instanceof StepFailed ? $e->getMessage() : get_class($e) . ': ' . $e->getMessage() . "\n" . $e;
        echo "FAILED $name: $detail\n";
        exit(1);
    }
}

echo 'PDO_MySQL ', phpversion('pdo_mysql'), ', PHP ', PHP_VERSION, "\n";
$db = run('connect', fn() => connect($tls, $compress));
run('connect', fn() => stepConnect($db, $tls, $compress));
echo "ok connect\n";
$steps = [
    'ddl' => fn() => stepDdl($db, $items, $notes),
    'prepared-types' => fn() => stepPreparedTypes($db, $items),
    'crud-sharded' => fn() => stepCrudSharded($db, $items),
    'crud-unsharded' => fn() => stepCrudUnsharded($db, $notes),
    'blob' => fn() => stepBlob($db, $items),
    'utf8mb4' => fn() => stepUtf8mb4($db, $notes),
    'transaction' => fn() => stepTransaction($db, $items),
    'multi-statement' => fn() => stepMultiStatement($db, $items, $notes),
    'metadata' => fn() => stepMetadata($db, $items, $notes),
    'errors' => fn() => stepErrors($db, $items, $prefix),
    'cleanup' => function () use (&$db, $keep, $items, $notes) {
        if (!$keep) {
            $db->exec("DROP TABLE $items, $notes");
        }
        $db = null;
    },
];
foreach ($steps as $name => $action) {
    run($name, $action);
    echo "ok $name\n";
}

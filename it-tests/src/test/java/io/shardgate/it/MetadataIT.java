package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.mariadb.LocalMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Metadata for tools: SHOW statements, information_schema queries and drivers' DatabaseMetaData
 * through ShardGate answer as one plain MariaDB holding the same logical tables answers (the
 * reference, see {@link MetadataFixture}), modulo the servers' own statistics
 * ({@link MetadataAnswer#PHYSICAL}); no answer names a physical database, a shard-only object or
 * ShardGate's sequence table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataIT {

    static final List<String> TABLES = MetadataFixture.TABLES;

    /** Text no answer through the proxy may contain. */
    static final List<String> PHYSICAL_NAMES = List.of("shop_0", "shop_1", "hidden", "shardgate_sequence", "v_orders", "stray");

    private MetadataFixture fixture;
    private ShardedCluster cluster;
    private LocalMariaDb reference;

    @BeforeAll
    void start() throws Exception {
        fixture = MetadataFixture.start();
        cluster = fixture.cluster();
        reference = fixture.reference();
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    Connection reference(String schema) throws SQLException {
        return fixture.reference(schema);
    }

    /** Every statement answered alike by the proxy and the reference; all differences reported at once. */
    private void assertSameAnswers(List<String> statements, Set<String> masked) throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection proxy = cluster.connect("shop"); Connection ref = reference("shop")) {
            for (String sql : statements) {
                // every MariaDB user may read a few performance_schema tables; no ShardGate user sees them
                MetadataAnswer expected = MetadataAnswer.of(ref, sql, masked).without("performance_schema");
                MetadataAnswer actual = MetadataAnswer.of(proxy, sql, masked);
                assertNoPhysicalNames(sql, actual);
                if (!expected.equals(actual)) {
                    differences.add(sql + "\nreference: " + expected + "\nShardGate: " + actual);
                }
            }
        }
        assertThat(differences).as("statements answered differently").isEmpty();
    }

    static void assertNoPhysicalNames(String what, Object answer) {
        for (String name : PHYSICAL_NAMES) {
            assertThat(answer.toString()).as(what + " names no physical database or shard-only object").doesNotContain(name);
        }
    }

    @Test
    void showStatementsAnswerAsOneMariaDb() throws SQLException {
        List<String> statements = new ArrayList<>(List.of("SHOW DATABASES", "SHOW SCHEMAS LIKE 's%'",
                "SHOW DATABASES WHERE `Database` <> 'information_schema'", "SHOW TABLES", "SHOW FULL TABLES",
                "SHOW FULL TABLES FROM shop LIKE 'order%'", "SHOW TABLES IN shop WHERE Tables_in_shop LIKE '%s'",
                "SHOW TABLES LIKE 'ORDERS'", "SHOW TABLE STATUS", "SHOW TABLE STATUS LIKE 'orders'",
                "SHOW TABLE STATUS FROM shop WHERE `Rows` > 2 AND Engine = 'InnoDB'", "DESCRIBE orders status",
                "SHOW COLUMNS FROM orders LIKE 'c%'", "SHOW FULL COLUMNS FROM orders WHERE `Null` = 'NO'",
                "SHOW KEYS FROM shop.order_lines WHERE Non_unique = 0", "SHOW CREATE DATABASE shop",
                "SHOW CREATE SCHEMA IF NOT EXISTS shop", "SHOW FUNCTION STATUS WHERE Db = 'shop'", "SHOW PROCEDURE STATUS",
                "SHOW TRIGGERS", "SHOW TRIGGERS FROM shop LIKE 'orders'", "SHOW EVENTS",
                "SHOW TABLES FROM INFORMATION_SCHEMA LIKE 'TAB%'", "SHOW COLUMNS FROM information_schema.SCHEMATA",
                "SHOW CHARACTER SET LIKE 'utf8mb4'", "SHOW COLLATION WHERE Collation = 'utf8mb4_bin'"));
        for (String t : TABLES) {
            statements.addAll(List.of("SHOW CREATE TABLE " + t, "SHOW COLUMNS FROM " + t, "SHOW FULL COLUMNS FROM " + t
                    + " FROM shop", "SHOW INDEX FROM " + t, "DESCRIBE " + t, "DESC shop." + t, "EXPLAIN " + t));
        }
        assertSameAnswers(statements, MetadataAnswer.PHYSICAL);
    }

    @Test
    void informationSchemaAnswersAsOneMariaDb() throws SQLException {
        assertSameAnswers(List.of(
                "SELECT * FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME",
                "SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME",
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS FROM information_schema.TABLES",
                "SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION",
                "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME LIKE 'S%'",
                "SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX",
                "SELECT * FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'shop'"
                        + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
                "SELECT * FROM information_schema.REFERENTIAL_CONSTRAINTS ORDER BY CONSTRAINT_NAME",
                "SELECT * FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME, CONSTRAINT_NAME",
                "SELECT * FROM information_schema.CHECK_CONSTRAINTS ORDER BY CONSTRAINT_NAME",
                "SELECT * FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME",
                "SELECT * FROM information_schema.ROUTINES", "SELECT * FROM information_schema.PARAMETERS",
                "SELECT * FROM information_schema.TRIGGERS", "SELECT * FROM information_schema.EVENTS",
                "SELECT * FROM information_schema.VIEWS WHERE TABLE_SCHEMA = 'shop'",
                "SELECT * FROM information_schema.TABLE_PRIVILEGES", "SELECT * FROM information_schema.COLUMN_PRIVILEGES",
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'hidden'",
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'ORDERS'",
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'SHOP'",
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME LIKE 'ORDERS'",
                "SELECT c.TABLE_NAME, COUNT(*) AS n, GROUP_CONCAT(c.COLUMN_NAME ORDER BY c.ORDINAL_POSITION) AS cols"
                        + " FROM information_schema.COLUMNS c JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                        + " AND t.TABLE_NAME = c.TABLE_NAME WHERE t.TABLE_SCHEMA = 'shop' AND t.TABLE_TYPE = 'BASE TABLE'"
                        + " GROUP BY c.TABLE_NAME ORDER BY c.TABLE_NAME",
                "SELECT TABLE_NAME FROM information_schema.TABLES t WHERE TABLE_SCHEMA = 'shop' AND EXISTS (SELECT 1 FROM"
                        + " information_schema.KEY_COLUMN_USAGE k WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME ="
                        + " t.TABLE_NAME AND k.REFERENCED_TABLE_NAME IS NOT NULL) ORDER BY 1",
                "SELECT LOGFILE_GROUP_NAME, FILE_NAME, TOTAL_EXTENTS, INITIAL_SIZE, ENGINE, EXTRA FROM INFORMATION_SCHEMA.FILES"
                        + " WHERE FILE_TYPE = 'UNDO LOG' AND FILE_NAME IS NOT NULL AND LOGFILE_GROUP_NAME IS NOT NULL AND"
                        + " LOGFILE_GROUP_NAME IN (SELECT DISTINCT LOGFILE_GROUP_NAME FROM INFORMATION_SCHEMA.FILES WHERE"
                        + " FILE_TYPE = 'DATAFILE' AND TABLESPACE_NAME IN (SELECT DISTINCT TABLESPACE_NAME FROM"
                        + " INFORMATION_SCHEMA.PARTITIONS WHERE TABLE_SCHEMA IN ('shop'))) GROUP BY LOGFILE_GROUP_NAME, FILE_NAME,"
                        + " ENGINE, TOTAL_EXTENTS, INITIAL_SIZE ORDER BY LOGFILE_GROUP_NAME",
                "select column_name, extra, generation_expression, data_type from information_schema.columns where"
                        + " table_schema=database() and table_name='orders' order by ordinal_position",
                "SELECT engine, table_type FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = DATABASE() AND table_name = 'orders'",
                "SELECT DATABASE(), SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()",
                "SELECT CHARACTER_SET_NAME, MAXLEN FROM information_schema.CHARACTER_SETS WHERE CHARACTER_SET_NAME LIKE 'utf8%'"),
                MetadataAnswer.PHYSICAL);
    }

    @Test
    void columnDefinitionsAreMariaDbs() throws SQLException {
        List<String> statements = List.of("SELECT * FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop'",
                "SELECT TABLE_NAME AS t, COLUMN_TYPE, IF(IS_NULLABLE = 'YES', 1, 0), ORDINAL_POSITION + 1"
                        + " FROM information_schema.COLUMNS c WHERE TABLE_SCHEMA = 'shop'",
                "SHOW DATABASES", "SHOW DATABASES LIKE 's%'", "SHOW FULL TABLES", "SHOW TABLES LIKE 'o%'", "SHOW TABLE STATUS",
                "SHOW FULL COLUMNS FROM orders", "SHOW INDEX FROM orders", "SHOW CREATE TABLE orders",
                "SHOW CREATE DATABASE shop", "DESCRIBE orders", "SHOW FUNCTION STATUS", "SHOW TRIGGERS");
        List<String> differences = new ArrayList<>();
        try (Connection proxy = cluster.connect("shop"); Connection ref = reference("shop")) {
            for (String sql : statements) {
                List<String> expected = definitions(ref, sql);
                List<String> actual = definitions(proxy, sql);
                assertNoPhysicalNames(sql, actual);
                if (!expected.equals(actual)) {
                    differences.add(sql + "\nreference: " + expected + "\nShardGate: " + actual);
                }
            }
        }
        assertThat(differences).as("column definitions that differ").isEmpty();
    }

    private static List<String> definitions(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getCatalogName(i) + "." + md.getTableName(i) + "." + md.getColumnName(i) + " AS "
                        + md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + MetadataAnswer.size(md, i)
                        + " nullable=" + md.isNullable(i) + " signed=" + md.isSigned(i));
            }
            return out;
        }
    }

    @Test
    void statisticsAddUpOverTheShards() throws SQLException {
        try (Connection proxy = cluster.connect("shop"); Statement st = proxy.createStatement();
             Connection shard0 = cluster.direct(0, "shop_0"); Connection shard1 = cluster.direct(1, "shop_1")) {
            String sql = "SELECT TABLE_ROWS, DATA_LENGTH, AUTO_INCREMENT FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'orders'";
            long[] a = numbers(shard0, sql);
            long[] b = numbers(shard1, sql);
            assertThat(numbers(proxy, sql)).containsExactly(a[0] + b[0], a[1] + b[1], Math.max(a[2], b[2]));
            String primary = "SELECT CARDINALITY FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                    + " AND TABLE_NAME = 'orders' AND INDEX_NAME = 'PRIMARY'";
            assertThat(numbers(proxy, primary)[0]).isEqualTo(numbers(shard0, primary)[0] + numbers(shard1, primary)[0])
                    .isEqualTo(6);
            try (ResultSet rs = st.executeQuery("SHOW INDEX FROM orders WHERE Key_name = 'PRIMARY'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("Cardinality")).isEqualTo(6);
            }
        }
    }

    private static long[] numbers(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            long[] out = new long[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    @Test
    void accessIsRefusedAsMariaDbRefusesIt() throws SQLException {
        assertSameAnswers(List.of("SHOW TABLES FROM hidden", "SHOW TABLES FROM nowhere", "SHOW TABLE STATUS FROM hidden",
                "SHOW CREATE DATABASE hidden", "SHOW COLUMNS FROM hidden.secret", "SHOW CREATE TABLE hidden.secret",
                "SHOW INDEX FROM secret FROM hidden", "DESCRIBE hidden.secret", "SHOW COLUMNS FROM nowhere.t",
                "SHOW TRIGGERS FROM hidden", "SELECT * FROM mysql.user", "SHOW COLUMNS FROM shop.nothing",
                "SHOW INDEX FROM nothing"), Set.of());
    }

    @Test
    void whatShardGateCannotAnswerExactlyIsRefused() throws SQLException {
        try (Connection proxy = cluster.connect("shop"); Statement st = proxy.createStatement()) {
            for (String sql : List.of("SELECT * FROM information_schema.PROCESSLIST",
                    "SELECT * FROM information_schema.TABLES t JOIN orders o ON o.id = t.TABLE_ROWS",
                    "SELECT * FROM orders WHERE id IN (SELECT TABLE_ROWS FROM information_schema.TABLES)")) {
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> st.executeQuery(sql));
                assertThat(e.getErrorCode()).as(sql).isEqualTo(1235);
                assertThat(e.getMessage()).contains(sql.contains("PROCESSLIST") ? "information_schema.PROCESSLIST" : "other tables");
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.SCHEMATA")) {
                assertThat(rs.next()).as("the connection still works").isTrue();
            }
        }
    }

    @Test
    void informationSchemaCanBeTheCurrentSchema() throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection proxy = cluster.connect("shop"); Connection ref = reference("shop")) {
            proxy.setCatalog("information_schema");
            ref.setCatalog("information_schema");
            for (String sql : List.of("SELECT SCHEMA_NAME FROM SCHEMATA WHERE SCHEMA_NAME = DATABASE()", "SHOW TABLES LIKE 'TABLE%'", "SHOW FULL TABLES WHERE Tables_in_information_schema = 'COLUMNS'",
                    "SELECT TABLE_NAME FROM TABLES WHERE TABLE_SCHEMA = 'shop' ORDER BY 1", "DESCRIBE SCHEMATA")) {
                MetadataAnswer expected = MetadataAnswer.of(ref, sql, Set.of());
                MetadataAnswer actual = MetadataAnswer.of(proxy, sql, Set.of());
                if (!expected.equals(actual)) {
                    differences.add(sql + "\nreference: " + expected + "\nShardGate: " + actual);
                }
            }
        }
        assertThat(differences).isEmpty();
    }

    /** The mariadb client's auto-rehash after {@code USE information_schema} asks COM_FIELD_LIST of its tables. */
    @Test
    void fieldListInInformationSchemaDescribesItsTable() throws Exception {
        List<String> expected = new ArrayList<>();
        try (Connection ref = reference("shop"); Statement st = ref.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM information_schema.SCHEMATA LIMIT 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                expected.add(rs.getMetaData().getColumnName(i));
            }
        }
        try (io.shardgate.server.RawClient c = new io.shardgate.server.RawClient(cluster.port())) {
            assertThat(c.login("app", "app-secret", "information_schema", "mysql_native_password",
                    io.shardgate.server.RawClient.BASE_CAPABILITIES)[0]).as("logged in with information_schema").isZero();
            List<String> names = new ArrayList<>();
            byte[] packet = c.command(0x04, "SCHEMATA\0");
            while ((packet[0] & 0xff) != 0xFE) {
                names.add(io.shardgate.protocol.ColumnDefinition41.read(io.netty.buffer.Unpooled.wrappedBuffer(packet)).name());
                packet = c.read();
            }
            assertThat(names).isEqualTo(expected);
        }
    }

    @Test
    void preparedInformationSchemaQueriesBindTheirLookups() throws SQLException {
        String sql = "SELECT COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION";
        String options = "?sslMode=DISABLED&allowPublicKeyRetrieval=true&useServerPrepStmts=true";
        try (Connection proxy = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port() + "/shop" + options,
                "app", "app-secret");
             Connection ref = DriverManager.getConnection(reference.jdbcUrl("shop") + options, "app", "app-secret")) {
            for (String table : TABLES) {
                assertThat(prepared(proxy, sql, table)).as(table).isEqualTo(prepared(ref, sql, table));
            }
        }
    }

    private static MetadataAnswer prepared(Connection c, String sql, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "shop");
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return MetadataAnswer.of(rs, Set.of(), false);
            }
        }
    }

    @Test
    void driversDatabaseMetaDataSeesTheLogicalTables() throws SQLException {
        String options = "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        for (String driver : List.of("jdbc:mysql://127.0.0.1:%d/shop" + options,
                "jdbc:mysql://127.0.0.1:%d/shop" + options + "&useInformationSchema=true", "jdbc:mariadb://127.0.0.1:%d/shop")) {
            try (Connection proxy = DriverManager.getConnection(driver.formatted(cluster.port()), "app", "app-secret");
                 Connection ref = DriverManager.getConnection(driver.formatted(reference.port()), "app", "app-secret")) {
                List<String> expected = DriverMetadata.describe(ref.getMetaData());
                List<String> actual = DriverMetadata.describe(proxy.getMetaData());
                assertNoPhysicalNames(driver, actual);
                assertThat(actual).as(driver).isEqualTo(expected);
                assertThat(DriverMetadata.tableNames(proxy.getMetaData())).as(driver).containsExactlyInAnyOrderElementsOf(TABLES);
            }
        }
    }

    /**
     * mariadb-dump through ShardGate: its default (LOCK TABLES) is refused; with
     * {@code --single-transaction} (START TRANSACTION WITH CONSISTENT SNAPSHOT, a savepoint rolled
     * back to after each table) or {@code --skip-lock-tables} the dump file is the one MariaDB
     * holding the logical tables writes, with {@code --order-by-primary} byte for byte but for
     * the server version and the date; it restores into a plain MariaDB.
     */
    @Test
    void aMariaDbDumpThroughShardGateRestoresIntoPlainMariaDb() throws Exception {
        MariaDbCli.Run locked = MariaDbCli.dump(cluster.port(), "app", "app-secret", "shop");
        assertThat(locked.exitCode()).as("LOCK TABLES is not supported: --skip-lock-tables is needed").isNotZero();
        assertThat(locked.stderr()).contains("1235").contains("LOCK");

        MariaDbCli.Run everything = MariaDbCli.dump(cluster.port(), "app", "app-secret", "shop", "--skip-lock-tables",
                "--routines", "--events", "--triggers", "--databases");
        assertThat(everything.exitCode()).as(everything.stderr()).isZero();
        assertThat(everything.stdout()).contains("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET");
        assertNoPhysicalNames("the dump with routines, events and databases", everything.stdout());

        List<Long> before = savepointCounters();
        MariaDbCli.Run dump = MariaDbCli.dump(cluster.port(), "app", "app-secret", "shop", "--single-transaction",
                "--order-by-primary");
        assertThat(dump.exitCode()).as(dump.stderr()).isZero();
        List<Long> after = savepointCounters();
        assertThat(List.of(after.get(0) - before.get(0), after.get(1) - before.get(1), after.get(2) - before.get(2),
                after.get(3) - before.get(3))).as("BEGIN, SAVEPOINT, ROLLBACK TO SAVEPOINT (after each table), RELEASE")
                .containsExactly(1L, 1L, (long) TABLES.size(), 1L);
        assertNoPhysicalNames("the dump", dump.stdout());
        MariaDbCli.Run plain = MariaDbCli.dump(reference.port(), "app", "app-secret", "shop", "--single-transaction",
                "--order-by-primary");
        assertThat(dumpFile(dump.stdout())).isEqualTo(dumpFile(plain.stdout()));
        MariaDbCli.Run unlocked = MariaDbCli.dump(cluster.port(), "app", "app-secret", "shop", "--skip-lock-tables",
                "--order-by-primary");
        assertThat(unlocked.exitCode()).as(unlocked.stderr()).isZero();
        assertThat(dumpFile(unlocked.stdout())).isEqualTo(dumpFile(dump.stdout()));

        reference.execute("CREATE DATABASE restored");
        MariaDbCli.Run restore = MariaDbCli.script(reference.port(), reference.user(), reference.password(), "restored",
                dump.stdout());
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        try (Connection proxy = cluster.connect("shop"); Connection restored = DriverManager.getConnection(
                reference.jdbcUrl("restored") + "?sslMode=DISABLED&allowPublicKeyRetrieval=true", reference.user(),
                reference.password())) {
            assertThat(MetadataAnswer.of(restored, "SHOW TABLES", Set.of())).isEqualTo(MetadataAnswer.of(proxy, "SHOW TABLES", Set.of())
                    .renamed("Tables_in_shop", "Tables_in_restored"));
            for (String t : TABLES) {
                String rows = "SELECT * FROM " + t + " ORDER BY " + (t.equals("countries") ? "code" : t.equals("order_lines")
                        ? "order_id, line" : "id");
                assertThat(MetadataAnswer.of(restored, rows, Set.of()).rows()).as(t).isNotEmpty()
                        .isEqualTo(MetadataAnswer.of(proxy, rows, Set.of()).rows());
                String ddl = "SHOW CREATE TABLE " + t;
                assertThat(MetadataAnswer.of(restored, ddl, Set.of()).rows()).as(ddl)
                        .isEqualTo(MetadataAnswer.of(proxy, ddl, Set.of()).rows());
            }
        }
    }

    /** The proxy's Com_begin, Com_savepoint, Com_rollback_to_savepoint, Com_release_savepoint. */
    private List<Long> savepointCounters() throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection proxy = cluster.connect("shop")) {
            for (String counter : List.of("Com_begin", "Com_savepoint", "Com_rollback_to_savepoint", "Com_release_savepoint")) {
                out.add(Long.parseLong(TwinSessions.one(proxy, "SHOW GLOBAL STATUS LIKE '" + counter + "'").split("\\|")[1]));
            }
        }
        return out;
    }

    /** A dump without the lines naming the server's version and the time it was written. */
    private static String dumpFile(String dump) {
        return dump.replaceAll("(?m)^-- (Server version|Dump completed on).*$", "");
    }
}

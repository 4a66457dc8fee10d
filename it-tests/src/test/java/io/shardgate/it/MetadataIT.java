package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.mariadb.LocalMariaDb;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
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
 * reference), modulo the servers' own statistics ({@link MetadataAnswer#PHYSICAL}); no answer names
 * a physical database, a shard-only object or ShardGate's sequence table.
 *
 * <p>The cluster: {@code shop} with its default node dn0 ({@code shop_0} on the first server; it
 * holds {@code customers}, the sequence table and a view made behind the proxy's back),
 * {@code orders} sharded over dn0 and dn1, {@code order_lines} its child (with a foreign key to
 * it on each shard), {@code countries} global, {@code audit} single on dn1 ({@code shop_1} on
 * the second server, which also has a stray table). {@code hidden} is a schema app may not see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataIT {

    private static final String YAML = """
            server: { port: 8066, managerPort: 9066 }
            users:
              - { name: app, password: app-secret, schemas: [shop] }
              - { name: admin, password: admin, schemas: [shop, hidden], manager: true }
            dataHosts:
              - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"] }
              - { name: dh1, user: test, password: test, members: ["127.0.0.1:${port1}"] }
            dataNodes:
              - { name: dn0, dataHost: dh0, database: shop_0 }
              - { name: dn1, dataHost: dh1, database: shop_1 }
              - { name: hn0, dataHost: dh1, database: hidden_0 }
            functions:
              - { name: by_id, type: hash-mod, count: 2 }
            sequences: { dataNode: dn0 }
            schemas:
              - name: shop
                defaultDataNode: dn0
                tables:
                  - { name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                  - { name: order_lines, childOf: orders, joinColumn: order_id, parentColumn: id }
                  - { name: countries, type: global, dataNodes: [dn0, dn1] }
                  - { name: audit, type: single, dataNode: dn1 }
              - name: hidden
                defaultDataNode: hn0
            """;

    static final List<String> TABLES = List.of("audit", "countries", "customers", "order_lines", "orders");

    private static final List<String> DDL = List.of(
            "CREATE TABLE customers (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL,"
                    + " email VARCHAR(100) DEFAULT NULL, UNIQUE KEY uk_email (email)) COMMENT 'people'",
            "CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, customer_id INT NOT NULL, amount DECIMAL(10,2) NOT NULL"
                    + " DEFAULT 0.00, status ENUM('open','paid') NOT NULL DEFAULT 'open', created DATETIME NOT NULL, note TEXT,"
                    + " PRIMARY KEY (id), KEY idx_customer (customer_id), CONSTRAINT chk_amount CHECK (amount >= 0))",
            "CREATE TABLE order_lines (order_id BIGINT NOT NULL, line INT NOT NULL, sku VARCHAR(20) NOT NULL, qty INT NOT NULL"
                    + " DEFAULT 1, PRIMARY KEY (order_id, line), CONSTRAINT fk_lines_order FOREIGN KEY (order_id)"
                    + " REFERENCES orders (id) ON DELETE CASCADE)",
            "CREATE TABLE countries (code CHAR(2) NOT NULL PRIMARY KEY, name VARCHAR(60) NOT NULL)",
            "CREATE TABLE audit (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, what VARCHAR(200), at DATETIME(3))",
            "INSERT INTO customers (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', NULL), ('Cé', 'ce@example.com')",
            "INSERT INTO orders (id, customer_id, amount, status, created, note) VALUES (1, 1, 10.50, 'open', '2024-01-01 10:00:00',"
                    + " NULL), (2, 1, 3.00, 'paid', '2024-01-02 11:00:00', 'it''s'), (3, 2, 7.25, 'open', '2024-02-01 12:00:00',"
                    + " 'back\\\\slash'), (4, 3, 0.00, 'paid', '2024-03-01 00:00:00', NULL), (5, 3, 99.99, 'open',"
                    + " '2024-03-02 00:00:00', 'x')",
            "INSERT INTO order_lines VALUES (1, 1, 'A', 1), (1, 2, 'B', 2), (2, 1, 'A', 5), (5, 1, 'C', 1)",
            "INSERT INTO countries VALUES ('FR', 'France'), ('DE', 'Germany')",
            "INSERT INTO audit (what, at) VALUES ('created', '2024-01-01 00:00:00.123'), ('changed', NULL)");

    /** Text no answer through the proxy may contain. */
    static final List<String> PHYSICAL_NAMES = List.of("shop_0", "shop_1", "hidden", "shardgate_sequence", "v_orders", "stray");

    private ShardedCluster cluster;
    private LocalMariaDb reference;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.start(2, i -> i == 0 ? List.of("shop_0") : List.of("shop_1", "hidden_0"), YAML);
        reference = LocalMariaDb.builder().start();
        reference.execute("DROP DATABASE IF EXISTS test", "CREATE DATABASE shop", "CREATE DATABASE hidden",
                "CREATE TABLE hidden.secret (a INT)", "CREATE USER app@'%' IDENTIFIED BY 'app-secret'",
                "GRANT ALL PRIVILEGES ON shop.* TO app@'%'");
        try (Connection proxy = cluster.connect("shop"); Connection ref = reference("shop");
             Statement p = proxy.createStatement(); Statement r = ref.createStatement()) {
            for (String sql : DDL) {
                p.execute(sql);
                r.execute(sql);
            }
            // an id from the global sequence creates its table on dn0, beside customers
            p.executeUpdate("INSERT INTO orders (customer_id, amount, created) VALUES (2, 1.00, '2024-04-01 00:00:00')");
            long id;
            try (ResultSet rs = p.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            r.executeUpdate("INSERT INTO orders (id, customer_id, amount, created) VALUES (" + id + ", 2, 1.00, '2024-04-01 00:00:00')");
        }
        cluster.backend(0).execute("CREATE VIEW shop_0.v_orders AS SELECT id FROM shop_0.orders",
                "ANALYZE TABLE shop_0.orders, shop_0.order_lines, shop_0.customers, shop_0.countries");
        cluster.backend(1).execute("CREATE TABLE shop_1.stray (a INT)", "CREATE TABLE hidden_0.secret (a INT)",
                "ANALYZE TABLE shop_1.orders, shop_1.order_lines, shop_1.countries, shop_1.audit");
        reference.execute("ANALYZE TABLE shop.orders, shop.order_lines, shop.customers, shop.countries, shop.audit");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    Connection reference(String schema) throws SQLException {
        return DriverManager.getConnection(reference.jdbcUrl(schema) + "?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                "app", "app-secret");
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
                "SHOW TABLES FROM information_schema LIKE 'TAB%'", "SHOW COLUMNS FROM information_schema.SCHEMATA",
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

    @Test
    void aMariaDbDumpThroughShardGateRestoresIntoPlainMariaDb() throws Exception {
        MariaDbCli.Run locked = MariaDbCli.dump(cluster.port(), "app", "app-secret", "shop");
        assertThat(locked.exitCode()).as("LOCK TABLES is not supported: --skip-lock-tables is needed").isNotZero();
        assertThat(locked.stderr()).contains("1235").contains("LOCK");

        MariaDbCli.Run dump = MariaDbCli.dump(cluster.port(), "app", "app-secret", "shop", "--skip-lock-tables");
        assertThat(dump.exitCode()).as(dump.stderr()).isZero();
        assertNoPhysicalNames("the dump", dump.stdout());
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
}

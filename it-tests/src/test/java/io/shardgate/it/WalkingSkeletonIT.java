package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end: Connector/J through ShardGate to two real MariaDB servers,
 * with every placement checked on the backends directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards();
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void createsShardedTableOnEveryShardAndInsertsThousandRowsWhereTheRuleSays() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer VARCHAR(40) NOT NULL, "
                    + "amount DECIMAL(10,2), note VARCHAR(100), created DATETIME)");
            // 1000 rows: multi-row statements (split per shard) and single-row prepared inserts.
            StringBuilder sql = new StringBuilder("INSERT INTO orders (id, customer, amount, note, created) VALUES ");
            for (int id = 1; id <= 900; id++) {
                sql.append(id == 1 ? "" : ",").append('(').append(id).append(",'cust-").append(id % 37)
                        .append("',").append(id).append(".25,").append(id % 10 == 0 ? "NULL" : "'it''s \\'n" + id + "\\''")
                        .append(",'2026-01-01 10:00:00')");
            }
            assertThat(st.executeUpdate(sql.toString())).isEqualTo(900);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO orders (id, customer, amount, note, created) VALUES (?, ?, ?, ?, NOW())")) {
                for (int id = 901; id <= 1000; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, "cust-" + (id % 37));
                    ps.setBigDecimal(3, new java.math.BigDecimal(id + ".25"));
                    ps.setString(4, "pädagogik 🚀 " + id);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
            }
        }
        for (int shard = 0; shard < 2; shard++) {
            Set<Long> ids = new HashSet<>();
            try (Connection d = cluster.direct(shard, "shop_" + shard); Statement st = d.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id FROM orders")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int s = shard;
            assertThat(ids).hasSize(500).allSatisfy(id -> assertThat(Math.floorMod(id, 2L)).isEqualTo((long) s));
        }
    }

    @Test
    @Order(2)
    void readsAllRowsBackWithTheirValues() throws Exception {
        Map<Long, String> notes = new HashMap<>();
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, customer, amount, note FROM orders")) {
            while (rs.next()) {
                notes.put(rs.getLong("id"), rs.getString("note"));
                assertThat(rs.getString("customer")).isEqualTo("cust-" + (rs.getLong("id") % 37));
                assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo(rs.getLong("id") + ".25");
            }
        }
        assertThat(notes).hasSize(1000);
        assertThat(notes.get(7L)).isEqualTo("it's 'n7'");
        assertThat(notes.get(10L)).isNull();
        assertThat(notes.get(999L)).isEqualTo("pädagogik 🚀 999");
    }

    @Test
    @Order(3)
    void columnDefinitionsAreTheBackendsOwn() throws Exception {
        try (Connection proxy = cluster.connect("shop"); Connection direct = cluster.direct(1, "shop_1");
             ResultSet p = proxy.createStatement().executeQuery("SELECT id, customer, amount, note, created FROM orders WHERE id = 3");
             ResultSet d = direct.createStatement().executeQuery("SELECT id, customer, amount, note, created FROM orders WHERE id = 3")) {
            ResultSetMetaData pm = p.getMetaData();
            ResultSetMetaData dm = d.getMetaData();
            for (int i = 1; i <= dm.getColumnCount(); i++) {
                assertThat(pm.getColumnName(i)).isEqualTo(dm.getColumnName(i));
                assertThat(pm.getColumnType(i)).isEqualTo(dm.getColumnType(i));
                assertThat(pm.getColumnTypeName(i)).isEqualTo(dm.getColumnTypeName(i));
                assertThat(pm.getPrecision(i)).isEqualTo(dm.getPrecision(i));
                assertThat(pm.getScale(i)).isEqualTo(dm.getScale(i));
                assertThat(pm.isNullable(i)).isEqualTo(dm.isNullable(i));
                assertThat(pm.getTableName(i)).isEqualTo(dm.getTableName(i));
                assertThat(pm.getCatalogName(i)).isEqualTo("shop");
            }
            assertThat(p.next()).isTrue();
            assertThat(d.next()).isTrue();
            for (int i = 1; i <= dm.getColumnCount(); i++) {
                assertThat(p.getString(i)).isEqualTo(d.getString(i));
            }
        }
    }

    @Test
    @Order(4)
    void routesByKeyInListAndScatter() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThat(ids(st, "SELECT id FROM orders WHERE id = 42")).containsExactly(42L);
            assertThat(ids(st, "SELECT id FROM orders WHERE id IN (1, 2, 3, 1001)")).containsExactlyInAnyOrder(1L, 2L, 3L);
            assertThat(ids(st, "SELECT id FROM orders WHERE id = '5'")).containsExactly(5L);
            assertThat(ids(st, "SELECT id FROM orders WHERE customer = 'cust-3'")).hasSize(27);
            assertThat(ids(st, "SELECT id FROM orders WHERE id = 1 AND id = 2")).isEmpty();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders WHERE id IN (?, ?)")) {
                ps.setLong(1, 8);
                ps.setLong(2, 9);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Long> got = new ArrayList<>();
                    while (rs.next()) {
                        got.add(rs.getLong(1));
                    }
                    assertThat(got).containsExactlyInAnyOrder(8L, 9L);
                }
            }
            assertThat(explain(st, "EXPLAIN SELECT * FROM orders WHERE id = 42"))
                    .startsWith("Route SINGLE_SHARD orders").contains("dn0: SELECT * FROM `shop_0`.orders WHERE id = 42");
            assertThat(explain(st, "EXPLAIN SELECT * FROM orders WHERE id IN (1, 2)")).startsWith("Route SHARD_LIST orders");
            assertThat(explain(st, "EXPLAIN SELECT * FROM orders")).startsWith("Route SCATTER orders");
        }
    }

    @Test
    @Order(5)
    void updatesAndDeletesWithAndWithoutKeySumAffectedRows() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE orders SET note = 'one' WHERE id = 11")).isEqualTo(1);
            assertThat(st.executeUpdate("UPDATE orders SET note = 'many' WHERE customer = 'cust-5'")).isEqualTo(27);
            assertThat(st.executeUpdate("UPDATE orders SET amount = amount + 1 WHERE id IN (20, 21, 22)")).isEqualTo(3);
            assertThat(st.executeUpdate("DELETE FROM orders WHERE id = 1000")).isEqualTo(1);
            assertThat(st.executeUpdate("DELETE FROM orders WHERE customer = 'cust-6'")).isEqualTo(27);
            assertThat(count(st, "SELECT id FROM orders")).isEqualTo(1000 - 1 - 27);
            assertThat(ids(st, "SELECT id FROM orders WHERE note = 'many'")).hasSize(27);
        }
        try (Connection d = cluster.direct(0, "shop_0"); Statement st = d.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders WHERE id = 1000")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    @Order(6)
    void stringShardKeysGoWhereCrc32Says() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            // A binary key is placed by its bytes: CRC32 of the UTF-8 text, as the hash-mod rule says.
            st.execute("CREATE TABLE accounts (code VARBINARY(20) PRIMARY KEY, owner VARCHAR(20))");
            st.executeUpdate("INSERT INTO accounts (code, owner) VALUES ('alpha', 'a'), ('beta', 'b'), ('gamma', 'g'), "
                    + "('delta', 'd'), ('épsilon', 'e'), ('7', 'seven')");
            assertThat(st.executeUpdate("UPDATE accounts SET owner = 'A' WHERE code = 'alpha'")).isEqualTo(1);
        }
        for (String code : List.of("alpha", "beta", "gamma", "delta", "épsilon", "7")) {
            CRC32 crc = new CRC32();
            crc.update(code.getBytes(StandardCharsets.UTF_8));
            int shard = (int) (crc.getValue() % 2);
            try (Connection d = cluster.direct(shard, "shop_" + shard);
                 PreparedStatement ps = d.prepareStatement("SELECT owner FROM accounts WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("%s on shard %d", code, shard).isTrue();
                }
            }
        }
    }

    @Test
    @Order(6)
    void textKeysEqualUnderTheirCollationLandTogether() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tags (name VARCHAR(20) PRIMARY KEY, n INT) COLLATE utf8mb4_general_ci");
            st.executeUpdate("INSERT INTO tags VALUES ('Straße', 1), ('café', 2), ('emoji 🚀', 3)");
            // Equal under utf8mb4_general_ci (where ß = s): same shard, so the primary key sees the duplicate.
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO tags VALUES ('STRASE', 9)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1062));
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO tags VALUES ('CAFE ', 9)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1062));
            assertThat(ids(st, "SELECT n FROM tags WHERE name = 'strase'")).containsExactly(1L);
            assertThat(ids(st, "SELECT n FROM tags WHERE name = 'strasse'")).isEmpty();
            assertThat(ids(st, "SELECT n FROM tags WHERE name IN ('CAFÉ', 'EMOJI 🚀')")).containsExactlyInAnyOrder(2L, 3L);
            assertThat(explain(st, "EXPLAIN SELECT n FROM tags WHERE name = 'CAFE'")).startsWith("Route SINGLE_SHARD tags");
        }
    }

    @Test
    @Order(7)
    void unshardedTablesLiveOnTheDefaultNodeWithAutoIncrementIds() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))");
            st.executeUpdate("INSERT INTO customers (name) VALUES ('x')", Statement.RETURN_GENERATED_KEYS);
            st.executeUpdate("INSERT INTO customers (name) VALUES ('y')", Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = st.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(2);
            }
            try (ResultSet rs = st.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
            assertThat(ids(st, "SELECT id FROM customers")).containsExactlyInAnyOrder(1L, 2L);
        }
        try (Connection d = cluster.direct(1, "shop_1"); Statement st = d.createStatement();
             ResultSet rs = st.executeQuery("SHOW TABLES")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables).containsExactlyInAnyOrder("orders", "accounts", "tags");
        }
    }

    @Test
    @Order(8)
    void showsLogicalSchemasAndTables() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThat(strings(st, "SHOW DATABASES")).containsExactly("information_schema", "shop");
            assertThat(strings(st, "SHOW TABLES")).containsExactly("accounts", "customers", "orders", "tags");
            assertThat(strings(st, "SHOW TABLES LIKE 'o%'")).containsExactly("orders");
            assertThat(strings(st, "SELECT DATABASE()")).containsExactly("shop");
            assertThat(strings(st, "SELECT 1")).containsExactly("1");
            assertThat(strings(st, "SELECT @@version_comment LIMIT 1")).containsExactly("ShardGate sharding proxy");
            assertThat(strings(st, "SELECT NOW() IS NOT NULL")).containsExactly("1");
            try (ResultSet rs = st.executeQuery("SHOW COLUMNS FROM orders")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("id");
            }
        }
    }

    @Test
    @Order(9)
    void refusesWhatItCannotRouteExactlyAndStaysUsable() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1235);
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).contains("not supported").contains("window function").contains("orders");
                    });
            assertThatThrownBy(() -> st.executeQuery("SELECT STDDEV(amount) FROM orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1235));
            assertThatThrownBy(() -> st.executeUpdate("UPDATE orders SET id = 5 WHERE id = 4"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getMessage()).contains("shard column"));
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM orders NATURAL JOIN customers"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1235);
                        assertThat(e.getMessage()).contains("NATURAL JOIN");
                    });
            // Single-shard statements are pushed down whole, ORDER BY and all.
            assertThat(ids(st, "SELECT id FROM orders WHERE id = 4 ORDER BY id LIMIT 1")).containsExactly(4L);
            assertThat(strings(st, "SELECT 'still usable'")).containsExactly("still usable");
        }
    }

    @Test
    @Order(10)
    void backendErrorsKeepTheirNumberAndStateWithLogicalNames() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO orders (id, customer) VALUES (2, 'dup')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1062);
                        assertThat(e.getSQLState()).isEqualTo("23000");
                    });
            assertThatThrownBy(() -> st.executeQuery("SELECT nope FROM orders WHERE id = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1054));
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM missing"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1146);
                        assertThat(e.getMessage()).contains("'shop.missing'").doesNotContain("shop_0");
                    });
            assertThatThrownBy(() -> st.execute("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1064);
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getMessage()).contains("'SELEC' does not start a statement", "near 'SELEC 1'");
                    });
            assertThatThrownBy(() -> st.execute("HANDLER orders OPEN"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1235));
            assertThat(strings(st, "SELECT 'ok'")).containsExactly("ok");
        }
    }

    @Test
    @Order(11)
    void loginChecksPasswordAndSchemas() throws Exception {
        assertThatThrownBy(() -> cluster.connect("shop", "app", "wrong"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getMessage()).contains("Access denied for user 'app'@'127.0.0.1' (using password: YES)");
                });
        assertThatThrownBy(() -> cluster.connect("nowhere"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1049);
                    assertThat(e.getMessage()).contains("Unknown database 'nowhere'");
                });
        assertThatThrownBy(() -> cluster.connect("shop", "other", "other"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1044));
        try (Connection c = cluster.connect(null); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT * FROM orders"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1046));
            c.setCatalog("shop");
            // Connector/J statements remember the schema they were created in, so ask a new one.
            assertThat(ids(c.createStatement(), "SELECT id FROM orders WHERE id = 2")).containsExactly(2L);
            assertThatThrownBy(() -> c.setCatalog("nowhere"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
        }
    }

    @Test
    @Order(12)
    void mariaDbConnectorJWorksToo() throws Exception {
        try (Connection c = cluster.connectMariaDbDriver("shop"); Statement st = c.createStatement()) {
            assertThat(ids(st, "SELECT id FROM orders WHERE id IN (30, 31)")).containsExactlyInAnyOrder(30L, 31L);
            assertThat(st.executeUpdate("INSERT INTO orders (id, customer) VALUES (5001, 'm'), (5002, 'm')")).isEqualTo(2);
            assertThat(st.executeUpdate("DELETE FROM orders WHERE customer = 'm'")).isEqualTo(2);
        }
    }

    @Test
    @Order(13)
    void singleShardTransactionCommitsAndRollsBack() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.executeUpdate("UPDATE orders SET note = 'tx' WHERE id = 2");
            c.rollback();
            st.executeUpdate("UPDATE orders SET note = 'kept' WHERE id = 4");
            c.commit();
            c.setAutoCommit(true);
            assertThat(strings(st, "SELECT note FROM orders WHERE id = 2")).doesNotContain("tx");
            assertThat(strings(st, "SELECT note FROM orders WHERE id = 4")).containsExactly("kept");
        }
    }

    @Test
    @Order(14)
    void fieldListDescribesALogicalTable() throws Exception {
        try (io.shardgate.server.RawClient c = new io.shardgate.server.RawClient(cluster.port())) {
            assertThat(c.login("app", ShardedCluster.APP_PASSWORD, "shop", "mysql_native_password",
                    io.shardgate.server.RawClient.BASE_CAPABILITIES)[0]).isZero();
            List<String> names = new ArrayList<>();
            byte[] packet = c.command(0x04, "orders\0");
            while ((packet[0] & 0xff) != 0xFE) {
                io.netty.buffer.ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(packet);
                names.add(io.shardgate.protocol.ColumnDefinition41.read(buf).name());
                packet = c.read();
            }
            assertThat(names).containsExactly("id", "customer", "amount", "note", "created");
            byte[] missing = c.command(0x04, "nope\0");
            assertThat(io.shardgate.protocol.ErrPacket.read(io.netty.buffer.Unpooled.wrappedBuffer(missing)).errorCode())
                    .isEqualTo(1146);
        }
    }

    /** DDL cannot be undone: when it fails on some shards, the error says where it failed and where it applied. */
    @Test
    @Order(15)
    void ddlThatFailsOnOneShardNamesWhereItFailedAndWhereItApplied() throws Exception {
        // tags is sharded over dn0 and dn1; its table on dn1 already has the column ALTER adds
        try (Connection shard1 = cluster.direct(1, "shop_1"); Statement direct = shard1.createStatement()) {
            direct.execute("ALTER TABLE tags ADD COLUMN extra INT");
        }
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("ALTER TABLE tags ADD COLUMN extra INT"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1060);
                        assertThat(e.getMessage()).contains("Duplicate column name 'extra'")
                                .contains("failed on dn1").contains("applied on dn0");
                    });
            try (Connection shard0 = cluster.direct(0, "shop_0"); Statement direct = shard0.createStatement();
                 ResultSet rs = direct.executeQuery("SHOW COLUMNS FROM tags LIKE 'extra'")) {
                assertThat(rs.next()).as("the ALTER applied on dn0").isTrue();
            }
            assertThat(strings(st, "SELECT 'still usable'")).containsExactly("still usable");
            st.execute("ALTER TABLE tags DROP COLUMN extra");
        }
    }

    private static List<Long> ids(Statement st, String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static int count(Statement st, String sql) throws SQLException {
        return ids(st, sql).size();
    }

    private static List<String> strings(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String explain(Statement st, String sql) throws SQLException {
        return String.join("\n", strings(st, sql));
    }
}

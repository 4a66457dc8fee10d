package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Server-side prepared statements end to end: MySQL Connector/J with {@code useServerPrepStmts}
 * (and, for comparison, without), MariaDB Connector/J with its binary protocol, over a table
 * sharded on two MariaDB servers ({@code items}) and an unsharded one ({@code notes}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparedStatementsIT {

    private static final String MYSQL = "jdbc:mysql://127.0.0.1:%d/shop?sslMode=DISABLED&allowPublicKeyRetrieval=true"
            + "&socketTimeout=120000&";
    private static final String SERVER_PREPARED = "useServerPrepStmts=true&cachePrepStmts=true";
    private static final String CLIENT_PREPARED = "useServerPrepStmts=false";
    private static final String COLUMNS = "(id BIGINT PRIMARY KEY, ti TINYINT, si SMALLINT UNSIGNED, mi MEDIUMINT, i INT,"
            + " ui INT UNSIGNED, bi BIGINT, ubi BIGINT UNSIGNED, f FLOAT, d DOUBLE, de DECIMAL(30,10), s VARCHAR(100),"
            + " tx TEXT, bl LONGBLOB, dt DATE, tm TIME(6), dtm DATETIME(6), dt0 DATETIME, yr YEAR, bo BOOLEAN,"
            + " en ENUM('a','b')) DEFAULT CHARSET=utf8mb4";
    private static final String ALL = "id, ti, si, mi, i, ui, bi, ubi, f, d, de, s, tx, bl, dt, tm, dtm, dt0, yr, bo, en";

    private static final byte[] SOME_BYTES = {0, (byte) 0xFF, (byte) 0xFB, '\'', '\\', 0x1A};
    private static final String EMOJI = "héllo 😀 ✓";

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        // A small pool, so that a cursor that kept its backend connection after its client left
        // would soon leave none for anyone else.
        String twoNodes = ShardedCluster.TWO_NODES.replace("members: [\"127.0.0.1:${port0}\"] }",
                "members: [\"127.0.0.1:${port0}\"], pool: { maxConnections: 3, connectTimeout: 2s } }");
        assertThat(twoNodes).contains("maxConnections: 3");
        cluster = ShardedCluster.start(2, i -> List.of("shop_" + i), twoNodes + """
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: items, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                """);
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE items " + COLUMNS);
            st.execute("CREATE TABLE notes " + COLUMNS);
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Connection mysql(String options) throws SQLException {
        return DriverManager.getConnection(MYSQL.formatted(cluster.port()) + options, ShardedCluster.APP_USER,
                ShardedCluster.APP_PASSWORD);
    }

    private Connection mariadb(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.port() + "/shop?" + options,
                ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);
    }

    /**
     * Inserts a row of every type with id {@code id} through {@code c}, by prepared statement.
     * MySQL Connector/J reads the "5.5.5-10.11..." version MariaDB (and so ShardGate) announces as
     * MySQL 5.5.5 and drops fractional seconds from temporal parameters, against MariaDB itself
     * too; with it the fractional values go as text.
     */
    private static void insertEveryType(Connection c, String table, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + ALL + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setByte(2, (byte) -128);
            ps.setInt(3, 65535);
            ps.setInt(4, -8388608);
            ps.setInt(5, Integer.MIN_VALUE);
            ps.setLong(6, 4294967295L);
            ps.setLong(7, Long.MIN_VALUE);
            ps.setBigDecimal(8, new BigDecimal("18446744073709551615"));
            ps.setFloat(9, 1.5f);
            ps.setDouble(10, 0.30000000000000004);
            ps.setBigDecimal(11, new BigDecimal("-12345678901234567890.0123456789"));
            ps.setString(12, EMOJI);
            ps.setString(13, "it's a \\ 'quoted' \"text\"\n" + EMOJI);
            ps.setBytes(14, SOME_BYTES);
            ps.setObject(15, LocalDate.of(2024, 2, 29));
            if (isMariaDbDriver(c)) {
                ps.setObject(16, LocalTime.of(13, 45, 7, 123_456_000));
                ps.setObject(17, LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123_456_000));
            } else {
                ps.setString(16, "13:45:07.123456");
                ps.setString(17, "2024-02-29 13:45:07.123456");
            }
            ps.setObject(18, LocalDateTime.of(2024, 1, 1, 0, 0));
            ps.setShort(19, (short) 2024);
            ps.setBoolean(20, true);
            ps.setString(21, "b");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static boolean isMariaDbDriver(Connection c) throws SQLException {
        return c.isWrapperFor(org.mariadb.jdbc.Connection.class);
    }

    private static void assertEveryType(Connection c, String table, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ALL + " FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(id);
                assertThat(rs.getByte(2)).isEqualTo((byte) -128);
                assertThat(rs.getInt(3)).isEqualTo(65535);
                assertThat(rs.getInt(4)).isEqualTo(-8388608);
                assertThat(rs.getInt(5)).isEqualTo(Integer.MIN_VALUE);
                assertThat(rs.getLong(6)).isEqualTo(4294967295L);
                assertThat(rs.getLong(7)).isEqualTo(Long.MIN_VALUE);
                assertThat(rs.getBigDecimal(8)).isEqualTo(new BigDecimal("18446744073709551615"));
                assertThat(rs.getFloat(9)).isEqualTo(1.5f);
                assertThat(rs.getDouble(10)).isEqualTo(0.30000000000000004);
                assertThat(rs.getBigDecimal(11)).isEqualTo(new BigDecimal("-12345678901234567890.0123456789"));
                assertThat(rs.getString(12)).isEqualTo(EMOJI);
                assertThat(rs.getString(13)).isEqualTo("it's a \\ 'quoted' \"text\"\n" + EMOJI);
                assertThat(rs.getBytes(14)).isEqualTo(SOME_BYTES);
                assertThat(rs.getObject(15, LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(rs.getObject(16, LocalTime.class)).isEqualTo(LocalTime.of(13, 45, 7, 123_456_000));
                assertThat(rs.getObject(17, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123_456_000));
                assertThat(rs.getObject(18, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
                assertThat(rs.getInt(19)).isEqualTo(2024);
                assertThat(rs.getBoolean(20)).isTrue();
                assertThat(rs.getString(21)).isEqualTo("b");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static void insertNulls(Connection c, String table, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + ALL + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            int[] types = {Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.INTEGER, Types.BIGINT, Types.BIGINT,
                Types.BIGINT, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.VARCHAR, Types.LONGVARCHAR, Types.BLOB,
                Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP, Types.SMALLINT, Types.BOOLEAN, Types.VARCHAR};
            for (int i = 0; i < types.length; i++) {
                ps.setNull(i + 2, types[i]);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ALL + " FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                for (int i = 2; i <= 21; i++) {
                    assertThat(rs.getObject(i)).as("column %d", i).isNull();
                }
            }
        }
    }

    /** Both tables, Connector/J with and without server-side statements: the same values come back. */
    @ParameterizedTest
    @ValueSource(strings = {SERVER_PREPARED, CLIENT_PREPARED})
    void everyTypeRoundTripsExactly(String options) throws Exception {
        long base = options.equals(SERVER_PREPARED) ? 1000 : 2000;
        try (Connection c = mysql(options)) {
            for (String table : List.of("items", "notes")) {
                insertEveryType(c, table, base + 1);
                assertEveryType(c, table, base + 1);
                insertEveryType(c, table, base + 2);
                assertEveryType(c, table, base + 2);
                insertNulls(c, table, base + 3);
                try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                    assertThat(isServerPrepared(ps)).isEqualTo(options.equals(SERVER_PREPARED));
                }
            }
        }
    }

    private static boolean isServerPrepared(PreparedStatement ps) throws SQLException {
        return ps.isWrapperFor(com.mysql.cj.jdbc.ServerPreparedStatement.class);
    }

    @Test
    void mariaDbConnectorJBinaryProtocol() throws Exception {
        try (Connection c = mariadb("useServerPrepStmts=true")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                assertThat(ps.isWrapperFor(org.mariadb.jdbc.ServerPreparedStatement.class)).isTrue();
            }
            for (String table : List.of("items", "notes")) {
                insertEveryType(c, table, 3001);
                assertEveryType(c, table, 3001);
                insertNulls(c, table, 3002);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, s FROM items WHERE id IN (?, ?) ORDER BY id")) {
                assertThat(ps.getMetaData().getColumnCount()).isEqualTo(2);
                ps.setLong(1, 3001);
                ps.setLong(2, 3002);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).isEqualTo(EMOJI);
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).isNull();
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql", "mariadb"})
    void twentyMebibyteBlobInlineAndAsLongData(String driver) throws Exception {
        byte[] blob = new byte[20 << 20];
        new Random(42).nextBytes(blob);
        long base = driver.equals("mysql") ? 4000 : 4100;
        try (Connection c = driver.equals("mysql") ? mysql(SERVER_PREPARED) : mariadb("useServerPrepStmts=true")) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, bl, tx) VALUES (?, ?, ?)")) {
                ps.setLong(1, base + 1);
                ps.setBytes(2, blob); // in the COM_STMT_EXECUTE packet itself: more than one 16 MiB frame
                ps.setString(3, EMOJI);
                ps.executeUpdate();
                ps.setLong(1, base + 2);
                ps.setBinaryStream(2, new ByteArrayInputStream(blob), blob.length); // COM_STMT_SEND_LONG_DATA chunks
                ps.setCharacterStream(3, new StringReader(EMOJI + " streamed"));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT bl, tx FROM items WHERE id = ?")) {
                for (long id : new long[] {base + 1, base + 2}) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(sha256(rs.getBytes(1))).as("blob of %d", id).isEqualTo(sha256(blob));
                        assertThat(rs.getString(2)).startsWith(EMOJI);
                    }
                }
            }
        }
    }

    private static String sha256(byte[] b) throws Exception {
        return b == null ? "null" : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @ParameterizedTest
    @ValueSource(strings = {SERVER_PREPARED, SERVER_PREPARED + "&rewriteBatchedStatements=true", CLIENT_PREPARED
            + "&rewriteBatchedStatements=true"})
    void batchInsertsReachTheirShards(String options) throws Exception {
        long base = 10_000L * (1 + Math.abs(options.hashCode() % 50));
        try (Connection c = mysql(options);
             PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, s, dtm) VALUES (?, ?, ?)")) {
            for (int i = 0; i < 50; i++) {
                ps.setLong(1, base + i);
                ps.setString(2, "row " + i + " " + EMOJI);
                ps.setString(3, "2024-03-01 12:00:%02d.%06d".formatted(i, i));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(50);
        }
        for (int backend = 0; backend < 2; backend++) {
            try (Connection d = cluster.direct(backend, "shop_" + backend); Statement st = d.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, s, dtm FROM items WHERE id BETWEEN " + base + " AND "
                         + (base + 49) + " ORDER BY id")) {
                int n = 0;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    assertThat(id % 2).as("row %d on backend %d", id, backend).isEqualTo(backend);
                    assertThat(rs.getString(2)).isEqualTo("row " + (id - base) + " " + EMOJI);
                    assertThat(rs.getObject(3, LocalDateTime.class))
                            .isEqualTo(LocalDateTime.of(2024, 3, 1, 12, 0, (int) (id - base), (int) (id - base) * 1000));
                    n++;
                }
                assertThat(n).isEqualTo(25);
            }
        }
    }

    /** Counted in the backends' general logs: the bound value routes the statement to one shard. */
    @Test
    void pointSelectByShardKeyReachesOneShard() throws Exception {
        String marker = "m" + UUID.randomUUID().toString().replace("-", "");
        for (int b = 0; b < 2; b++) {
            try (Connection d = cluster.direct(b, "shop_" + b); Statement st = d.createStatement()) {
                st.execute("SET GLOBAL log_output = 'TABLE'");
                st.execute("SET GLOBAL general_log = 1");
            }
        }
        try (Connection c = mysql(SERVER_PREPARED);
             PreparedStatement ps = c.prepareStatement("SELECT id, '" + marker + "' FROM items WHERE id = ?")) {
            for (int i = 0; i < 3; i++) {
                ps.setLong(1, 7);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isFalse();
                }
            }
        } finally {
            for (int b = 0; b < 2; b++) {
                try (Connection d = cluster.direct(b, "shop_" + b); Statement st = d.createStatement()) {
                    st.execute("SET GLOBAL general_log = 0");
                }
            }
        }
        int[] executions = new int[2];
        for (int b = 0; b < 2; b++) {
            try (Connection d = cluster.direct(b, "shop_" + b); Statement st = d.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM mysql.general_log WHERE command_type = 'Query'"
                         + " AND argument LIKE '%" + marker + "%' AND argument LIKE '%id = 7%'")) {
                rs.next();
                executions[b] = rs.getInt(1);
            }
        }
        assertThat(executions).containsExactly(0, 3); // 7 mod 2 = 1: dn1, the second backend
    }

    @Test
    void metadataBeforeExecute() throws Exception {
        for (String url : List.of("mysql", "mariadb")) {
            try (Connection c = url.equals("mysql") ? mysql(SERVER_PREPARED) : mariadb("useServerPrepStmts=true")) {
                for (String table : List.of("items", "notes")) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, s, de, dtm FROM " + table + " WHERE id = ?")) {
                        ResultSetMetaData md = ps.getMetaData();
                        assertThat(md.getColumnCount()).isEqualTo(4);
                        assertThat(md.getColumnName(2)).isEqualTo("s");
                        assertThat(md.getTableName(2)).isEqualTo(table);
                        assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
                        assertThat(md.getColumnType(3)).isEqualTo(Types.DECIMAL);
                        assertThat(md.getPrecision(3)).isEqualTo(30);
                        assertThat(md.getScale(3)).isEqualTo(10);
                        assertThat(md.getColumnType(4)).isEqualTo(Types.TIMESTAMP);
                        assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(1);
                    }
                }
                // answered by the proxy from both shards: the columns are the merged result's
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) AS n, MAX(bi) AS top FROM items WHERE ti > ? LIMIT ?")) {
                    ResultSetMetaData md = ps.getMetaData();
                    assertThat(md.getColumnCount()).isEqualTo(2);
                    assertThat(md.getColumnLabel(1)).isEqualTo("n");
                    assertThat(md.getColumnType(1)).isEqualTo(Types.BIGINT);
                    assertThat(md.getColumnLabel(2)).isEqualTo("top");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE notes SET s = ? WHERE id = ?")) {
                    ResultSetMetaData none = ps.getMetaData(); // MySQL Connector/J: null; MariaDB's: no columns
                    assertThat(none == null || none.getColumnCount() == 0).isTrue();
                    assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void cursorFetchInBatchesOutsideAndInsideTransactions() throws Exception {
        try (Connection c = mysql(SERVER_PREPARED + "&useCursorFetch=true")) {
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO notes (id, i) VALUES (?, ?)")) {
                for (int i = 0; i < 10; i++) {
                    ins.setLong(1, 5000 + i);
                    ins.setInt(2, i);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            for (boolean transaction : new boolean[] {false, true}) {
                c.setAutoCommit(!transaction);
                try (PreparedStatement ps = c.prepareStatement("SELECT id, i FROM notes WHERE id >= ? ORDER BY id")) {
                    ps.setFetchSize(3);
                    ps.setLong(1, 5000);
                    List<Integer> seen = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            seen.add(rs.getInt(2));
                            if (seen.size() == 4) {
                                // another statement between fetches, on the same connection
                                try (PreparedStatement other = c.prepareStatement("SELECT COUNT(*) FROM items WHERE id = ?")) {
                                    other.setLong(1, 1);
                                    try (ResultSet o = other.executeQuery()) {
                                        assertThat(o.next()).isTrue();
                                    }
                                }
                            }
                        }
                    }
                    assertThat(seen).as("in a transaction: %s", transaction).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
                }
                if (transaction) {
                    c.commit();
                }
            }
        }
    }

    /** Statements and their open cursors go with their connection, and so do the cursors' backend connections. */
    @Test
    void cursorsOfAClosedConnectionGiveBackTheirBackendConnections() throws Exception {
        try (Connection c = mysql(SERVER_PREPARED); Statement st = c.createStatement()) {
            st.execute("INSERT INTO notes (id, i) VALUES (8001, 1), (8002, 2), (8003, 3), (8004, 4)");
        }
        for (int round = 0; round < 8; round++) {
            Connection c = mysql(SERVER_PREPARED + "&useCursorFetch=true");
            PreparedStatement ps = c.prepareStatement("SELECT id FROM notes WHERE id > ? ORDER BY id");
            ps.setFetchSize(1);
            ps.setLong(1, 8000);
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            c.abort(Runnable::run); // the socket just closes: no COM_STMT_CLOSE, the cursor's rows unread
        }
        try (Connection c = mysql(SERVER_PREPARED); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM notes WHERE id > ?")) {
            ps.setLong(1, 8000);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
        }
    }

    @Test
    void sqlLevelPrepareExecuteDeallocate() throws Exception {
        try (Connection c = mysql(CLIENT_PREPARED); Statement st = c.createStatement()) {
            st.execute("INSERT INTO items (id, s) VALUES (7001, 'seven'), (7002, 'eight')");
            st.execute("SET @k = 7002, @q = 'SELECT id, s FROM items WHERE id = ? OR id = ?'");
            st.execute("PREPARE p FROM @q");
            try (ResultSet rs = st.executeQuery("EXECUTE p USING @k, 7001")) {
                List<String> got = new ArrayList<>();
                while (rs.next()) {
                    got.add(rs.getLong(1) + "=" + rs.getString(2));
                }
                assertThat(got).containsExactlyInAnyOrder("7001=seven", "7002=eight");
            }
            st.execute("PREPARE u FROM 'UPDATE items SET s = ? WHERE id = ?'");
            st.execute("EXECUTE u USING 'changed', @k");
            assertThat(st.getUpdateCount()).isEqualTo(1);
            st.execute("DEALLOCATE PREPARE p");
            st.execute("DROP PREPARE u");
            assertThatThrownBy(() -> st.execute("EXECUTE p USING @k")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1243));
            try (ResultSet rs = st.executeQuery("SELECT s FROM items WHERE id = 7002")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("changed");
            }
        }
    }

    @Test
    void prepareErrorsComeAsMariaDbSendsThem() throws Exception {
        try (Connection c = mysql(SERVER_PREPARED + "&emulateUnsupportedPstmts=false")) {
            assertThatThrownBy(() -> c.prepareStatement("SELECT * FROM WHERE ?")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1064));
            assertThatThrownBy(() -> c.prepareStatement("SELECT * FROM no_such_table WHERE id = ?"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1146);
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                    });
            try (PreparedStatement ps = c.prepareStatement("SELECT ? + 1")) {
                ps.setInt(1, 41);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(42);
                }
            }
        }
    }

    @Test
    void textAndBinaryResultsAgree() throws Exception {
        try (Connection server = mysql(SERVER_PREPARED); Connection client = mysql(CLIENT_PREPARED)) {
            insertEveryType(server, "notes", 6001);
            String sql = "SELECT " + ALL + " FROM notes WHERE id = ?";
            try (PreparedStatement a = server.prepareStatement(sql); PreparedStatement b = client.prepareStatement(sql)) {
                a.setLong(1, 6001);
                b.setLong(1, 6001);
                try (ResultSet x = a.executeQuery(); ResultSet y = b.executeQuery()) {
                    assertThat(x.next()).isTrue();
                    assertThat(y.next()).isTrue();
                    for (int i = 1; i <= 21; i++) {
                        if (i != 14) {
                            assertThat(x.getString(i)).as("column %d", i).isEqualTo(y.getString(i));
                        }
                    }
                    assertThat(x.getBytes(14)).isEqualTo(y.getBytes(14));
                    assertThat(new String(x.getBytes(12), StandardCharsets.UTF_8)).isEqualTo(EMOJI);
                }
            }
        }
    }
}

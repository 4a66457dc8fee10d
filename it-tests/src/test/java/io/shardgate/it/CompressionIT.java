package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.a.CompressedPacketSender;
import com.mysql.cj.protocol.a.NativeProtocol;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * CLIENT_COMPRESS with real clients: Connector/J {@code useCompression=true} over plain TCP and
 * inside TLS, MariaDB Connector/J {@code useCompression=true}, and the {@code mariadb} CLI with
 * {@code --compress}; results larger than one compressed packet, and a 20 MiB value both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompressionIT {

    private static final int ROWS = 3000;

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards();
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(200), data LONGBLOB)");
            StringBuilder insert = new StringBuilder("INSERT INTO orders (id, note) VALUES ");
            for (int i = 1; i <= ROWS; i++) {
                insert.append(i == 1 ? "" : ", ").append('(').append(i).append(", 'order number ").append(i).append(" of many')");
            }
            st.execute(insert.toString());
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Connection connectorJ(String sslMode) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port() + "/shop?useCompression=true&sslMode="
                + sslMode + "&allowPublicKeyRetrieval=true", ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);
    }

    private static boolean compressing(Connection c) throws SQLException {
        NativeProtocol protocol = ((com.mysql.cj.NativeSession) c.unwrap(JdbcConnection.class).getSession()).getProtocol();
        return protocol.getPacketSender().undecorateAll() instanceof CompressedPacketSender;
    }

    /** Every row, merged across both shards in order: many rows, so many compressed packets. */
    private static void readsEveryOrder(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, note FROM orders WHERE id <= " + ROWS + " ORDER BY id")) {
            for (int i = 1; i <= ROWS; i++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(i);
                assertThat(rs.getString(2)).isEqualTo("order number " + i + " of many");
            }
            assertThat(rs.next()).isFalse();
        }
    }

    /**
     * A value of 20 MiB, half compressible: written and read back through the compressed stream.
     * Binary bytes are sent as written in the query text, so only for clients that hex-encode them.
     */
    private static void twentyMebibytesBothWays(Connection c, long id, boolean binary) throws SQLException {
        byte[] value = new byte[20 << 20];
        Random random = new Random(id);
        random.nextBytes(value);
        if (!binary) {
            // MariaDB Connector/J writes bytes into the query as they are: keep them printable
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) ('a' + (value[i] & 0x0f));
            }
        }
        java.util.Arrays.fill(value, 0, 10 << 20, (byte) 'z');
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, note, data) VALUES (?, 'big', ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, value);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM orders WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(value);
            }
        }
    }

    @Test
    void connectorJCompressesOverPlainTcpAndInsideTls() throws Exception {
        long id = 1_000_000;
        for (String sslMode : List.of("DISABLED", "REQUIRED")) {
            try (Connection c = connectorJ(sslMode)) {
                assertThat(compressing(c)).as("compression under sslMode=" + sslMode).isTrue();
                readsEveryOrder(c);
                twentyMebibytesBothWays(c, id++, true);
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders WHERE id BETWEEN 1000000 AND 1999999")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(id - 1_000_000);
                }
            }
        }
    }

    @Test
    void mariaDbConnectorJCompresses() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.port()
                + "/shop?useCompression=true", ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD)) {
            assertThat(((org.mariadb.jdbc.Connection) c).getContext().hasClientCapability(32)).as("CLIENT_COMPRESS").isTrue();
            readsEveryOrder(c);
            twentyMebibytesBothWays(c, 2_000_000, false);
        }
    }

    @Test
    void mariadbCliWithCompress() throws Exception {
        MariaDbCli.Run run = MariaDbCli.run(cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop",
                "--compress", "-e", "status; SELECT COUNT(*) AS n, MAX(note) AS last FROM orders WHERE id <= 3000;"
                        + " SELECT REPEAT('abc', 100000) AS long_value");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("Protocol:\t\tCompressed")
                .contains("n\tlast\n3000\torder number 999 of many\n")
                .contains("long_value\n" + "abc".repeat(100000) + "\n");
    }

    /**
     * Server-side prepared statements over the compressed stream: a parameter of more than 16 MiB
     * sent inline (one COM_STMT_EXECUTE of several 0xFFFFFF frames) and one sent by
     * COM_STMT_SEND_LONG_DATA, read back as binary-protocol rows of more than 16 MiB; then many
     * binary rows at once and through a cursor (COM_STMT_FETCH).
     */
    @Test
    void serverPreparedStatementsWithLargeParametersAndBinaryRows() throws Exception {
        int size = (17 << 20) + 5;
        byte[] inline = new byte[size];
        byte[] streamed = new byte[size];
        Random random = new Random(3);
        random.nextBytes(inline);
        random.nextBytes(streamed);
        // Half compressible: Connector/J cannot send an inline parameter of 16 MiB and more that does
        // not compress (MariaDB itself loses the connection then). The streamed value does not
        // compress: its row comes back in stored compressed packets.
        java.util.Arrays.fill(inline, 0, 8 << 20, (byte) 'i');
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port()
                + "/shop?useCompression=true&useServerPrepStmts=true&socketTimeout=60000&sslMode=DISABLED&allowPublicKeyRetrieval=true",
                ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD)) {
            assertThat(compressing(c)).isTrue();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, note, data) VALUES (?, ?, ?)")) {
                assertThat(ps.isWrapperFor(com.mysql.cj.jdbc.ServerPreparedStatement.class)).as("binary protocol").isTrue();
                ps.setLong(1, 3_000_001);
                ps.setString(2, "inline");
                ps.setBytes(3, inline);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                ps.setLong(1, 3_000_002);
                ps.setString(2, "long data");
                ps.setBinaryStream(3, new java.io.ByteArrayInputStream(streamed), streamed.length);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, note, data, LENGTH(data) FROM orders WHERE id = ?")) {
                for (Object[] expected : new Object[][] {{3_000_001L, "inline", inline}, {3_000_002L, "long data", streamed}}) {
                    ps.setLong(1, (Long) expected[0]);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(expected[0]);
                        assertThat(rs.getString(2)).isEqualTo(expected[1]);
                        assertThat(rs.getBytes(3)).isEqualTo(expected[2]);
                        assertThat(rs.getLong(4)).isEqualTo(size);
                        assertThat(rs.next()).isFalse();
                    }
                }
            }
            readsEveryOrderPrepared(c, 0);
        }
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port()
                + "/shop?useCompression=true&useServerPrepStmts=true&useCursorFetch=true&socketTimeout=60000&sslMode=DISABLED"
                + "&allowPublicKeyRetrieval=true", ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD)) {
            assertThat(compressing(c)).isTrue();
            readsEveryOrderPrepared(c, 100);
        }
    }

    /** {@link #readsEveryOrder} as a server-side prepared statement, fetched by a cursor when {@code fetchSize} > 0. */
    private static void readsEveryOrderPrepared(Connection c, int fetchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, note FROM orders WHERE id <= ? ORDER BY id")) {
            ps.setFetchSize(fetchSize);
            ps.setInt(1, ROWS);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 1; i <= ROWS; i++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(i);
                    assertThat(rs.getString(2)).isEqualTo("order number " + i + " of many");
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }
}

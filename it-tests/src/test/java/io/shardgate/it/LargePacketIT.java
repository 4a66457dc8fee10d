package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shardgate.config.ServerConfig;
import io.shardgate.server.RawClient;
import io.shardgate.server.ShardGateServer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Packets of 16 MiB and more in both directions: 20 MiB values and 20-40 MiB query texts through
 * real drivers, rows split into 0xFFFFFF frames exactly as MariaDB splits them (compared frame by
 * frame with the backend itself), and max_allowed_packet enforced with ERR 1153 towards the client
 * and towards a data node, the session staying usable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargePacketIT {

    private static final int MIB = 1 << 20;
    /** The backends' max_allowed_packet: enough for 40 MiB statements, less than the proxy's 64M. */
    private static final int BACKEND_MAX_PACKET = 48 * MIB;

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards("--max-allowed-packet=" + BACKEND_MAX_PACKET);
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note LONGTEXT, data LONGBLOB)");
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String text(int length, long seed) {
        Random random = new Random(seed);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    @Test
    void twentyMebibyteBlobBothWays() throws Exception {
        byte[] value = new byte[20 * MIB];
        new Random(1).nextBytes(value);
        try (Connection c = cluster.connect("shop")) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (id, data) VALUES (?, ?)")) {
                ps.setLong(1, 1);
                ps.setBytes(2, value);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT data FROM orders WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(value);
            }
        }
    }

    @Test
    void queryTextsOfTwentyAndFortyMebibytesBothWays() throws Exception {
        String twenty = text(20 * MIB, 2);
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("INSERT INTO orders (id, note) VALUES (2, '" + twenty + "')")).isEqualTo(1);
            try (ResultSet rs = st.executeQuery("SELECT note FROM orders WHERE id = 2")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(twenty);
            }
            String forty = text(40 * MIB, 3);
            // the proxy parses, routes and passes on all 40 MiB; the backend counts them
            try (ResultSet rs = st.executeQuery("SELECT LENGTH('" + forty + "') AS n")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(40L * MIB);
            }
        }
        try (Connection c = cluster.connectMariaDbDriver("shop"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT note FROM orders WHERE id = 2")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(twenty);
        }
    }

    /** Frame headers (length, sequence id) of everything a query returns, and a digest of the payloads. */
    private static List<String> frames(RawClient c, String sql) throws Exception {
        c.write(0, ("\u0003" + sql).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<String> frames = new ArrayList<>();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int eofs = 0;
        for (int i = 0; i < 20 && eofs < 2; i++) {
            byte[] payload = c.read();
            frames.add(payload.length + "@" + c.lastSequence);
            digest.update(payload);
            if (payload.length == 5 && (payload[0] & 0xFF) == 0xFE) {
                eofs++; // after the column definitions, then after the rows
            }
        }
        frames.add(HexFormat.of().formatHex(digest.digest()));
        return frames;
    }

    @Test
    void rowsOverSixteenMebibytesAreFramedExactlyAsMariaDbFramesThem() throws Exception {
        int[] lengths = {
            0xFFFFFF - 4, // with its 4-byte length prefix exactly one full frame: an empty frame must follow
            0xFFFFFF - 3, // one byte into a second frame
            17_000_000,
        };
        try (RawClient proxy = new RawClient(cluster.port());
             RawClient mariaDb = new RawClient(cluster.backend(0).port())) {
            assertThat(proxy.login(ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop", "mysql_native_password",
                    RawClient.BASE_CAPABILITIES)[0]).isZero();
            assertThat(mariaDb.login("test", "test", null, "mysql_native_password", RawClient.BASE_CAPABILITIES)[0]).isZero();
            for (int length : lengths) {
                String sql = "SELECT REPEAT('z', " + length + ") AS v";
                List<String> expected = frames(mariaDb, sql);
                assertThat(frames(proxy, sql)).as(sql).isEqualTo(expected);
                if (length == 0xFFFFFF - 4) {
                    assertThat(expected).contains("16777215@4", "0@5");
                }
            }
        }
    }

    @Test
    void maxAllowedPacketIsEnforcedTowardsTheClientWith1153AndTheSessionGoesOn() throws Exception {
        ShardGateServer small = cluster.proxy(s -> new ServerConfig(s.bindAddress(), s.port(), s.managerPort(), MIB,
                s.maxPreparedStatements(), s.defaultAuthPlugin(), s.tls(), s.netReadTimeoutMillis()));
        try (small; Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + small.port()
                + "/shop?sslMode=DISABLED&allowPublicKeyRetrieval=true", ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT REPEAT('x', 2000000)")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1153);
                assertThat(e.getMessage()).startsWith("Got a packet bigger than 'max_allowed_packet' bytes")
                        .contains("a result row of 2000004 bytes (max_allowed_packet is 1048576)");
            });
            try (ResultSet rs = st.executeQuery("SELECT REPEAT('x', 1000000)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).hasSize(1_000_000);
            }
        }
    }

    @Test
    void aStatementOverTheDataNodesMaxAllowedPacketGets1153AndTheSessionGoesOn() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            String tooBig = text(BACKEND_MAX_PACKET + MIB, 4);
            assertThatThrownBy(() -> st.executeQuery("SELECT LENGTH('" + tooBig + "')")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1153);
                assertThat(e.getMessage()).startsWith("Got a packet bigger than 'max_allowed_packet' bytes").contains("data node");
            });
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM orders")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}

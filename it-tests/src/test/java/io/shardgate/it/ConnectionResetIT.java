package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.jdbc.JdbcConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Resetting a session with the drivers' own calls, which send COM_RESET_CONNECTION: Connector/J's
 * {@code resetServerState()}, and MariaDB Connector/J's {@code reset()} with {@code
 * useResetConnection=true} (without it, it only rolls back). The transaction is rolled back on the
 * data nodes, variables and prepared statements are forgotten, and user and schema stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionResetIT {

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards();
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(20))");
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static List<String> row(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }

    /** Leaves state behind of every kind the reset must clear, an open transaction on two shards among it. */
    private static void dirty(Connection c, long id) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET @left_over = 'dirty'");
            st.execute("SET sql_mode = 'ANSI_QUOTES'");
            st.execute("PREPARE leftover FROM 'SELECT 1'");
            c.setAutoCommit(false);
            // two rows on two shards, in one transaction that is never committed
            st.execute("INSERT INTO orders VALUES (" + id + ", 'uncommitted'), (" + (id + 1) + ", 'uncommitted')");
        }
    }

    private void assertClean(Connection c, long id) throws SQLException {
        assertThat(row(c, "SELECT @left_over, DATABASE(), USER()"))
                .containsExactly(null, "shop", ShardedCluster.APP_USER + "@127.0.0.1");
        assertThat(row(c, "SELECT @@sql_mode").getFirst()).doesNotContain("ANSI_QUOTES");
        try (Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("EXECUTE leftover")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1243));
        }
        for (int b = 0; b < 2; b++) {
            try (Connection d = cluster.direct(b, "shop_" + b)) {
                assertThat(row(d, "SELECT COUNT(*) FROM orders WHERE id IN (" + id + ", " + (id + 1) + ")"))
                        .as("rolled back on backend %d", b).containsExactly("0");
            }
        }
    }

    @Test
    void mariaDbConnectorJResetSendsResetConnection() throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.port()
                + "/shop?useResetConnection=true", ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD)) {
            dirty(c, 10);
            ((org.mariadb.jdbc.Connection) c).reset();
            c.setAutoCommit(true);
            assertClean(c, 10);
            // server-side prepared statements of the driver work again after the reset
            try (PreparedStatement ps = c.prepareStatement("SELECT ? AS v")) {
                ps.setString(1, "after");
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("after");
                }
            }
        }
    }

    @Test
    void connectorJResetServerState() throws Exception {
        try (Connection c = cluster.connect("shop")) {
            dirty(c, 20);
            c.unwrap(JdbcConnection.class).resetServerState();
            c.setAutoCommit(true);
            assertClean(c, 20);
        }
    }
}

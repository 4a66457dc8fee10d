package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
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
 * CALL through the proxy with real clients: a schema whose tables all live on one data node runs
 * its procedures there; a sharded schema needs a dataNode hint. Several result sets, the closing
 * OK, an error after a first result, a CALL inside a transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureIT {

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.start(2, i -> i == 0 ? List.of("shop_0", "reports_0") : List.of("shop_1"), """
                server: { port: 8066, managerPort: 9066 }
                users:
                  - { name: app, password: app-secret, schemas: [shop, reports] }
                dataHosts:
                  - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"] }
                  - { name: dh1, user: test, password: test, members: ["127.0.0.1:${port1}"] }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: shop_0 }
                  - { name: dn1, dataHost: dh1, database: shop_1 }
                  - { name: rn0, dataHost: dh0, database: reports_0 }
                functions:
                  - { name: by_id, type: hash-mod, count: 2 }
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: orders, dataNodes: "dn$0-1", shardColumn: id, function: by_id }
                  - name: reports
                    defaultDataNode: rn0
                """);
        // over JDBC: the mariadb CLI would split the procedure bodies at their semicolons
        try (Connection d = cluster.direct(0, "reports_0"); Statement st = d.createStatement()) {
            st.execute("CREATE TABLE notes (id INT PRIMARY KEY, note VARCHAR(20))");
            st.execute("INSERT INTO notes VALUES (1, 'first'), (2, 'second')");
            st.execute("CREATE PROCEDURE two_results() BEGIN SELECT 1 AS a; SELECT id, note FROM notes ORDER BY id; END");
            st.execute("CREATE PROCEDURE add_note(IN n INT, IN t VARCHAR(20)) BEGIN INSERT INTO notes VALUES (n, t);"
                    + " SELECT COUNT(*) AS total FROM notes; END");
            st.execute("CREATE PROCEDURE fails() BEGIN SELECT 'before' AS b; SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom'; END");
            st.execute("CREATE PROCEDURE quiet() BEGIN DO 1; END");
        }
        try (Connection d = cluster.direct(1, "shop_1"); Statement st = d.createStatement()) {
            st.execute("CREATE PROCEDURE on_one_shard() SELECT DATABASE() AS db");
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Every result of one execute, as text: "rows: a=1; b=2" per result set, "count: n" per update count. */
    private static List<String> results(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        boolean resultSet = st.execute(sql);
        for (int i = 0; i < 10; i++) {
            if (resultSet) {
                StringBuilder rows = new StringBuilder("rows:");
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= n; c++) {
                            rows.append(c == 1 ? " " : ",").append(rs.getMetaData().getColumnLabel(c)).append('=').append(rs.getString(c));
                        }
                        rows.append(';');
                    }
                }
                out.add(rows.toString());
            } else if (st.getUpdateCount() != -1) {
                out.add("count: " + st.getUpdateCount());
            } else {
                return out;
            }
            resultSet = st.getMoreResults();
        }
        throw new AssertionError("more than 10 results: " + out);
    }

    @Test
    void severalResultSetsThenTheClosingOkWithBothDrivers() throws Exception {
        for (Connection c : new Connection[] {cluster.connect("reports"), cluster.connectMariaDbDriver("reports")}) {
            try (c; Statement st = c.createStatement()) {
                assertThat(results(st, "CALL two_results()")).containsExactly(
                        "rows: a=1;", "rows: id=1,note=first; id=2,note=second;", "count: 0");
                assertThat(results(st, "CALL quiet()")).containsExactly("count: 0");
                // the session goes on after a CALL
                assertThat(results(st, "SELECT COUNT(*) AS n FROM notes")).containsExactly("rows: n=2;");
            }
        }
    }

    @Test
    void callWithArgumentsFromAnotherSchemaAndInsideATransaction() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            assertThat(results(st, "CALL reports.add_note(3, 'third')")).containsExactly("rows: total=3;", "count: 1");
            c.rollback();
            c.setAutoCommit(true);
            assertThat(results(st, "SELECT COUNT(*) AS n FROM reports.notes")).containsExactly("rows: n=2;");
        }
    }

    @Test
    void anErrorAfterAResultEndsTheCallAndTheSessionGoesOn() throws Exception {
        for (Connection c : new Connection[] {cluster.connect("reports"), cluster.connectMariaDbDriver("reports")}) {
            try (c; Statement st = c.createStatement()) {
                // both drivers read every result of a CALL at once, so the error comes from execute
                assertThatThrownBy(() -> results(st, "CALL fails()")).isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1644);
                    assertThat(e.getSQLState()).isEqualTo("45000");
                    assertThat(e.getMessage()).endsWith("boom");
                });
                assertThat(results(st, "SELECT 1 AS one")).containsExactly("rows: one=1;");
            }
        }
    }

    @Test
    void aShardedSchemaNeedsTheHintAndUnknownProceduresAreNamedLogically() throws Exception {
        try (Connection c = cluster.connect("shop"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CALL on_one_shard()")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1235);
                assertThat(e.getMessage()).contains("CALL in schema 'shop'").contains("dataNode=");
            });
            assertThat(results(st, "/*+ shardgate: dataNode=dn1 */ CALL on_one_shard()"))
                    .containsExactly("rows: db=shop_1;", "count: 0");
            assertThatThrownBy(() -> st.execute("CALL reports.nowhere()")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(1305);
                assertThat(e.getMessage()).isEqualTo("PROCEDURE reports.nowhere does not exist");
            });
        }
    }

    @Test
    void theMariadbCliPrintsEveryResult() throws Exception {
        MariaDbCli.Run run = MariaDbCli.execute(cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD,
                "reports", "CALL two_results()");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("a\n1\nid\tnote\n1\tfirst\n2\tsecond\n");
    }
}

package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A sharded cluster and, beside it, one plain MariaDB database holding the same tables: the
 * reference the session tests compare ShardGate with, statement by statement. Schema {@code shop}
 * has {@code items} sharded by id over dn0 ({@code shop_0} on the first server) and dn1
 * ({@code shop_1} on the second), and {@code notes} unsharded on dn0; database {@code plain} on
 * the first server has both tables whole.
 */
final class TwinSessions implements AutoCloseable {

    static final String DRIVER_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

    final ShardedCluster cluster;

    private TwinSessions(ShardedCluster cluster) {
        this.cluster = cluster;
    }

    static TwinSessions start(String... ddl) throws Exception {
        return start(8, ddl);
    }

    /** @param poolSize backend connections per member: with 1, consecutive sessions share them */
    static TwinSessions start(int poolSize, String... ddl) throws Exception {
        ShardedCluster cluster = ShardedCluster.start(2, i -> i == 0 ? List.of("shop_0", "plain") : List.of("shop_1"), """
                server: { port: 8066, managerPort: 9066 }
                users:
                  - { name: app, password: app-secret, schemas: [shop] }
                dataHosts:
                  - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"], pool: { maxConnections: ${pool}, minIdle: 1 } }
                  - { name: dh1, user: test, password: test, members: ["127.0.0.1:${port1}"], pool: { maxConnections: ${pool}, minIdle: 1 } }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: shop_0 }
                  - { name: dn1, dataHost: dh1, database: shop_1 }
                functions:
                  - { name: by_id, type: hash-mod, count: 2 }
                schemas:
                  - name: shop
                    defaultDataNode: dn0
                    tables:
                      - { name: items, dataNodes: [dn0, dn1], shardColumn: id, function: by_id }
                """.replace("${pool}", Integer.toString(poolSize)));
        TwinSessions twins = new TwinSessions(cluster);
        try (Connection proxy = twins.proxy(""); Connection plain = twins.plain("");
             Statement p = proxy.createStatement(); Statement d = plain.createStatement()) {
            for (String sql : ddl) {
                p.execute(sql);
                d.execute(sql);
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return twins;
    }

    /** MySQL Connector/J to the proxy's {@code shop}, with extra URL options. */
    Connection proxy(String options) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + cluster.port() + "/shop?" + DRIVER_OPTIONS
                + (options.isEmpty() ? "" : "&" + options), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);
    }

    /** MySQL Connector/J to the reference database, with the same options. */
    Connection plain(String options) throws SQLException {
        return DriverManager.getConnection(cluster.backend(0).jdbcUrl("plain") + "?" + DRIVER_OPTIONS
                + (options.isEmpty() ? "" : "&" + options), cluster.backend(0).user(), cluster.backend(0).password());
    }

    /** MariaDB Connector/J to the proxy. */
    Connection proxyMariaDbDriver() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.port() + "/shop",
                ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);
    }

    /** MariaDB Connector/J to the reference database. */
    Connection plainMariaDbDriver() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + cluster.backend(0).port() + "/plain",
                cluster.backend(0).user(), cluster.backend(0).password());
    }

    /** One statement's answer and the warnings it left, as SHOW WARNINGS lists them. */
    record Answer(Outcome outcome, List<String> warnings) {
    }

    static Answer answer(Connection c, String sql) throws SQLException {
        return answer(c, conn -> Outcome.run(conn, sql));
    }

    private static Answer answer(Connection c, Function<Connection, Outcome> statement) throws SQLException {
        Outcome outcome = statement.apply(c);
        return new Answer(outcome, rows(c, "SHOW WARNINGS"));
    }

    /**
     * Runs {@code sql} on both connections; asserts they answered the same (rows as multisets, or
     * in order) and left the same warnings; returns the proxy's answer.
     */
    static Answer same(Connection proxy, Connection plain, String sql, boolean ordered) throws SQLException {
        return same(proxy, plain, sql, conn -> Outcome.run(conn, sql), ordered);
    }

    /**
     * {@link #same} for a prepared statement executed with {@code parameters}: through the binary
     * protocol when both connections were opened with {@code useServerPrepStmts=true}.
     */
    static Answer samePrepared(Connection proxy, Connection plain, String sql, Object... parameters) throws SQLException {
        return same(proxy, plain, sql + " " + Arrays.toString(parameters), conn -> Outcome.prepared(conn, sql, parameters),
                false);
    }

    private static Answer same(Connection proxy, Connection plain, String sql, Function<Connection, Outcome> statement,
                               boolean ordered) throws SQLException {
        Answer expected = answer(plain, statement);
        Answer actual = answer(proxy, statement);
        if (expected.outcome() instanceof Outcome.Failure e) {
            assertThat(actual.outcome()).as(sql).isInstanceOfSatisfying(Outcome.Failure.class, a -> {
                assertThat(a.errorCode()).as(sql).isEqualTo(e.errorCode());
                assertThat(a.sqlState()).as(sql).isEqualTo(e.sqlState());
                assertThat(comparable(a.message())).as(sql).isEqualTo(comparable(e.message()));
            });
        } else {
            Optional<String> difference = OutcomeComparison.compare(expected.outcome(), actual.outcome(), ordered);
            assertThat(difference).as(sql).isEmpty();
        }
        assertThat(actual.warnings().stream().map(TwinSessions::comparable).toList()).as("warnings of " + sql)
                .containsExactlyInAnyOrderElementsOf(expected.warnings().stream().map(TwinSessions::comparable).toList());
        return actual;
    }

    /**
     * A message with what legitimately differs taken out: the database's name, MariaDB
     * Connector/J's connection id, and the data nodes a statement failed on, which ShardGate adds
     * to errors of statements that ran on several ("... [failed on dn0, dn1]").
     */
    static String comparable(String message) {
        return message.replace("plain.", "shop.").replaceFirst("^\\(conn=\\d+\\) ", "")
                .replaceFirst(" \\[failed on [^]]*]$", "");
    }

    static Answer same(Connection proxy, Connection plain, String sql) throws SQLException {
        return same(proxy, plain, sql, false);
    }

    /** Each row's columns joined with '|'. */
    static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    static String one(Connection c, String sql) throws SQLException {
        List<String> r = rows(c, sql);
        assertThat(r).as(sql).hasSize(1);
        return r.getFirst();
    }

    /**
     * {@code sql} sent as written to one data node through the proxy (a hint), on the backend
     * connection the session's statements use there: what that connection's own session holds.
     */
    static String onNode(Connection proxy, String node, String sql) throws SQLException {
        return one(proxy, "/*+ shardgate: dataNode=" + node + " */ " + sql);
    }

    /** Runs {@code sql} in order on a fresh connection to the proxy and on one to the reference database. */
    void runOnBoth(String... sql) throws SQLException {
        try (Connection p = proxy(""); Connection d = plain("")) {
            run(p, sql);
            run(d, sql);
        }
    }

    static void run(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() {
        cluster.close();
    }
}

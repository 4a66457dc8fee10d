package io.shardgate.backend;

import com.mysql.cj.jdbc.JdbcConnection;
import io.shardgate.router.plan.BackendSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * The session variables each pooled backend connection carries. A connection keeps what the last
 * session set on it when it returns to the pool; whoever borrows it next brings it to the state
 * it needs with one {@code SET} of the differences, and none when the states already agree (the
 * usual case: most sessions change nothing, and a session tends to get its own connection back).
 * So a session's sql_mode or time_zone never leaks into another session's statements.
 *
 * <p>States are kept per physical Connector/J connection (not per pool proxy, which HikariCP
 * makes anew per borrow), weakly, so connections the pool closes are forgotten. A connection
 * never seen has the server's defaults.
 */
final class ConnectionSettings {

    /**
     * What a variable goes back to. DEFAULT is the server's global value; the connection's
     * character set is the one Connector/J set at connect time (see DataSourceRegistry), which the
     * proxy reads every result in.
     */
    private static final Map<String, String> BASELINE = Map.of(
            "collation_connection", "'" + DataSourceRegistry.CONNECTION_COLLATION + "'");

    /** Guarded by itself. */
    private final Map<JdbcConnection, BackendSettings> applied = new WeakHashMap<>();

    /** Brings {@code c} to {@code wanted}, in at most one round trip. */
    void ensure(Connection c, BackendSettings wanted) throws SQLException {
        JdbcConnection physical = c.unwrap(JdbcConnection.class);
        BackendSettings current;
        synchronized (applied) {
            current = applied.getOrDefault(physical, BackendSettings.DEFAULTS);
        }
        if (current.equals(wanted)) {
            return;
        }
        String sql = difference(current, wanted);
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            // MariaDB checks every value before applying any, but what state a failed SET left is
            // not worth guessing: the caller evicts the connection.
            forget(physical);
            throw e;
        }
        record(physical, wanted);
    }

    /** Records a state reached by other means (a SET the session ran to check a value). */
    void record(Connection c, BackendSettings state) throws SQLException {
        record(c.unwrap(JdbcConnection.class), state);
    }

    private void record(JdbcConnection physical, BackendSettings state) {
        synchronized (applied) {
            applied.put(physical, state);
        }
    }

    BackendSettings current(Connection c) throws SQLException {
        JdbcConnection physical = c.unwrap(JdbcConnection.class);
        synchronized (applied) {
            return applied.getOrDefault(physical, BackendSettings.DEFAULTS);
        }
    }

    private void forget(JdbcConnection physical) {
        synchronized (applied) {
            applied.remove(physical);
        }
    }

    /** One SET taking a connection from {@code current} to {@code wanted}; null when they agree. */
    static String difference(BackendSettings current, BackendSettings wanted) {
        TreeSet<String> names = new TreeSet<>(current.values().keySet());
        names.addAll(wanted.values().keySet());
        StringBuilder sql = new StringBuilder("SET SESSION ");
        boolean any = false;
        for (String name : names) {
            String want = wanted.values().get(name);
            if (want != null && want.equals(current.values().get(name))) {
                continue;
            }
            sql.append(any ? ", " : "").append(name).append(" = ")
                    .append(want != null ? want : BASELINE.getOrDefault(name, "DEFAULT"));
            any = true;
        }
        return any ? sql.toString() : null;
    }
}

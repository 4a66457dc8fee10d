package io.shardgate.backend;

import com.mysql.cj.NativeSession;
import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.protocol.a.NativeProtocol;
import io.shardgate.router.plan.Condition;
import io.shardgate.router.plan.Diagnostics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a backend statement leaves behind that must be read on its connection before the
 * connection goes back to the pool: its warnings (SHOW WARNINGS, only when the OK or EOF packet
 * counted some), whether it used an index (status flags the client sees too) and, after a
 * SQL_CALC_FOUND_ROWS query, FOUND_ROWS().
 */
final class StatementEnd {

    private static final String CALC_FOUND_ROWS = "SQL_CALC_FOUND_ROWS";
    /** SERVER_STATUS_NO_GOOD_INDEX_USED and SERVER_STATUS_NO_INDEX_USED: how the backend ran it. */
    private static final int INDEX_FLAGS = 16 | 32;

    private StatementEnd() {
    }

    /**
     * Whether the statement asks for FOUND_ROWS(): the option follows SELECT (and maybe other
     * options), so only the statement's head is looked at.
     */
    static boolean calculatesFoundRows(String sql) {
        int head = Math.min(sql.length(), 80);
        return sql.regionMatches(true, 0, "SELECT", 0, 6)
                && sql.substring(0, head).toUpperCase(Locale.ROOT).contains(CALC_FOUND_ROWS);
    }

    /**
     * What the last packet of a statement said (its warning count, its index flags), read when it
     * has just been read: Connector/J forgets both when a streamed result is closed.
     */
    record Ending(int warnings, int indexFlags) {
    }

    static Ending ending(Connection c) throws SQLException {
        NativeProtocol p = protocol(c);
        return new Ending(p.getWarningCount(), p.getServerSession().getStatusFlags() & INDEX_FLAGS);
    }

    private static NativeProtocol protocol(Connection c) throws SQLException {
        return ((NativeSession) c.unwrap(JdbcConnection.class).getSession()).getProtocol();
    }

    /**
     * After a statement failed: the conditions it raised before its error (a value truncated before
     * a duplicate key, say), which MariaDB lists before the error. The error itself is reported by
     * the caller, so the backend's own copy (listed last) is left out. An ERR packet counts no
     * warnings, so they are asked for after every error but a lost connection's, which has nothing
     * to tell and might not answer.
     */
    static void collectAfterError(Connection c, Diagnostics sink, SQLException error) {
        if (error.getSQLState() != null && error.getSQLState().startsWith("08")) {
            return;
        }
        List<Condition> listed = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW WARNINGS")) {
            while (rs.next()) {
                listed.add(new Condition(Condition.Level.of(rs.getString(1)), rs.getInt(2), rs.getString(3)));
            }
        } catch (SQLException unanswered) {
            return; // the statement's error is what the client must see; nothing else can be told
        }
        if (!listed.isEmpty() && listed.getLast().level() == Condition.Level.ERROR
                && listed.getLast().code() == error.getErrorCode()) {
            listed.removeLast();
        }
        if (!listed.isEmpty()) {
            sink.add(listed.size(), listed);
        }
    }

    /** Reads the last statement's conditions (and found rows) off {@code c} into {@code sink}. */
    static void collect(Connection c, Diagnostics sink, boolean foundRows) throws SQLException {
        collect(c, sink, foundRows, ending(c));
    }

    /** {@link #collect(Connection, Diagnostics, boolean)} with the statement's ending read earlier. */
    static void collect(Connection c, Diagnostics sink, boolean foundRows, Ending ending) throws SQLException {
        if (ending.indexFlags() != 0) {
            sink.statusFlags(ending.indexFlags());
        }
        int count = ending.warnings();
        if (count > 0) {
            List<Condition> listed = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW WARNINGS")) {
                while (rs.next()) {
                    listed.add(new Condition(Condition.Level.of(rs.getString(1)), rs.getInt(2), rs.getString(3)));
                }
            }
            sink.add(count, listed);
        }
        if (foundRows) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT FOUND_ROWS()")) {
                if (rs.next()) {
                    sink.foundRows(rs.getLong(1));
                }
            }
        }
    }
}

package io.shardgate.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** What one side answered to one statement: rows, an update count, or an error. */
sealed interface Outcome {

    /** Rows as the text MariaDB sent: {@code ResultSet.getString}, null for SQL NULL. */
    record Rows(List<String> labels, List<List<String>> rows) implements Outcome {
    }

    record Update(long count) implements Outcome {
    }

    record Failure(int errorCode, String sqlState, String message, boolean connectionLost) implements Outcome {

        String describe() {
            return "ERROR " + errorCode + " (" + sqlState + "): " + message;
        }
    }

    static Outcome run(Connection connection, String sql) {
        try (Statement st = connection.createStatement()) {
            return st.execute(sql) ? rows(st) : new Update(st.getLargeUpdateCount());
        } catch (SQLException e) {
            return failure(connection, e);
        }
    }

    /**
     * A prepared statement executed with these parameters: server-side when the connection was
     * opened with {@code useServerPrepStmts=true}.
     */
    static Outcome prepared(Connection connection, String sql, Object... parameters) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.execute() ? rows(ps) : new Update(ps.getLargeUpdateCount());
        } catch (SQLException e) {
            return failure(connection, e);
        }
    }

    private static Rows rows(Statement st) throws SQLException {
        try (ResultSet rs = st.getResultSet()) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            List<String> labels = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                labels.add(meta.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[columns];
                for (int i = 1; i <= columns; i++) {
                    row[i - 1] = rs.getString(i);
                }
                rows.add(Collections.unmodifiableList(Arrays.asList(row)));
            }
            return new Rows(List.copyOf(labels), rows);
        }
    }

    private static Failure failure(Connection connection, SQLException e) {
        boolean lost;
        try {
            lost = connection.isClosed() || !connection.isValid(5);
        } catch (SQLException ignored) {
            lost = true;
        }
        return new Failure(e.getErrorCode(), e.getSQLState(), e.getMessage(), lost);
    }
}

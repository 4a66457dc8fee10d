package io.shardgate.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Text-protocol reads of small results for the client scenario's checks, every value by {@code getString}. */
final class ScenarioSql {

    private ScenarioSql() {
    }

    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<List<String>> rows(ResultSet rs) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** The first column of every row. */
    static List<String> column(Connection c, String sql) throws SQLException {
        return rows(c, sql).stream().map(List::getFirst).toList();
    }

    /** The one value of a one-row, one-column result. */
    static String single(Connection c, String sql) throws SQLException {
        List<List<String>> rows = rows(c, sql);
        if (rows.size() != 1 || rows.getFirst().size() != 1) {
            throw new SQLException("expected one value from " + sql + ", got " + rows);
        }
        return rows.getFirst().getFirst();
    }
}

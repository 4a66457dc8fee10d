package io.shardgate.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What a metadata statement answered, as a client sees it: column labels with their type names,
 * and the rows as text (or the error). Statistics that legitimately differ between a sharded
 * cluster and one server (sizes, times, estimates) are masked by column label.
 */
record MetadataAnswer(List<String> columns, List<List<String>> rows, String error) {

    /** Columns whose values are the servers' own (file sizes, times), not the logical schema's. */
    static final Set<String> PHYSICAL = Set.of("CREATE_TIME", "UPDATE_TIME", "CHECK_TIME", "DATA_LENGTH", "INDEX_LENGTH",
            "DATA_FREE", "AVG_ROW_LENGTH", "MAX_DATA_LENGTH", "CARDINALITY", "Create_time", "Update_time", "Check_time",
            "Data_length", "Index_length", "Data_free", "Avg_row_length", "Max_data_length", "Cardinality", "PAGES");

    static MetadataAnswer of(Connection c, String sql, Set<String> masked) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return of(rs, masked, !sql.toUpperCase(java.util.Locale.ROOT).contains("ORDER BY"));
        } catch (SQLException e) {
            return new MetadataAnswer(List.of(), List.of(), e.getErrorCode() + " " + e.getSQLState());
        }
    }

    /** @param sort whether the rows' order is unspecified (they are sorted to compare) */
    static MetadataAnswer of(ResultSet rs, Set<String> masked, boolean sort) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i) + size(md, i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(masked.contains(md.getColumnLabel(i)) ? "*" : rs.getString(i));
            }
            rows.add(row);
        }
        if (sort) {
            rows.sort(Comparator.comparing(Object::toString));
        }
        return new MetadataAnswer(columns, rows, null);
    }

    /**
     * A column's precision and scale, except for TEXT and BLOB columns the query computes
     * ({@code GROUP_CONCAT} of information_schema columns): under {@code character_set_results =
     * NULL} (MySQL Connector/J's) MariaDB describes them in their own character set, utf8mb3 for
     * information_schema's, with a length in its bytes; ShardGate's backends describe every result
     * in utf8mb4 and the proxy cannot tell a computed column's own character set, so it describes
     * them as utf8mb4 and Connector/J divides the same byte length by 4 instead of 3. The columns
     * of information_schema tables themselves are compared (the proxy knows they are utf8mb3).
     */
    static String size(ResultSetMetaData md, int i) throws SQLException {
        String type = md.getColumnTypeName(i);
        boolean computed = md.getTableName(i) == null || md.getTableName(i).isEmpty();
        return computed && (type.endsWith("TEXT") || type.endsWith("BLOB")) ? ""
                : "(" + md.getPrecision(i) + "," + md.getScale(i) + ")";
    }

    /** Without the rows whose text contains {@code marker} (objects only one side has). */
    MetadataAnswer without(String marker) {
        return new MetadataAnswer(columns, rows.stream().filter(r -> !r.toString().contains(marker)).toList(), error);
    }

    /** With a column label replaced (the same SHOW of another database). */
    MetadataAnswer renamed(String label, String newLabel) {
        return new MetadataAnswer(columns.stream().map(c -> c.startsWith(label + ":") ? newLabel + c.substring(label.length()) : c)
                .toList(), rows, error);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(error != null ? "ERROR " + error : String.join(", ", columns));
        rows.forEach(r -> sb.append("\n  ").append(r));
        return sb.toString();
    }
}

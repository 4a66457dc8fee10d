package io.shardgate.it;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What a driver's DatabaseMetaData tells about the {@code shop} schema, as text to compare. */
final class DriverMetadata {

    /** Estimates that differ between a sharded cluster and one server. */
    private static final Set<String> ESTIMATES = Set.of("CARDINALITY", "PAGES");

    private DriverMetadata() {
    }

    static List<String> describe(DatabaseMetaData md) throws SQLException {
        List<String> out = new ArrayList<>();
        add(out, "getCatalogs", md.getCatalogs());
        add(out, "getSchemas", md.getSchemas());
        add(out, "getTables", md.getTables("shop", null, "%", null));
        // the reference shows the few performance_schema tables every MariaDB user may read; no
        // ShardGate user sees the backends' own schemas
        add(out, "getTables(all)", md.getTables(null, null, "%", new String[] {"TABLE"}), "performance_schema");
        add(out, "getColumns", md.getColumns("shop", null, "%", "%"));
        for (String t : MetadataIT.TABLES) {
            add(out, "getPrimaryKeys " + t, md.getPrimaryKeys("shop", null, t));
            add(out, "getIndexInfo " + t, md.getIndexInfo("shop", null, t, false, false));
            add(out, "getBestRowIdentifier " + t, md.getBestRowIdentifier("shop", null, t, DatabaseMetaData.bestRowSession, true));
        }
        add(out, "getImportedKeys", md.getImportedKeys("shop", null, "order_lines"));
        add(out, "getExportedKeys", md.getExportedKeys("shop", null, "orders"));
        add(out, "getCrossReference", md.getCrossReference("shop", null, "orders", "shop", null, "order_lines"));
        add(out, "getProcedures", md.getProcedures("shop", null, "%"));
        add(out, "getFunctions", md.getFunctions("shop", null, "%"));
        add(out, "getVersionColumns", md.getVersionColumns("shop", null, "orders"));
        return out;
    }

    /** The table names getTables gives for {@code shop}. */
    static List<String> tableNames(DatabaseMetaData md) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables("shop", null, "%", null)) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static void add(List<String> out, String call, ResultSet rs, String... leftOut) throws SQLException {
        try (rs) {
            MetadataAnswer answer = MetadataAnswer.of(rs, ESTIMATES, false);
            for (String marker : leftOut) {
                answer = answer.without(marker);
            }
            out.add(call + ": " + answer);
        }
    }
}

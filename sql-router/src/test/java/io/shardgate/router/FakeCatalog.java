package io.shardgate.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Column lists per (data node, table), and a record of every invalidation asked for. */
public final class FakeCatalog implements TableCatalog {

    private final Map<String, List<CatalogColumn>> tables = new HashMap<>();
    private final List<String> invalidations = new ArrayList<>();

    /**
     * @param columns each "name KIND [collation]", KIND a {@link ValueKind} constant; text columns
     *                default to MariaDB's default collation utf8mb4_general_ci
     */
    public FakeCatalog table(String node, String table, String... columns) {
        List<CatalogColumn> list = new ArrayList<>();
        for (String c : columns) {
            String[] parts = c.split(" ");
            ValueKind kind = ValueKind.valueOf(parts[1]);
            String collation = parts.length > 2 ? parts[2] : kind == ValueKind.STRING ? "utf8mb4_general_ci" : null;
            list.add(new CatalogColumn(parts[0], kind, false, collation));
        }
        tables.put(key(node, table), List.copyOf(list));
        return this;
    }

    @Override
    public Optional<List<CatalogColumn>> columns(DataNode node, String table) {
        return Optional.ofNullable(tables.get(key(node.name(), table)));
    }

    @Override
    public void invalidate(DataNode node, String table) {
        invalidations.add(node.name() + "." + table);
    }

    /** "dn0.orders" for each invalidation, in order. */
    public List<String> invalidations() {
        return List.copyOf(invalidations);
    }

    private static String key(String node, String table) {
        return node + "/" + table.toLowerCase(Locale.ROOT);
    }
}

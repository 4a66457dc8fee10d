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

    /** @param columns each "name KIND", KIND a {@link ValueKind} constant */
    public FakeCatalog table(String node, String table, String... columns) {
        List<CatalogColumn> list = new ArrayList<>();
        for (String c : columns) {
            String[] parts = c.split(" ");
            list.add(new CatalogColumn(parts[0], ValueKind.valueOf(parts[1])));
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

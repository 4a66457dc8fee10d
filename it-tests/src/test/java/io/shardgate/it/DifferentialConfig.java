package io.shardgate.it;

import io.shardgate.config.ConfigException;
import io.shardgate.config.ConfigLoader;
import io.shardgate.config.ConfigProblem;
import io.shardgate.config.ServerConfig;
import io.shardgate.config.ShardGateConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code sales} schema of the differential cluster as YAML, and its loading.
 *
 * <p>Each table kind and function beyond plain hash-mod sharding is a {@link Placement}. When the
 * loader rejects one (the feature has not landed yet), the entries it reports problems for are
 * replaced by a reduced equivalent that holds the same rows (a child table becomes a table sharded
 * by its join column with the parent's function; a global or single table moves to the default data
 * node; range, date-range and consistent-hash tables are hash-mod sharded) and the loading is
 * retried. The data, and so every expected answer, stays the same: only the placement, and what the
 * proxy has to do, differ.
 */
final class DifferentialConfig {

    /** The placements the schema uses beyond hash-mod sharding and the default data node. */
    enum Placement { CHILD, GLOBAL, SINGLE, RANGE, DATE_RANGE, CONSISTENT_HASH }

    /** One YAML list entry; {@code reduced} is null when the reduced form is to leave the entry out. */
    private record Entry(String full, String reduced, Placement needs) {
        static Entry base(String yaml) {
            return new Entry(yaml, yaml, null);
        }
    }

    private static final String SHARDS = "\"dn$0-3\"";

    private static final List<Entry> FUNCTIONS = List.of(
            Entry.base("{ name: by_id, type: hash-mod, count: 4 }"),
            // default 0, not 3: pruning `id > 4000` must then add shard 0 for the ids above every range
            new Entry("{ name: by_range, type: range, ranges: [ { from: 1, to: 1251, shard: 0 }, "
                    + "{ from: 1251, to: 2501, shard: 1 }, { from: 2501, to: 3751, shard: 2 }, "
                    + "{ from: 3751, to: 5001, shard: 3 } ], default: 0 }", null, Placement.RANGE),
            new Entry("{ name: by_month, type: date-range, start: 2024-01-01, unit: month, interval: 3, count: 4, "
                    + "default: 0 }", null, Placement.DATE_RANGE),
            new Entry("{ name: by_ring, type: consistent-hash, count: 4, virtualNodes: 160 }", null, Placement.CONSISTENT_HASH));

    private static final List<Entry> TABLES = List.of(
            Entry.base(sharded("orders", "id", "by_id")),
            new Entry("{ name: order_lines, childOf: orders, joinColumn: order_id, parentColumn: id }",
                    sharded("order_lines", "order_id", "by_id"), Placement.CHILD),
            new Entry("{ name: products, type: global, dataNodes: " + SHARDS + " }", null, Placement.GLOBAL),
            new Entry("{ name: regions, type: single, dataNode: dn2 }", null, Placement.SINGLE),
            new Entry(sharded("customers", "id", "by_range"), sharded("customers", "id", "by_id"), Placement.RANGE),
            new Entry(sharded("events", "day", "by_month"), sharded("events", "id", "by_id"), Placement.DATE_RANGE),
            // a string shard key; hash-mod hashes strings too (CRC32)
            new Entry(sharded("accounts", "code", "by_ring"), sharded("accounts", "code", "by_id"), Placement.CONSISTENT_HASH),
            // the DML tests' own tables, so that they never change what the read-only queries see
            Entry.base(sharded("dml_orders", "id", "by_id")),
            new Entry("{ name: dml_lines, childOf: dml_orders, joinColumn: order_id, parentColumn: id }",
                    sharded("dml_lines", "order_id", "by_id"), Placement.CHILD),
            new Entry(sharded("dml_customers", "id", "by_range"), sharded("dml_customers", "id", "by_id"), Placement.RANGE),
            new Entry("{ name: dml_products, type: global, dataNodes: " + SHARDS + " }", null, Placement.GLOBAL));

    private static final Pattern ENTRY_PATH = Pattern.compile("^(functions|schemas\\[0]\\.tables)\\[(\\d+)]");

    static final String USER = "app";
    static final String PASSWORD = "app-secret";

    /** A loaded configuration and the placements it could use. */
    record Loaded(ShardGateConfig config, Set<Placement> placements, List<String> rejected) {
    }

    private DifferentialConfig() {
    }

    private static String sharded(String table, String column, String function) {
        return "{ name: " + table + ", dataNodes: " + SHARDS + ", shardColumn: " + column + ", function: " + function + " }";
    }

    /**
     * Loads the schema with as many placements as the loader accepts, starting from {@code wanted}.
     *
     * @param ports the data hosts' ports: dh0, dh1
     */
    static Loaded load(int[] ports, Set<Placement> wanted) throws ConfigException {
        EnumSet<Placement> enabled = wanted.isEmpty() ? EnumSet.noneOf(Placement.class) : EnumSet.copyOf(wanted);
        List<String> rejected = new ArrayList<>();
        while (true) {
            List<Entry> functions = active(FUNCTIONS, enabled);
            List<Entry> tables = active(TABLES, enabled);
            try {
                ShardGateConfig config = ConfigLoader.parse(yaml(ports, enabled, functions, tables), "differential configuration");
                return new Loaded(withEphemeralPorts(config), Set.copyOf(enabled), rejected);
            } catch (ConfigException e) {
                EnumSet<Placement> culprits = EnumSet.noneOf(Placement.class);
                for (ConfigProblem p : e.problems()) {
                    Placement needs = placementAt(p.path(), functions, tables);
                    if (needs == null || !enabled.contains(needs)) {
                        throw e; // a problem of the base schema: nothing to fall back to
                    }
                    culprits.add(needs);
                    rejected.add(needs + ": " + p.path() + ": " + p.message());
                }
                enabled.removeAll(culprits);
            }
        }
    }

    private static List<Entry> active(List<Entry> entries, Set<Placement> enabled) {
        return entries.stream().filter(e -> e.needs() == null || enabled.contains(e.needs()) || e.reduced() != null).toList();
    }

    private static Placement placementAt(String path, List<Entry> functions, List<Entry> tables) {
        Matcher m = ENTRY_PATH.matcher(path);
        if (!m.find()) {
            return null;
        }
        List<Entry> list = m.group(1).equals("functions") ? functions : tables;
        int index = Integer.parseInt(m.group(2));
        return index < list.size() ? list.get(index).needs() : null;
    }

    static String yaml(int[] ports, Set<Placement> enabled, List<Entry> functions, List<Entry> tables) {
        return """
                server: { port: 8066, managerPort: 9066 }
                users:
                  - { name: %s, password: %s, schemas: [sales] }
                dataHosts:
                  - { name: dh0, user: test, password: test, members: ["127.0.0.1:%d"], pool: { maxConnections: 16, minIdle: 1 } }
                  - { name: dh1, user: test, password: test, members: ["127.0.0.1:%d"], pool: { maxConnections: 16, minIdle: 1 } }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: db_0 }
                  - { name: dn1, dataHost: dh0, database: db_1 }
                  - { name: dn2, dataHost: dh1, database: db_2 }
                  - { name: dn3, dataHost: dh1, database: db_3 }
                functions:
                %s
                schemas:
                  - name: sales
                    defaultDataNode: dn0
                    tables:
                %s
                """.formatted(USER, PASSWORD, ports[0], ports[1], list("  ", functions, enabled), list("      ", tables, enabled));
    }

    private static String list(String indent, List<Entry> entries, Set<Placement> enabled) {
        return entries.stream()
                .map(e -> indent + "- " + (e.needs() == null || enabled.contains(e.needs()) ? e.full() : e.reduced()))
                .collect(Collectors.joining("\n"));
    }

    /** Both ports ephemeral, on loopback: the loader itself rejects port 0. */
    static ShardGateConfig withEphemeralPorts(ShardGateConfig config) {
        return config.withServer(new ServerConfig("127.0.0.1", 0, 0, 64L << 20));
    }
}

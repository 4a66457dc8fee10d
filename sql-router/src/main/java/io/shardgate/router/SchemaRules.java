package io.shardgate.router;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routing view of one logical schema.
 *
 * @param defaultNode where tables without a rule live, or {@code null}
 * @param declared    declared tables by lower-cased name
 */
public record SchemaRules(String name, DataNode defaultNode, Map<String, DeclaredTable> declared) {

    /** A table named in the configuration and where it lives. */
    public record DeclaredTable(String name, Placement placement) {
    }

    public SchemaRules {
        declared = Map.copyOf(declared);
    }

    public Optional<DeclaredTable> declared(String table) {
        return Optional.ofNullable(declared.get(table.toLowerCase(Locale.ROOT)));
    }

    public Collection<DeclaredTable> declaredTables() {
        return declared.values();
    }

    /** The sharding rule of a sharded (or child) table. */
    public Optional<TableRule> rule(String table) {
        return declared(table).map(DeclaredTable::placement)
                .filter(p -> p instanceof Placement.Sharded).map(p -> ((Placement.Sharded) p).rule());
    }

    /** Where {@code table} lives, or empty when it is not declared and the schema has no default node. */
    public Optional<Placement> placementOf(String table) {
        Optional<DeclaredTable> d = declared(table);
        if (d.isPresent()) {
            return Optional.of(d.get().placement());
        }
        return Optional.ofNullable(defaultNode).map(Placement.Unsharded::new);
    }
}

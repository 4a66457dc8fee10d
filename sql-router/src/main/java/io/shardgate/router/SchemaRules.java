package io.shardgate.router;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routing view of one logical schema.
 *
 * @param defaultNode where tables without a rule live, or {@code null}
 * @param tables      rules by lower-cased table name
 */
public record SchemaRules(String name, DataNode defaultNode, Map<String, TableRule> tables) {

    public SchemaRules {
        tables = Map.copyOf(tables);
    }

    public Optional<TableRule> rule(String table) {
        return Optional.ofNullable(tables.get(table.toLowerCase(Locale.ROOT)));
    }

    public Collection<TableRule> rules() {
        return tables.values();
    }

    /** Where {@code table} lives, or empty when it has no rule and the schema no default node. */
    public Optional<Placement> placementOf(String table) {
        Optional<TableRule> rule = rule(table);
        if (rule.isPresent()) {
            return Optional.of(new Placement.Sharded(rule.get()));
        }
        return Optional.ofNullable(defaultNode).map(Placement.Unsharded::new);
    }
}

package io.shardgate.config;

import java.util.List;
import java.util.Optional;

/**
 * A logical schema (what clients see as a database).
 *
 * @param defaultDataNode where tables without a rule live; {@code null} when every table must be declared
 */
public record SchemaConfig(String name, String defaultDataNode, List<TableConfig> tables) {

    public SchemaConfig {
        tables = List.copyOf(tables);
    }

    /** Table names match case-insensitively so a sharded table is never mistaken for an unsharded one. */
    public Optional<TableConfig> table(String tableName) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(tableName)).findFirst();
    }
}

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

    /**
     * The table whose placement {@code table}'s rows follow: the table itself unless it is a child;
     * for a child, the sharded table at the top of its {@code childOf} chain, whose data nodes and
     * function place the child's rows by their {@code joinColumn} value.
     *
     * @throws IllegalArgumentException if the chain does not end at a sharded table of this schema,
     *                                  which a loaded configuration rules out
     */
    public TableConfig rootOf(TableConfig table) {
        TableConfig current = table;
        // a chain longer than the number of tables has gone round a cycle
        for (int step = 0; step <= tables.size(); step++) {
            if (current.kind() != TableKind.CHILD) {
                if (current != table && current.kind() != TableKind.SHARDED) {
                    break;
                }
                return current;
            }
            String parent = current.childOf();
            current = table(parent).orElseThrow(() -> new IllegalArgumentException(
                    "table '" + table.name() + "': no table '" + parent + "' in schema '" + name + "'"));
        }
        throw new IllegalArgumentException("table '" + table.name() + "' does not lead to a sharded table");
    }
}

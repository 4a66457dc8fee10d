package io.shardgate.config;

import java.util.List;

/**
 * One declared table of a schema. Which fields are set depends on the kind:
 * <ul>
 *   <li>{@link TableKind#SHARDED}: {@code dataNodes} (shard i is the i-th), {@code shardColumn},
 *       {@code function}; a row with key v lives on {@code dataNodes.get(function.shardOf(v))}.</li>
 *   <li>{@link TableKind#GLOBAL}: {@code dataNodes}, each holding a full copy.</li>
 *   <li>{@link TableKind#SINGLE}: {@code dataNodes} with exactly one entry.</li>
 *   <li>{@link TableKind#CHILD}: {@code childOf} (a sharded or child table of the same schema),
 *       {@code joinColumn} (this table's column holding the parent's key) and {@code parentColumn}
 *       (the parent's shard column, or for a grandchild the parent's join column); the table has
 *       the root parent's data nodes and function.</li>
 * </ul>
 * Fields that do not apply are empty lists or null.
 *
 * @param dataNodes data node names, already expanded from {@code dn$0-3} ranges
 * @param function  name of an entry under {@code functions}
 */
public record TableConfig(String name, TableKind kind, List<String> dataNodes, String shardColumn, String function,
                          String childOf, String joinColumn, String parentColumn) {

    public TableConfig {
        dataNodes = List.copyOf(dataNodes);
    }

    public static TableConfig sharded(String name, List<String> dataNodes, String shardColumn, String function) {
        return new TableConfig(name, TableKind.SHARDED, dataNodes, shardColumn, function, null, null, null);
    }

    public static TableConfig global(String name, List<String> dataNodes) {
        return new TableConfig(name, TableKind.GLOBAL, dataNodes, null, null, null, null, null);
    }

    public static TableConfig single(String name, String dataNode) {
        return new TableConfig(name, TableKind.SINGLE, List.of(dataNode), null, null, null, null, null);
    }

    public static TableConfig child(String name, String childOf, String joinColumn, String parentColumn) {
        return new TableConfig(name, TableKind.CHILD, List.of(), null, null, childOf, joinColumn, parentColumn);
    }
}

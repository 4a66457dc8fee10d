package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.Placement;
import java.util.List;

/**
 * A table of a logical schema as clients see it: one per declared table (whatever its shards
 * and copies) and one per other table of the schema's default data node.
 *
 * @param name         its name in the logical schema: as declared, or as the default node spells it
 * @param physicalName its name on its data nodes (MariaDB on Linux compares it case-sensitively;
 *                     ShardGate matches declared names ignoring case)
 * @param type {@code information_schema.TABLES.TABLE_TYPE} there ({@code BASE TABLE}, ...)
 */
public record LogicalTable(String schema, String name, String physicalName, String type, Placement placement) {

    /** The data node whose definition of the table is shown: the first shard, copy or node. */
    public DataNode source() {
        return placement.nodes().getFirst();
    }

    /**
     * The nodes whose statistics (rows, sizes, cardinalities) add up to the table's: every
     * shard of a sharded table; for the others the source (a global table's copies each hold all
     * its rows).
     */
    public List<DataNode> statisticsNodes() {
        return placement instanceof Placement.Sharded ? placement.nodes() : List.of(source());
    }
}

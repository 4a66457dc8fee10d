package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.SchemaRules;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * SHOW DATABASES, SHOW [FULL] TABLES and SHOW TABLE STATUS over the logical schemas, and the SHOWs
 * of things ShardGate keeps out of logical schemas (routines, triggers, events), which are empty.
 */
public final class Shows {

    private Shows() {
    }

    /** information_schema and the schemas the session may see, sorted as MariaDB sorts them (binary). */
    public static Primitive databases(ShardingRules rules, DataNode node, ShowFilter filter) {
        return new ShowFromRows("ShowDatabases", node, "SHOW DATABASES WHERE 0", "Database", (context, columns) -> {
            List<String> names = new ArrayList<>();
            names.add(InformationSchema.NAME);
            rules.schemaNames().stream().filter(context.session()::maySee).forEach(names::add);
            return names.stream().sorted().map(Row::ofStrings).toList();
        }, filter);
    }

    /** The logical tables of a schema with their types. */
    public static Primitive tables(ShardingRules rules, SchemaRules schema, boolean full, DataNode node, ShowFilter filter) {
        String show = "SHOW " + (full ? "FULL " : "") + "TABLES FROM " + InformationSchema.NAME + " WHERE 0";
        return new ShowFromRows("ShowTables " + schema.name() + (full ? " FULL" : ""), node, show, "Tables_in_" + schema.name(),
                (context, columns) -> {
                    List<Row> rows = new ArrayList<>();
                    for (LogicalTable t : LogicalTables.read(context.shards(), rules, List.of(schema), name -> true)) {
                        rows.add(full ? Row.ofStrings(t.name(), t.type()) : Row.ofStrings(t.name()));
                    }
                    return rows;
                }, filter);
    }

    /**
     * The logical tables' status: information_schema.TABLES's logical rows (row counts and sizes
     * summed over shards) under SHOW TABLE STATUS's column names.
     */
    public static Primitive tableStatus(ShardingRules rules, SchemaRules schema, DataNode node, ShowFilter filter) {
        return new ShowFromRows("ShowTableStatus " + schema.name(), node,
                "SHOW TABLE STATUS FROM " + InformationSchema.NAME + " WHERE 0", null, (context, columns) -> {
                    LogicalRows.Answer tables = LogicalRows.read(InformationSchema.TABLES, Lookup.ANY.withSchema(schema.name()),
                            context, rules);
                    return ShowFromRows.project(columns, tables.columns(), tables.rows());
                }, filter);
    }

    /** A SHOW of objects no logical schema has: MariaDB's columns, no rows. */
    public static Primitive empty(String shown, DataNode node, String describingShow) {
        return new ShowFromRows(shown, node, describingShow, null, (context, columns) -> List.of(), ShowFilter.NONE);
    }
}

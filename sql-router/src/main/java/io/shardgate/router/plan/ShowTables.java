package io.shardgate.router.plan;

import io.shardgate.router.DataNode;
import io.shardgate.router.SchemaRules;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code SHOW [FULL] TABLES}: the logical tables of a schema, one entry per logical table. Tables
 * without a rule are whatever the default node holds (minus declared tables' shards and copies
 * stored there); a declared table is listed when it exists on its first data node.
 */
public final class ShowTables implements Primitive {

    private final SchemaRules schema;
    private final boolean full;
    private final LikePattern like;

    /** @param like null for all tables */
    public ShowTables(SchemaRules schema, boolean full, LikePattern like) {
        this.schema = schema;
        this.full = full;
        this.like = like;
    }

    @Override
    public Result execute(ExecutionContext context) {
        Set<DataNode> nodes = new LinkedHashSet<>();
        if (schema.defaultNode() != null) {
            nodes.add(schema.defaultNode());
        }
        for (SchemaRules.DeclaredTable t : schema.declaredTables()) {
            nodes.add(t.placement().nodes().getFirst());
        }
        List<ShardStatement> statements = new ArrayList<>();
        for (DataNode n : nodes) {
            statements.add(new ShardStatement(n.name(), n.database(),
                    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                            + MysqlStrings.quote(n.database(), context.session().backslashEscapes())));
        }
        Map<DataNode, Map<String, String>> existing = new java.util.HashMap<>();
        List<ShardOutcome> outcomes = context.shards().executeAll(statements);
        int i = 0;
        for (DataNode n : nodes) {
            ShardOutcome o = outcomes.get(i++);
            if (o.failed()) {
                outcomes.stream().filter(x -> x.result() instanceof RowStream).forEach(x -> ((RowStream) x.result()).close());
                throw o.failure();
            }
            existing.put(n, read((RowStream) o.result()));
        }
        Map<String, String> tables = new TreeMap<>();
        if (schema.defaultNode() != null) {
            existing.get(schema.defaultNode()).forEach((name, type) -> {
                if (schema.declared(name).isEmpty()) {
                    tables.put(name, type);
                }
            });
        }
        for (SchemaRules.DeclaredTable t : schema.declaredTables()) {
            String type = existing.get(t.placement().nodes().getFirst()).get(t.name());
            if (type != null) {
                tables.put(t.name(), type);
            }
        }
        List<Row> rows = new ArrayList<>();
        tables.forEach((name, type) -> {
            if (like == null || like.matches(name)) {
                rows.add(full ? Row.ofStrings(name, type) : Row.ofStrings(name));
            }
        });
        List<Column> columns = new ArrayList<>();
        columns.add(infoColumn("Tables_in_" + schema.name(), "TABLE_NAME"));
        if (full) {
            columns.add(infoColumn("Table_type", "TABLE_TYPE"));
        }
        return new ListRowStream(columns, rows);
    }

    private static Map<String, String> read(RowStream rows) {
        Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (rows) {
            for (Row r = rows.next(); r != null; r = rows.next()) {
                out.put(r.text(0), r.text(1));
            }
        }
        return out;
    }

    static Column infoColumn(String name, String orgName) {
        return new Column("information_schema", "TABLES", "TABLES", name, orgName, Column.UTF8MB4_GENERAL_CI,
                256, ColumnType.VAR_STRING, Column.NOT_NULL, 0);
    }

    @Override
    public Description describe() {
        return Description.leaf("ShowTables " + schema.name() + (full ? " FULL" : ""));
    }
}

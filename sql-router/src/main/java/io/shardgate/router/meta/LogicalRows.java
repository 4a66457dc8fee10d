package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.SchemaRules;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows an information_schema table has about logical schemas, built from the data nodes' own:
 * each logical table's rows come from its first data node with the physical database replaced by
 * the logical schema, statistics added up over its shards; each schema's row comes from its home
 * node (the default data node, else the node of its first table by name). Only schemas the session
 * may see, as MariaDB shows only databases the user has privileges on.
 */
final class LogicalRows {

    /** The rows with the columns they were read with (none when no node was asked). */
    record Answer(List<Column> columns, List<Row> rows) {
        static final Answer NONE = new Answer(List.of(), List.of());
    }

    private LogicalRows() {
    }

    static Answer read(InformationSchema table, Lookup lookup, ExecutionContext ctx, ShardingRules rules) {
        List<SchemaRules> schemas = visibleSchemas(rules, ctx.session(), lookup);
        return switch (table.kind()) {
            case SCHEMA -> schemata(table, schemas, ctx, rules);
            case TABLE -> tableRows(table, lookup, schemas, ctx, rules);
            case EMPTY, SERVER -> Answer.NONE;
        };
    }

    /** The logical schemas the session may see and the lookup allows, by name. */
    static List<SchemaRules> visibleSchemas(ShardingRules rules, SessionState session, Lookup lookup) {
        return rules.schemaNames().stream().filter(session::maySee).filter(lookup::allowsSchema).sorted()
                .map(s -> rules.schema(s).orElseThrow()).toList();
    }

    private static Answer tableRows(InformationSchema table, Lookup lookup, List<SchemaRules> schemas, ExecutionContext ctx,
                                    ShardingRules rules) {
        List<LogicalTable> tables = LogicalTables.read(ctx.shards(), rules, schemas, lookup::allowsTable);
        boolean merging = table.merge().merges();
        Map<DataNode, Set<String>> wanted = new LinkedHashMap<>();
        for (LogicalTable t : tables) {
            for (DataNode n : merging ? t.statisticsNodes() : List.of(t.source())) {
                wanted.computeIfAbsent(n, k -> new LinkedHashSet<>()).add(t.physicalName());
            }
        }
        List<ShardStatement> statements = new ArrayList<>();
        wanted.forEach((n, names) -> statements.add(new ShardStatement(n.name(), n.database(),
                "SELECT * FROM information_schema." + table.name() + " WHERE " + table.schemaColumn() + " = "
                        + SqlValues.text(n.database()) + " AND " + table.tableColumn() + " IN ("
                        + String.join(", ", names.stream().map(SqlValues::text).toList()) + ")")));
        List<NodeQueries.Answer> answers = NodeQueries.run(ctx.shards(), statements, rules.limits().maxJoinRows());
        if (answers.isEmpty()) {
            return Answer.NONE;
        }
        List<Column> columns = answers.getFirst().columns();
        int tableAt = NodeQueries.indexOf(columns, table.tableColumn());
        Map<String, List<Row>> byNodeAndTable = new HashMap<>();
        for (NodeQueries.Answer a : answers) {
            for (Row r : a.rows()) {
                byNodeAndTable.computeIfAbsent(a.statement().dataNode() + "." + r.text(tableAt), k -> new ArrayList<>()).add(r);
            }
        }
        List<Row> out = new ArrayList<>();
        for (LogicalTable t : tables) {
            List<Row> first = byNodeAndTable.getOrDefault(t.source().name() + "." + t.physicalName(), List.of());
            List<List<Row>> others = new ArrayList<>();
            if (merging) {
                t.statisticsNodes().stream().skip(1)
                        .forEach(n -> others.add(byNodeAndTable.getOrDefault(n.name() + "." + t.physicalName(), List.of())));
            }
            for (Row r : table.merge().merge(columns, first, others)) {
                out.add(renamed(renamed(r, columns, table.schemaColumns(), t.source().database(), t.schema()),
                        columns, List.of(table.tableColumn()), t.physicalName(), t.name()));
            }
        }
        return new Answer(columns, out);
    }

    private static Answer schemata(InformationSchema table, List<SchemaRules> schemas, ExecutionContext ctx, ShardingRules rules) {
        Map<DataNode, List<SchemaRules>> byHome = new LinkedHashMap<>();
        for (SchemaRules s : schemas) {
            DataNode home = LogicalTables.home(s);
            if (home != null) {
                byHome.computeIfAbsent(home, k -> new ArrayList<>()).add(s);
            }
        }
        List<ShardStatement> statements = new ArrayList<>();
        byHome.keySet().forEach(n -> statements.add(new ShardStatement(n.name(), n.database(),
                "SELECT * FROM information_schema." + table.name() + " WHERE " + table.schemaColumn() + " = "
                        + SqlValues.text(n.database()))));
        List<NodeQueries.Answer> answers = NodeQueries.run(ctx.shards(), statements, rules.limits().maxJoinRows());
        if (answers.isEmpty()) {
            return Answer.NONE;
        }
        List<Column> columns = answers.getFirst().columns();
        Map<String, Row> byNode = new HashMap<>();
        answers.forEach(a -> a.rows().forEach(r -> byNode.put(a.statement().dataNode(), r)));
        List<Row> out = new ArrayList<>();
        for (SchemaRules s : schemas) {
            DataNode home = LogicalTables.home(s);
            Row r = home == null ? null : byNode.get(home.name());
            if (r != null) {
                out.add(renamed(r, columns, table.schemaColumns(), home.database(), s.name()));
            }
        }
        return new Answer(columns, out);
    }

    /** The row with every column naming {@code physical} naming {@code logical} instead. */
    private static Row renamed(Row r, List<Column> columns, List<String> schemaColumns, String physical, String logical) {
        byte[][] cells = r.cells().clone();
        byte[] from = physical.getBytes(StandardCharsets.UTF_8);
        byte[] to = logical.getBytes(StandardCharsets.UTF_8);
        for (String name : schemaColumns) {
            int i = NodeQueries.indexOf(columns, name);
            if (i >= 0 && cells[i] != null && java.util.Arrays.equals(cells[i], from)) {
                cells[i] = to;
            }
        }
        return new Row(cells);
    }
}

package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.Placement;
import io.shardgate.router.SchemaRules;
import io.shardgate.router.SequenceSource;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.plan.ShardExecutor;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Which tables make up logical schemas, read from the data nodes: a declared table is there when
 * its first data node has it; the default data node contributes its other tables, except the
 * shards and copies of declared tables it stores and ShardGate's own sequence table. Views (and
 * other non-tables) of the data nodes are not part of a logical schema: ShardGate does not route
 * CREATE VIEW, and their definitions name physical databases.
 */
public final class LogicalTables {

    private LogicalTables() {
    }

    /**
     * @param schemas     the schemas, in the order wanted; each schema's tables come sorted by name
     * @param tableFilter which logical table names are wanted
     */
    public static List<LogicalTable> read(ShardExecutor shards, ShardingRules rules, List<SchemaRules> schemas,
                                          Predicate<String> tableFilter) {
        Map<DataNode, Map<String, Row>> existing = existing(shards, rules, nodesToList(schemas, tableFilter));
        DataNode sequenceNode = rules.sequences().map(s -> rules.node(s.dataNode())).orElse(null);
        List<LogicalTable> out = new ArrayList<>();
        for (SchemaRules schema : schemas) {
            List<LogicalTable> tables = new ArrayList<>();
            DataNode home = schema.defaultNode();
            if (home != null) {
                for (Row r : existing.getOrDefault(home, Map.of()).values()) {
                    String name = r.text(0);
                    boolean sequenceTable = home.equals(sequenceNode) && name.equalsIgnoreCase(SequenceSource.TABLE);
                    if (schema.declared(name).isEmpty() && !sequenceTable) {
                        tables.add(new LogicalTable(schema.name(), name, name, r.text(1), new Placement.Unsharded(home)));
                    }
                }
            }
            for (SchemaRules.DeclaredTable d : schema.declaredTables()) {
                Row r = existing.getOrDefault(d.placement().nodes().getFirst(), Map.of()).get(d.name());
                if (r != null) {
                    tables.add(new LogicalTable(schema.name(), d.name(), r.text(0), r.text(1), d.placement()));
                }
            }
            tables.stream().filter(t -> tableFilter.test(t.name()))
                    .sorted(Comparator.comparing(LogicalTable::name)).forEach(out::add);
        }
        return out;
    }

    private static Set<DataNode> nodesToList(List<SchemaRules> schemas, Predicate<String> tableFilter) {
        Set<DataNode> nodes = new LinkedHashSet<>();
        for (SchemaRules s : schemas) {
            if (s.defaultNode() != null) {
                nodes.add(s.defaultNode());
            }
            for (SchemaRules.DeclaredTable d : s.declaredTables()) {
                if (tableFilter.test(d.name())) {
                    nodes.add(d.placement().nodes().getFirst());
                }
            }
        }
        return nodes;
    }

    /** Per node, its tables (not views) by name ignoring case, as rows (name, type). */
    private static Map<DataNode, Map<String, Row>> existing(ShardExecutor shards, ShardingRules rules, Set<DataNode> nodes) {
        List<ShardStatement> statements = new ArrayList<>();
        for (DataNode n : nodes) {
            statements.add(new ShardStatement(n.name(), n.database(),
                    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                            + SqlValues.text(n.database())
                            + " AND TABLE_TYPE NOT IN ('VIEW', 'SYSTEM VIEW', 'TEMPORARY')"));
        }
        Map<DataNode, Map<String, Row>> out = new LinkedHashMap<>();
        List<NodeQueries.Answer> answers = NodeQueries.run(shards, statements, rules.limits().maxJoinRows());
        int i = 0;
        for (DataNode n : nodes) {
            Map<String, Row> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            answers.get(i++).rows().forEach(r -> tables.put(r.text(0), r));
            out.put(n, tables);
        }
        return out;
    }

    /** Where a schema's own properties (character set, collation, comment) are read: its default node, else its first table's. */
    public static DataNode home(SchemaRules schema) {
        if (schema.defaultNode() != null) {
            return schema.defaultNode();
        }
        return schema.declaredTables().stream().min(Comparator.comparing(SchemaRules.DeclaredTable::name))
                .map(d -> d.placement().nodes().getFirst()).orElse(null);
    }
}

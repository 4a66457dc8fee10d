package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;

/**
 * Everything the planners need about one statement: its text, AST, tables resolved to placements,
 * and helpers to render it for data nodes.
 */
final class StatementContext {

    final ParsedSql parsed;
    final Statement ast;
    final SessionState session;
    final ShardingRules rules;
    final TableCatalog catalog;
    final SequenceSource sequences;
    final TableReferences refs;
    final List<ResolvedTable> tables;
    final Constants constants;

    StatementContext(ParsedSql parsed, Statement ast, SessionState session, ShardingRules rules, TableCatalog catalog,
                     SequenceSource sequences) {
        this.parsed = parsed;
        this.ast = ast;
        this.session = session;
        this.rules = rules;
        this.catalog = catalog;
        this.sequences = sequences;
        this.refs = TableReferences.of(ast);
        this.constants = new Constants(parsed.literals(), session.backslashEscapes());
        List<ResolvedTable> resolved = new ArrayList<>();
        for (Table t : refs.tables()) {
            if (t.getSchemaName() == null && TableReferences.name(t).equalsIgnoreCase("dual")) {
                continue;
            }
            resolved.add(resolve(t));
        }
        this.tables = List.copyOf(resolved);
    }

    private ResolvedTable resolve(Table t) {
        String name = TableReferences.name(t);
        String schema = TableReferences.schema(t);
        if (schema == null) {
            schema = session.schema();
            if (schema == null) {
                throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
            }
        }
        if (isBackendSchema(schema)) {
            // no ShardGate user has privileges there, as a MariaDB user without them (1142)
            throw new ShardGateException(ErrorCode.TABLE_ACCESS_DENIED, command(), session.user(), session.clientHost(),
                    schema, name);
        }
        SchemaRules schemaRules = schemaRules(schema);
        String s = schema;
        Placement placement = schemaRules.placementOf(name)
                .orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, s, name));
        return new ResolvedTable(t, schema, name, placement);
    }

    /** The same statement text and session for another (sub)statement's syntax tree. */
    StatementContext forStatement(Statement statement) {
        return new StatementContext(parsed, statement, session, rules, catalog, sequences);
    }

    /** The backends' own databases: never part of a logical schema. */
    private static boolean isBackendSchema(String schema) {
        return schema.equals("mysql") || schema.equalsIgnoreCase("performance_schema") || schema.equals("sys");
    }

    /** The privilege MariaDB names when it refuses the statement on a table: its first word. */
    private String command() {
        String word = parsed.keyword(0);
        return word.equals("WITH") || word.equals("(") ? "SELECT" : word;
    }

    SchemaRules schemaRules(String schema) {
        if (schema.equalsIgnoreCase("information_schema") || schema.equalsIgnoreCase("mysql")
                || schema.equalsIgnoreCase("performance_schema") || schema.equalsIgnoreCase("sys")) {
            throw ShardGateException.notSupported("queries on the system schema '" + schema + "'");
        }
        SchemaRules rules1 = rules.schema(schema)
                .orElseThrow(() -> new ShardGateException(ErrorCode.UNKNOWN_DATABASE, schema));
        if (!session.maySee(schema)) {
            throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, session.user(), session.clientHost(), schema);
        }
        return rules1;
    }

    List<ResolvedTable> shardedTables() {
        return tables.stream().filter(ResolvedTable::sharded).toList();
    }

    /** The data nodes the statement's tables occupy, in first-seen order. */
    Set<DataNode> nodesOfAllTables() {
        Set<DataNode> nodes = new LinkedHashSet<>();
        tables.forEach(t -> nodes.addAll(t.placement().nodes()));
        return nodes;
    }

    /** The logical schema result metadata should name: the first table's, else the session's. */
    /** The session's div_precision_increment, for divisions the proxy computes. */
    int divPrecision() {
        return io.shardgate.router.plan.SessionValues.divPrecision(session);
    }

    String logicalSchema() {
        return tables.isEmpty() ? session.schema() : tables.getFirst().schema();
    }

    String render(DataNode node) {
        return SqlRenderer.render(ast, refs, node.database(), parsed.literals(), session.backslashEscapes());
    }

    Route route(RouteKind kind, String target, List<DataNode> nodes) {
        List<ShardStatement> statements = new ArrayList<>(nodes.size());
        for (DataNode n : nodes) {
            statements.add(new ShardStatement(n.name(), n.database(), render(n)));
        }
        return new Route(kind, target, logicalSchema(), statements, isWrite());
    }

    /** INSERT, REPLACE, UPDATE and DELETE: all-or-nothing across nodes. */
    boolean isWrite() {
        return ast instanceof net.sf.jsqlparser.statement.insert.Insert || ast instanceof net.sf.jsqlparser.statement.upsert.Upsert
                || ast instanceof net.sf.jsqlparser.statement.update.Update || ast instanceof net.sf.jsqlparser.statement.delete.Delete;
    }

    /** The shard column's kind (and collation) from the catalog, or null when unknown. */
    ShardKeyColumn shardColumnKind(TableRule rule) {
        return catalog.columns(rule.nodes().getFirst(), rule.name())
                .flatMap(cols -> cols.stream().filter(c -> c.name().equalsIgnoreCase(rule.shardColumn())).findFirst())
                .map(c -> new ShardKeyColumn(c.kind(), c.collation() == null ? null
                        : io.shardgate.router.collation.Collations.byName(c.collation()).map(x -> x.id()).orElse(null)))
                .orElse(null);
    }

    /** Shard analysis of a WHERE clause over one sharded table reference. */
    ShardKeys shardKeys(ResolvedTable table) {
        TableRule rule = ((Placement.Sharded) table.placement()).rule();
        boolean single = tables.size() == 1;
        return new ShardKeys(rule, c -> refersTo(c, table, single) && ShardKeys.namesShardColumn(c, rule),
                constants, shardColumnKind(rule));
    }

    private static boolean refersTo(Column c, ResolvedTable table, boolean onlyTable) {
        Table qualifier = c.getTable();
        if (qualifier == null || qualifier.getName() == null) {
            return onlyTable;
        }
        String q = MysqlStrings.unquoteIdentifier(qualifier.getName());
        return q.equalsIgnoreCase(table.qualifier()) || (table.node().getAlias() == null && q.equalsIgnoreCase(table.name()));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

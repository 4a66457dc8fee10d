package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Ddl;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.ShardStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.drop.Drop;

/**
 * CREATE / ALTER / DROP / TRUNCATE TABLE and CREATE / DROP INDEX go to every data node holding
 * the table. Tables a DDL statement names together (CREATE TABLE ... LIKE, DROP TABLE a, b) must
 * be placed alike, or each node gets the subset it holds (DROP).
 */
final class DdlPlanner {

    private DdlPlanner() {
    }

    static Primitive plan(StatementContext ctx, Statement ddl) {
        if (ddl instanceof CreateTable create && create.isUnlogged()) {
            throw ShardGateException.notSupported("CREATE UNLOGGED TABLE");
        }
        if (ddl instanceof CreateTable create && create.getCreateOptionsStrings() != null
                && create.getCreateOptionsStrings().stream().anyMatch(o -> o.equalsIgnoreCase("TEMPORARY"))) {
            throw ShardGateException.notSupported("CREATE TEMPORARY TABLE (a temporary table lives on one backend connection)");
        }
        if (ddl instanceof Alter alter && renames(alter) && ctx.shardedTables().size() > 0) {
            throw ShardGateException.notSupported("renaming sharded table '" + ctx.shardedTables().getFirst().name()
                    + "' (its name is part of the configuration)");
        }
        if (ddl instanceof Drop drop && drop.getNames() != null && drop.getNames().size() > 1) {
            return dropMany(ctx);
        }
        ResolvedTable target = ctx.tables.getFirst();
        List<DataNode> nodes = target.placement().nodes();
        for (ResolvedTable other : ctx.tables) {
            if (!other.placement().nodes().equals(nodes)) {
                throw ShardGateException.notSupported("DDL naming tables placed on different data nodes ('"
                        + target.name() + "' and '" + other.name() + "')");
            }
        }
        return new Ddl(ctx.route(kindOf(target.placement()), target.name(), nodes), ctx.catalog, touched(ctx));
    }

    /** {@code DROP INDEX ix ON t}: JSqlParser keeps the table among the drop's parameters. */
    static Primitive planDropIndex(StatementContext ctx, Drop drop, String tableName, String schemaName) {
        String schema = schemaName != null ? schemaName : ctx.session.schema();
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        Placement placement = ctx.schemaRules(schema).placementOf(tableName)
                .orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, schema, tableName));
        List<String> original = drop.getParameters();
        List<ShardStatement> statements = new ArrayList<>();
        List<Ddl.Touched> touched = new ArrayList<>();
        try {
            for (DataNode node : placement.nodes()) {
                drop.setParameters(List.of("ON", MysqlStrings.quoteIdentifier(node.database()) + "."
                        + MysqlStrings.quoteIdentifier(tableName)));
                statements.add(new ShardStatement(node.name(), node.database(),
                        SqlRenderer.deparse(drop, ctx.parsed.literals(), ctx.session.backslashEscapes())));
                touched.add(new Ddl.Touched(node, tableName));
            }
        } finally {
            drop.setParameters(original);
        }
        return new Ddl(new Route(kindOf(placement), tableName, schema, statements), ctx.catalog, touched);
    }

    /** {@code DROP TABLE a, b}: each node drops the tables it holds. */
    private static Primitive dropMany(StatementContext ctx) {
        Map<DataNode, List<ResolvedTable>> byNode = new LinkedHashMap<>();
        for (ResolvedTable t : ctx.tables) {
            for (DataNode n : t.placement().nodes()) {
                byNode.computeIfAbsent(n, k -> new ArrayList<>()).add(t);
            }
        }
        Drop drop = (Drop) ctx.ast;
        List<Table> original = new ArrayList<>(drop.getNames());
        List<ShardStatement> statements = new ArrayList<>();
        try {
            for (Map.Entry<DataNode, List<ResolvedTable>> e : byNode.entrySet()) {
                List<Table> subset = new ArrayList<>();
                for (ResolvedTable t : e.getValue()) {
                    t.node().setSchemaName(MysqlStrings.quoteIdentifier(e.getKey().database()));
                    subset.add(t.node());
                }
                drop.setNames(subset);
                statements.add(new ShardStatement(e.getKey().name(), e.getKey().database(),
                        SqlRenderer.deparse(drop, ctx.parsed.literals(), ctx.session.backslashEscapes())));
            }
        } finally {
            drop.setNames(original);
        }
        return new Ddl(new Route(RouteKind.SHARD_LIST, String.join(",", ctx.tables.stream().map(ResolvedTable::name).toList()),
                ctx.logicalSchema(), statements), ctx.catalog, touched(ctx));
    }

    private static RouteKind kindOf(Placement p) {
        return switch (p) {
            case Placement.Sharded s -> RouteKind.SCATTER;
            case Placement.Global g -> RouteKind.GLOBAL_WRITE;
            case Placement.Unsharded u -> RouteKind.UNSHARDED;
        };
    }

    private static List<Ddl.Touched> touched(StatementContext ctx) {
        List<Ddl.Touched> out = new ArrayList<>();
        for (ResolvedTable t : ctx.tables) {
            t.placement().nodes().forEach(n -> out.add(new Ddl.Touched(n, t.name())));
        }
        return out;
    }

    private static boolean renames(Alter alter) {
        if (alter.getAlterExpressions() == null) {
            return false;
        }
        for (AlterExpression e : alter.getAlterExpressions()) {
            if (e.getOperation() == AlterOperation.RENAME_TABLE || e.getOperation() == AlterOperation.RENAME) {
                return true;
            }
        }
        return false;
    }
}

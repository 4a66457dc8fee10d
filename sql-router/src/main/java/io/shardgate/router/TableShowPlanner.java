package io.shardgate.router;

import io.shardgate.router.meta.InformationSchema;
import io.shardgate.router.meta.ShardSummed;
import io.shardgate.router.meta.ShowCreateTable;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * SHOW COLUMNS, SHOW INDEX, SHOW CREATE TABLE and DESCRIBE of one logical table: answered by its
 * first data node, with the table named in that node's physical database (column definitions
 * and messages are mapped back to the logical schema). SHOW INDEX asks every shard and adds up
 * the cardinalities; SHOW CREATE TABLE shows the greatest AUTO_INCREMENT counter of the shards.
 * What follows the table (LIKE, WHERE, a column for DESCRIBE) goes to the node as written.
 */
final class TableShowPlanner {

    /** A statement's table, resolved and checked. */
    private record Target(String schema, String table, Placement placement) {
    }

    private final TokenCursor in;
    private final SessionState session;
    private final ShardingRules rules;

    TableShowPlanner(TokenCursor in, SessionState session, ShardingRules rules) {
        this.in = in;
        this.session = session;
        this.rules = rules;
    }

    /** {@code SHOW [FULL] {COLUMNS | FIELDS} {FROM | IN} t [{FROM | IN} db] [LIKE | WHERE]}, after FIELDS. */
    Primitive columns(boolean full) {
        String[] name = fromTable();
        return onFirstNode("SHOW " + (full ? "FULL " : "") + "COLUMNS FROM ", name, "SELECT");
    }

    /** {@code SHOW [EXTENDED] {INDEX | INDEXES | KEYS} {FROM | IN} t [{FROM | IN} db] [WHERE]}, after KEYS. */
    Primitive index(boolean extended) {
        String[] name = fromTable();
        String show = "SHOW " + (extended ? "EXTENDED " : "") + "INDEX FROM ";
        String rest = rest();
        Target t = target(name, "SELECT");
        if (t == null) {
            return anyNode(show + infoSchemaTable(name[1]) + rest);
        }
        List<DataNode> nodes = t.placement() instanceof Placement.Sharded ? t.placement().nodes()
                : List.of(t.placement().nodes().getFirst());
        List<ShardStatement> statements = new ArrayList<>();
        for (DataNode n : nodes) {
            statements.add(new ShardStatement(n.name(), n.database(), show + physical(n, t.table()) + rest));
        }
        return ShardSummed.showIndex(new Route(RouteKind.UNSHARDED, t.table(), t.schema(), statements));
    }

    /** {@code SHOW CREATE TABLE t}, after TABLE. */
    Primitive createTable() {
        String[] name = in.qualifiedName();
        if (!in.atEnd()) {
            throw in.syntax("unexpected text after the table name");
        }
        Target t = target(name, "SHOW");
        if (t == null) {
            return anyNode("SHOW CREATE TABLE " + infoSchemaTable(name[1]));
        }
        DataNode first = t.placement().nodes().getFirst();
        Route route = new Route(RouteKind.UNSHARDED, t.table(), t.schema(),
                List.of(new ShardStatement(first.name(), first.database(), "SHOW CREATE TABLE " + physical(first, t.table()))));
        return t.placement() instanceof Placement.Sharded s && s.nodes().size() > 1
                ? new ShowCreateTable(route, t.table(), s.nodes(), rules) : route;
    }

    /** {@code DESCRIBE t [column | 'pattern']}, after DESCRIBE. */
    Primitive describe() {
        String[] name = in.qualifiedName();
        return onFirstNode("DESCRIBE ", name, "SELECT");
    }

    private Primitive onFirstNode(String show, String[] name, String privilege) {
        String rest = rest();
        Target t = target(name, privilege);
        if (t == null) {
            return anyNode(show + infoSchemaTable(name[1]) + rest);
        }
        DataNode first = t.placement().nodes().getFirst();
        return new Route(RouteKind.UNSHARDED, t.table(), t.schema(),
                List.of(new ShardStatement(first.name(), first.database(), show + physical(first, t.table()) + rest)));
    }

    /** {@code FROM t [FROM db]}: [schema or null, table]. */
    private String[] fromTable() {
        if (!(in.accept("FROM") || in.accept("IN"))) {
            throw in.syntax("expected FROM");
        }
        String[] name = in.qualifiedName();
        if (in.accept("FROM") || in.accept("IN")) {
            name[0] = in.name();
        }
        return name;
    }

    /** What follows the table, as written, with a leading space. */
    private String rest() {
        String rest = in.rest();
        return rest.isEmpty() ? "" : " " + rest;
    }

    /**
     * The table, or null for an information_schema table. MariaDB answers a user without
     * privileges on the table with 1142 whether it exists or not; a missing table of a schema the
     * user may use is 1146.
     */
    private Target target(String[] name, String privilege) {
        String schema = name[0] != null ? name[0] : session.schema();
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        if (InformationSchema.is(schema)) {
            return null;
        }
        String table = name[1];
        SchemaRules visible = rules.schema(schema).filter(s -> session.maySee(schema)).orElseThrow(() -> new ShardGateException(
                ErrorCode.TABLE_ACCESS_DENIED, privilege, session.user(), session.clientHost(), schema, table));
        Placement placement = visible.placementOf(table)
                .orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, schema, table));
        return new Target(schema, table, placement);
    }

    private static String physical(DataNode node, String table) {
        return MysqlStrings.quoteIdentifier(node.database()) + "." + MysqlStrings.quoteIdentifier(table);
    }

    private static String infoSchemaTable(String table) {
        return InformationSchema.NAME + "." + MysqlStrings.quoteIdentifier(table);
    }

    /** information_schema's tables are the server's own, the same on every node. */
    private Route anyNode(String sql) {
        DataNode node = AnyNode.pick(rules, session.schema());
        return new Route(RouteKind.ANY_NODE, "-", null, List.of(new ShardStatement(node.name(), node.database(), sql)));
    }
}

package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.CallProcedure;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardStatement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.execute.Execute;

/**
 * {@code CALL [schema.]procedure[(arguments)]}. A stored procedure runs inside one MariaDB and sees
 * only that server's tables, so the proxy runs it on one data node, chosen by this rule:
 *
 * <ol>
 *   <li>a {@code /*+ shardgate: dataNode=dnX *}{@code /} hint names the node (the operator vouches
 *       that the procedure's tables are there);</li>
 *   <li>otherwise the procedure's schema (its qualifier, or the current one) must live on a single
 *       data node: its default node and every declared table's nodes are one and the same.</li>
 * </ol>
 *
 * Anything else is refused: a procedure in a sharded schema would silently see one shard's rows.
 * The procedure's name is qualified with that node's database; its arguments go as written.
 */
final class CallPlanner {

    private CallPlanner() {
    }

    static Primitive plan(ParsedSql parsed, SessionState session, ShardingRules rules) {
        TokenCursor in = new TokenCursor(parsed, session.backslashEscapes());
        in.expect("CALL");
        String[] name = in.qualifiedName();
        String schema = name[0] != null ? name[0] : session.schema();
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        SchemaRules schemaRules = rules.schema(schema)
                .orElseThrow(() -> new ShardGateException(ErrorCode.UNKNOWN_DATABASE, schema));
        if (!session.maySee(schema)) {
            throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, session.user(), session.clientHost(), schema);
        }
        String hinted = parsed.hints().get("dataNode");
        DataNode node = hinted != null
                ? rules.findNode(hinted).orElseThrow(() -> ShardGateException.notSupported("hint naming unknown data node '" + hinted + "'"))
                : onlyNode(schemaRules);
        Statement ast = SqlParser.toAst(parsed);
        if (!(ast instanceof Execute call)) {
            throw in.syntax("expected CALL procedure(...)");
        }
        call.setName(MysqlStrings.quoteIdentifier(node.database()) + "." + MysqlStrings.quoteIdentifier(name[1]));
        String sql = SqlRenderer.render(call, TableReferences.in(call.getExprList()), node.database(), parsed.literals(),
                session.backslashEscapes());
        return new CallProcedure(schema + "." + name[1], schema, new ShardStatement(node.name(), node.database(), sql));
    }

    /** The one data node of a schema, or a refusal naming the nodes it spans. */
    private static DataNode onlyNode(SchemaRules schema) {
        Set<String> names = new TreeSet<>();
        DataNode any = schema.defaultNode();
        if (any != null) {
            names.add(any.name());
        }
        for (SchemaRules.DeclaredTable t : schema.declaredTables()) {
            List<DataNode> nodes = t.placement().nodes();
            for (DataNode n : nodes) {
                names.add(n.name());
                any = n;
            }
        }
        if (names.size() == 1) {
            return any;
        }
        throw ShardGateException.notSupported("CALL in schema '" + schema.name() + "', whose tables live on "
                + (names.isEmpty() ? "no data node" : "several data nodes " + names)
                + "; a procedure runs on one data node: name it with /*+ shardgate: dataNode=... */");
    }
}

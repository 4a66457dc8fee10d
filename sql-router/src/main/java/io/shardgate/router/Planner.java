package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.plan.Acknowledge;
import io.shardgate.router.plan.LocalResult;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.plan.TransactionControl;
import io.shardgate.router.plan.UseSchema;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * From one parsed statement and the session to a plan. Pure: it reads the configuration and the
 * table catalog, never a connection. Statements it cannot route exactly are refused with 1235.
 */
public final class Planner {

    private final ShardingRules rules;
    private final TableCatalog catalog;
    private final SequenceSource sequences;

    public Planner(ShardingRules rules, TableCatalog catalog) {
        this(rules, catalog, SequenceSource.NONE);
    }

    public Planner(ShardingRules rules, TableCatalog catalog, SequenceSource sequences) {
        this.rules = rules;
        this.catalog = catalog;
        this.sequences = sequences;
    }

    public ShardingRules rules() {
        return rules;
    }

    public Primitive plan(ParsedSql parsed, SessionState session) {
        if (parsed.isEmpty()) {
            throw new ShardGateException(ErrorCode.EMPTY_QUERY);
        }
        TokenCursor in = new TokenCursor(parsed, session.backslashEscapes());
        String keyword = parsed.keyword(0);
        // Both before the hint: a hinted CALL still needs its name qualified and its results passed
        // on one by one; a KILL names a proxy connection, never a backend thread.
        if (keyword.equals("CALL")) {
            // the procedure's backend session has none of the client's variables: IN arguments get their values
            return CallPlanner.plan(withVariables(parsed, session), session, rules);
        }
        if (keyword.equals("KILL")) {
            return KillParser.parse(in);
        }
        String hintedNode = parsed.hints().get("dataNode");
        if (hintedNode != null) {
            return hinted(parsed, session, hintedNode);
        }
        if (keyword.equals("SELECT") && selectsInto(parsed)) {
            throw ShardGateException.notSupported("SELECT ... INTO (variables and files belong to one backend session)");
        }
        if (keyword.equals("DROP") && parsed.keyword(1).equals("PREPARE")) {
            keyword = "DEALLOCATE";
        }
        return switch (keyword) {
            case "SELECT", "WITH", "(", "INSERT", "REPLACE", "UPDATE", "DELETE" ->
                    SelectLimit.apply(planAst(withVariables(parsed, session), session), parsed, session);
            case "CREATE", "DROP", "TRUNCATE", "ALTER" -> planAst(parsed, session);
            case "SET" -> SetParser.parse(in, AnyNode.pick(rules, session.schema()));
            case "SHOW" -> ShowPlanner.plan(in, session, rules);
            // DESCRIBE and DESC are synonyms of EXPLAIN: followed by a statement they explain it
            case "EXPLAIN", "DESC", "DESCRIBE" -> explain(parsed, session, in);
            case "USE" -> use(in);
            case "UNLOCK" -> unlockTables(in);
            case "BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE" -> TransactionParser.parse(in,
                    () -> rules.nodesOf(session.schema()).stream().map(DataNode::name).toList());
            case "PREPARE", "EXECUTE", "DEALLOCATE" -> PreparedSqlParser.parse(in, AnyNode.pick(rules, session.schema()), this);
            default -> throw StatementWords.refusal(keyword, parsed.sql());
        };
    }

    /**
     * Whether a statement can be prepared, checked before it is kept: one statement, not itself
     * PREPARE / EXECUTE / DEALLOCATE (1295, as MariaDB), valid syntax (1064) for those JSqlParser
     * reads, and otherwise a statement kind ShardGate plans (1235 if not). Parameters are taken
     * as NULL. Statements that JSqlParser reads are not planned here: a plan may depend on the
     * values (an UPDATE may set the shard key only to the value its WHERE pins), which come later.
     */
    public void checkPrepared(PreparedText statement, SessionState session) {
        String keyword = statement.keyword();
        ParsedSql parsed = SqlParser.parse(statement.withNulls(), session.backslashEscapes(), session.clientCharset());
        if (keyword.equals("PREPARE") || keyword.equals("EXECUTE") || keyword.equals("DEALLOCATE")
                || (keyword.equals("DROP") && parsed.keyword(1).equals("PREPARE"))) {
            throw new ShardGateException(ErrorCode.NOT_PREPARABLE);
        }
        switch (keyword) {
            case "SELECT", "WITH", "(", "INSERT", "REPLACE", "UPDATE", "DELETE", "CREATE", "DROP", "TRUNCATE", "ALTER" ->
                    SqlParser.parseAst(parsed);
            default -> plan(parsed, session);
        }
    }

    private Primitive planAst(ParsedSql parsed, SessionState session) {
        SqlParser.Ast parsedAst = SqlParser.parseAst(parsed);
        Statement ast = parsedAst.statement();
        if (ast instanceof net.sf.jsqlparser.statement.select.PlainSelect ps) {
            SelectNames.preserve(ps, parsed, parsedAst.normalized(),
                    new Constants(parsed.literals(), session.backslashEscapes()), session.backslashEscapes());
        }
        if (ast instanceof Select) {
            Optional<Primitive> informationSchema = InfoSchemaPlanner.tryPlan(parsed, ast, session, rules);
            if (informationSchema.isPresent()) {
                return informationSchema.get();
            }
        }
        if (ast instanceof Drop drop && "INDEX".equalsIgnoreCase(drop.getType())) {
            return dropIndex(parsed, session, drop);
        }
        if (ast instanceof Drop drop && !"TABLE".equalsIgnoreCase(drop.getType())) {
            throw ShardGateException.notSupported("DROP " + drop.getType() + unsupportedSchemaHint(drop.getType()));
        }
        if (ast instanceof CreateTable || ast instanceof Alter || ast instanceof Truncate || ast instanceof CreateIndex
                || ast instanceof Drop) {
            return DdlPlanner.plan(context(parsed, session, ast), ast);
        }
        if (!(ast instanceof Select || ast instanceof Insert || ast instanceof Upsert || ast instanceof Update
                || ast instanceof Delete)) {
            throw ShardGateException.notSupported(parsed.keyword(0) + " " + parsed.keyword(1)
                    + unsupportedSchemaHint(parsed.keyword(1)));
        }
        StatementContext ctx = context(parsed, session, ast);
        return switch (ast) {
            case Select select -> SelectPlanner.plan(ctx, select);
            case Insert insert -> InsertPlanner.plan(ctx, insert);
            case Upsert replace -> InsertPlanner.plan(ctx, replace);
            case Update update -> DmlPlanner.planUpdate(ctx, update);
            case Delete delete -> DmlPlanner.planDelete(ctx, delete);
            default -> throw ShardGateException.notSupported(parsed.keyword(0) + " " + parsed.keyword(1) + " statement");
        };
    }

    /**
     * The statement with the client's variables put in as values: a backend's session has neither
     * the client's user variables nor (for those the proxy keeps) its system variables. A system
     * variable the proxy does not know stays for the backend to answer.
     */
    private static ParsedSql withVariables(ParsedSql parsed, SessionState session) {
        return SqlParser.withVariables(parsed, session.backslashEscapes(), session.clientCharset(), token -> {
            if (token.startsWith("@@")) {
                try {
                    return LocalSelect.systemVariable(token.substring(2), session);
                } catch (ShardGateException unknown) {
                    return SqlParser.AS_WRITTEN;
                }
            }
            return session.userVariable(MysqlStrings.userVariableName(token.substring(1), session.backslashEscapes()));
        });
    }

    /** A top-level INTO in a SELECT (JSqlParser cannot parse {@code INTO @var}). */
    private static boolean selectsInto(ParsedSql parsed) {
        return parsed.topLevel("INTO") >= 0;
    }

    private StatementContext context(ParsedSql parsed, SessionState session, Statement ast) {
        StatementContext ctx = new StatementContext(parsed, ast, session, rules, catalog, sequences);
        if (ctx.tables.isEmpty() && !(ast instanceof Select)) {
            throw ShardGateException.notSupported(parsed.keyword(0) + " " + parsed.keyword(1) + " statement without a table");
        }
        return ctx;
    }

    private static String unsupportedSchemaHint(String type) {
        return "DATABASE".equalsIgnoreCase(type) || "SCHEMA".equalsIgnoreCase(type)
                ? " (logical schemas are defined in the ShardGate configuration)" : " statement";
    }

    private Primitive dropIndex(ParsedSql parsed, SessionState session, Drop drop) {
        List<String> params = drop.getParameters();
        if (params == null || params.size() != 2 || !params.get(0).equalsIgnoreCase("ON")) {
            throw ShardGateException.notSupported("DROP INDEX without ON table");
        }
        String qualified = params.get(1);
        int dot = qualified.lastIndexOf('.');
        String schema = dot < 0 ? null : io.shardgate.router.parse.MysqlStrings.unquoteIdentifier(qualified.substring(0, dot));
        String table = io.shardgate.router.parse.MysqlStrings.unquoteIdentifier(qualified.substring(dot + 1));
        StatementContext ctx = new StatementContext(parsed, new net.sf.jsqlparser.statement.select.PlainSelect(), session, rules, catalog, sequences);
        return DdlPlanner.planDropIndex(ctx, drop, table, schema);
    }

    private static Primitive use(TokenCursor in) {
        in.expect("USE");
        String schema = in.name();
        if (!in.atEnd()) {
            throw in.syntax("unexpected text after schema name");
        }
        return new UseSchema(schema);
    }

    private static Primitive unlockTables(TokenCursor in) {
        in.expect("UNLOCK");
        if (!(in.accept("TABLES") || in.accept("TABLE")) || !in.atEnd()) {
            throw in.syntax("expected UNLOCK TABLES");
        }
        return new Acknowledge("UNLOCK TABLES");
    }

    /** {@code EXPLAIN <statement>} prints ShardGate's plan; {@code EXPLAIN table} is DESCRIBE table. */
    private Primitive explain(ParsedSql parsed, SessionState session, TokenCursor in) {
        String next = parsed.keyword(1);
        if ((next.equals("FORMAT") && parsed.keyword(2).equals("=")) || next.equals("EXTENDED")
                || next.equals("PARTITIONS")) {
            throw ShardGateException.notSupported("EXPLAIN " + next + " (EXPLAIN prints ShardGate's plan)");
        }
        if (!List.of("SELECT", "WITH", "(", "INSERT", "REPLACE", "UPDATE", "DELETE").contains(next)) {
            return ShowPlanner.plan(in, session, rules);
        }
        String inner = parsed.sql().substring(parsed.tokens().get(1).start());
        Primitive plan = plan(SqlParser.parse(inner, session.backslashEscapes(), session.clientCharset()), session);
        List<Row> rows = new ArrayList<>();
        plan.describe().lines().forEach(line -> rows.add(Row.ofStrings(line)));
        return new LocalResult("EXPLAIN", List.of(Column.computedString("plan", 1024)), rows);
    }

    /**
     * {@code /*+ shardgate: dataNode=dn1 *}{@code /}: the statement runs on that node as written,
     * its tables named in the node's database. The operator takes responsibility for the result.
     */
    private Primitive hinted(ParsedSql parsed, SessionState session, String nodeName) {
        DataNode node = rules.findNode(nodeName)
                .orElseThrow(() -> ShardGateException.notSupported("hint naming unknown data node '" + nodeName + "'"));
        Statement ast = SqlParser.toAst(parsed);
        TableReferences refs = TableReferences.of(ast);
        for (Table t : refs.tables()) {
            String schema = TableReferences.schema(t) != null ? TableReferences.schema(t) : session.schema();
            if (schema != null && !session.maySee(schema)) {
                throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, session.user(), session.clientHost(), schema);
            }
        }
        String sql = SqlRenderer.render(ast, refs, node.database(), parsed.literals(), session.backslashEscapes());
        return new Route(RouteKind.HINTED, node.name(), session.schema(),
                List.of(new ShardStatement(node.name(), node.database(), sql)));
    }
}

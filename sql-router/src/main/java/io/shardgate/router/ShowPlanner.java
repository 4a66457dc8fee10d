package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.TokenType;
import io.shardgate.router.plan.LikePattern;
import io.shardgate.router.plan.LocalResult;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShowDiagnostics;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.plan.ShowTables;
import io.shardgate.router.plan.ShowVariables;
import io.shardgate.router.plan.VariableScope;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * SHOW and DESCRIBE, answered with the logical schema: schemas and tables from the configuration
 * (and what exists on the backends), a table's columns and DDL from its first data node.
 */
final class ShowPlanner {

    private final TokenCursor in;
    private final SessionState session;
    private final ShardingRules rules;

    private ShowPlanner(TokenCursor in, SessionState session, ShardingRules rules) {
        this.in = in;
        this.session = session;
        this.rules = rules;
    }

    static Primitive plan(TokenCursor in, SessionState session, ShardingRules rules) {
        return new ShowPlanner(in, session, rules).plan();
    }

    private Primitive plan() {
        if (in.accept("DESCRIBE") || in.accept("DESC") || in.accept("EXPLAIN")) {
            return describeTable("DESCRIBE %s", true);
        }
        in.expect("SHOW");
        if (in.accept("DATABASES") || in.accept("SCHEMAS")) {
            return databases(like(false));
        }
        boolean full = in.accept("FULL");
        if (in.accept("TABLES")) {
            return tables(full);
        }
        if (in.accept("COLUMNS") || in.accept("FIELDS")) {
            return describeTable("SHOW " + (full ? "FULL " : "") + "COLUMNS FROM %s", false);
        }
        if (full) {
            throw ShardGateException.notSupported("SHOW FULL " + in.peek());
        }
        if (in.acceptAll("CREATE", "TABLE")) {
            return describeTable("SHOW CREATE TABLE %s", true);
        }
        if (in.accept("INDEX") || in.accept("INDEXES") || in.accept("KEYS")) {
            return describeTable("SHOW INDEX FROM %s", false);
        }
        VariableScope scope = in.accept("GLOBAL") ? VariableScope.GLOBAL
                : in.accept("SESSION") || in.accept("LOCAL") ? VariableScope.SESSION : VariableScope.DEFAULT;
        if (in.accept("VARIABLES")) {
            return new ShowVariables(scope, like(true));
        }
        if (in.accept("STATUS")) {
            return ShowVariables.status(scope == VariableScope.DEFAULT ? VariableScope.SESSION : scope, like(true));
        }
        if (scope == VariableScope.DEFAULT) {
            if (in.accept("WARNINGS") || in.accept("ERRORS")) {
                return diagnostics(in.previous().equals("ERRORS"), false);
            }
            if (in.accept("COUNT")) {
                for (String t : new String[] {"(", "*", ")"}) {
                    in.expect(t);
                }
                if (!(in.accept("WARNINGS") || in.accept("ERRORS"))) {
                    throw in.syntax("expected WARNINGS or ERRORS");
                }
                return diagnostics(in.previous().equals("ERRORS"), true);
            }
        }
        throw ShardGateException.notSupported("SHOW " + (in.atEnd() ? "" : in.peek()) + " statement");
    }

    private LikePattern like(boolean caseInsensitive) {
        if (in.atEnd()) {
            return null;
        }
        if (in.accept("LIKE") && in.type() == TokenType.STRING) {
            LikePattern p = LikePattern.of(MysqlStrings.unquote(in.next(), in.backslashEscapes()), caseInsensitive);
            if (in.atEnd()) {
                return p;
            }
        }
        throw ShardGateException.notSupported("this form of SHOW (only LIKE 'pattern' filters are supported)");
    }

    private Primitive databases(LikePattern like) {
        List<Row> rows = new ArrayList<>();
        rules.schemaNames().stream().filter(session::maySee).sorted()
                .filter(s -> like == null || like.matches(s))
                .forEach(s -> rows.add(Row.ofStrings(s)));
        Column c = new Column("information_schema", "SCHEMATA", "SCHEMATA", "Database", "SCHEMA_NAME",
                Column.UTF8MB4_GENERAL_CI, 256, ColumnType.VAR_STRING, Column.NOT_NULL, 0);
        return new LocalResult("SHOW DATABASES", List.of(c), rows);
    }

    private Primitive tables(boolean full) {
        String schema = session.schema();
        if (in.accept("FROM") || in.accept("IN")) {
            schema = in.name();
        }
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        return new ShowTables(visibleSchema(schema), full, like(false));
    }

    /**
     * Statements about one table are answered by the table's first data node, with the table
     * named in that node's physical database.
     */
    private Primitive describeTable(String template, boolean tableFollowsDirectly) {
        if (!tableFollowsDirectly && !(in.accept("FROM") || in.accept("IN"))) {
            throw in.syntax("expected FROM");
        }
        String[] name = in.qualifiedName();
        String schema = name[0];
        if (!tableFollowsDirectly && (in.accept("FROM") || in.accept("IN"))) {
            schema = in.name();
        }
        if (schema == null) {
            schema = session.schema();
        }
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        String rest = restOfStatement();
        String table = name[1];
        String s = schema;
        Placement placement = visibleSchema(schema).placementOf(table)
                .orElseThrow(() -> new ShardGateException(ErrorCode.NO_SUCH_TABLE, s, table));
        DataNode node = placement.nodes().getFirst();
        String sql = String.format(template, MysqlStrings.quoteIdentifier(node.database()) + "."
                + MysqlStrings.quoteIdentifier(table)) + rest;
        return new Route(RouteKind.UNSHARDED, table, schema, List.of(new ShardStatement(node.name(), node.database(), sql)));
    }

    /** What follows the table name (a LIKE filter, a column name for DESCRIBE), as written. */
    private String restOfStatement() {
        StringBuilder sb = new StringBuilder();
        while (!in.atEnd()) {
            sb.append(' ').append(in.next());
        }
        return sb.toString();
    }

    private SchemaRules visibleSchema(String schema) {
        SchemaRules r = rules.schema(schema).orElseThrow(() -> new ShardGateException(ErrorCode.UNKNOWN_DATABASE, schema));
        if (!session.maySee(schema)) {
            throw new ShardGateException(ErrorCode.DB_ACCESS_DENIED, session.user(), session.clientHost(), schema);
        }
        return r;
    }

    /** SHOW WARNINGS | ERRORS [LIMIT [offset,] count], SHOW COUNT(*) WARNINGS | ERRORS. */
    private Primitive diagnostics(boolean errors, boolean count) {
        long offset = 0;
        long limit = Long.MAX_VALUE;
        if (!count && in.accept("LIMIT")) {
            limit = number();
            if (in.accept(",")) {
                offset = limit;
                limit = number();
            }
        }
        if (!in.atEnd()) {
            throw in.syntax("unexpected text");
        }
        return new ShowDiagnostics(errors, count, offset, limit);
    }

    private long number() {
        if (in.type() != TokenType.NUMBER) {
            throw in.syntax("expected a number");
        }
        return Long.parseLong(in.next());
    }
}

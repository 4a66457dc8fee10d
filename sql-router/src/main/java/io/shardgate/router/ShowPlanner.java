package io.shardgate.router;

import io.shardgate.router.meta.InformationSchema;
import io.shardgate.router.meta.LogicalTables;
import io.shardgate.router.meta.ShowCreateDatabase;
import io.shardgate.router.meta.ShowFilter;
import io.shardgate.router.meta.Shows;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.TokenType;
import io.shardgate.router.plan.LikePattern;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShowDiagnostics;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.plan.ShowVariables;
import io.shardgate.router.plan.VariableScope;
import java.util.List;

/**
 * SHOW and DESCRIBE, answered with the logical schemas: schemas and tables from the configuration
 * and what the data nodes hold, statements about one table by its first data node
 * ({@link TableShowPlanner}). information_schema is the server's own: SHOWs about it go to any
 * data node as written.
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
        TableShowPlanner tableShows = new TableShowPlanner(in, session, rules);
        if (in.accept("DESCRIBE") || in.accept("DESC") || in.accept("EXPLAIN")) {
            return tableShows.describe();
        }
        in.expect("SHOW");
        if (in.accept("DATABASES") || in.accept("SCHEMAS")) {
            return Shows.databases(rules, anyNode(), filter());
        }
        boolean full = in.accept("FULL");
        if (in.accept("TABLES")) {
            return tables(full);
        }
        if (in.accept("COLUMNS") || in.accept("FIELDS")) {
            return tableShows.columns(full);
        }
        if (full) {
            throw ShardGateException.notSupported("SHOW FULL " + in.peek());
        }
        if (in.acceptAll("TABLE", "STATUS")) {
            return tableStatus();
        }
        if (in.acceptAll("CREATE", "TABLE")) {
            return tableShows.createTable();
        }
        if (in.acceptAll("CREATE", "DATABASE") || in.acceptAll("CREATE", "SCHEMA")) {
            return createDatabase();
        }
        boolean extended = in.accept("EXTENDED");
        if (in.accept("INDEX") || in.accept("INDEXES") || in.accept("KEYS")) {
            return tableShows.index(extended);
        }
        if (extended) {
            throw ShardGateException.notSupported("SHOW EXTENDED " + in.peek());
        }
        if (in.acceptAll("CHARACTER", "SET") || in.accept("CHARSET") || in.accept("COLLATION") || in.accept("ENGINES")
                || in.acceptAll("STORAGE", "ENGINES")) {
            return serverShow();
        }
        for (String routine : List.of("FUNCTION", "PROCEDURE", "PACKAGE BODY", "PACKAGE")) {
            if (in.acceptAll((routine + " STATUS").split(" "))) {
                filter();
                return Shows.empty("SHOW " + routine + " STATUS (no routines in logical schemas)", anyNode(),
                        "SHOW " + routine + " STATUS WHERE 0");
            }
        }
        for (String objects : List.of("TRIGGERS", "EVENTS")) {
            if (in.accept(objects)) {
                String schema = schemaAfterFrom();
                if (!InformationSchema.is(schema)) {
                    visibleSchema(schema);
                }
                filter();
                return Shows.empty("SHOW " + objects + " (none in logical schemas)", anyNode(),
                        "SHOW " + objects + " FROM " + InformationSchema.NAME + " WHERE 0");
            }
        }
        VariableScope scope = in.accept("GLOBAL") ? VariableScope.GLOBAL
                : in.accept("SESSION") || in.accept("LOCAL") ? VariableScope.SESSION : VariableScope.DEFAULT;
        if (in.accept("VARIABLES")) {
            return new ShowVariables(scope, like("VARIABLES"));
        }
        if (in.accept("STATUS")) {
            return ShowVariables.status(scope == VariableScope.DEFAULT ? VariableScope.SESSION : scope, like("STATUS"));
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

    /** {@code LIKE 'pattern'}, {@code WHERE condition} or nothing, to the end of the statement. */
    private ShowFilter filter() {
        if (in.atEnd()) {
            return ShowFilter.NONE;
        }
        if (in.accept("LIKE")) {
            if (in.type() != TokenType.STRING) {
                throw in.syntax("expected a 'pattern' after LIKE");
            }
            String literal = in.next();
            if (!in.atEnd()) {
                throw in.syntax("unexpected text after the LIKE pattern");
            }
            return ShowFilter.like(MysqlStrings.unquote(literal, in.backslashEscapes()), literal);
        }
        if (in.accept("WHERE")) {
            if (in.atEnd()) {
                throw in.syntax("expected a condition after WHERE");
            }
            return ShowFilter.where(in.rest());
        }
        throw in.syntax("expected LIKE or WHERE");
    }

    /** SHOW VARIABLES and SHOW STATUS only take LIKE (the proxy matches it itself). */
    private LikePattern like(String show) {
        ShowFilter f = filter();
        if (f.where() != null) {
            throw ShardGateException.notSupported("SHOW " + show + " ... WHERE (only LIKE 'pattern' filters are supported)");
        }
        return f.pattern() == null ? null : LikePattern.of(f.pattern(), true);
    }

    /** {@code FROM db} / {@code IN db}, else the current schema (1046 without one). */
    private String schemaAfterFrom() {
        String schema = in.accept("FROM") || in.accept("IN") ? in.name() : session.schema();
        if (schema == null) {
            throw new ShardGateException(ErrorCode.NO_DATABASE_SELECTED);
        }
        return schema;
    }

    private Primitive tables(boolean full) {
        String schema = schemaAfterFrom();
        ShowFilter filter = filter();
        if (InformationSchema.is(schema)) {
            // as written: MariaDB's column name shows it (Tables_in_INFORMATION_SCHEMA)
            return server("SHOW " + (full ? "FULL " : "") + "TABLES FROM " + MysqlStrings.quoteIdentifier(schema) + filter.clause());
        }
        return Shows.tables(rules, visibleSchema(schema), full, anyNode(), filter);
    }

    private Primitive tableStatus() {
        String schema = schemaAfterFrom();
        ShowFilter filter = filter();
        if (InformationSchema.is(schema)) {
            return server("SHOW TABLE STATUS FROM " + MysqlStrings.quoteIdentifier(schema) + filter.clause());
        }
        return Shows.tableStatus(rules, visibleSchema(schema), anyNode(), filter);
    }

    private Primitive createDatabase() {
        boolean ifNotExists = in.acceptAll("IF", "NOT", "EXISTS");
        String schema = in.name();
        if (!in.atEnd()) {
            throw in.syntax("unexpected text after the schema name");
        }
        SchemaRules visible = visibleSchema(schema);
        DataNode home = LogicalTables.home(visible);
        if (home == null) {
            throw ShardGateException.notSupported("SHOW CREATE DATABASE of schema '" + schema + "', which has no data node");
        }
        return new ShowCreateDatabase(schema, home, ifNotExists);
    }

    /** SHOW CHARACTER SET, COLLATION, ENGINES: the server's, the same on every data node. */
    private Primitive serverShow() {
        in.rest();
        return server(in.sql());
    }

    private Primitive server(String sql) {
        DataNode node = anyNode();
        return new Route(RouteKind.ANY_NODE, "-", null, List.of(new ShardStatement(node.name(), node.database(), sql)));
    }

    private DataNode anyNode() {
        return AnyNode.pick(rules, session.schema());
    }

    /**
     * A schema the session may list. MariaDB answers a user without privileges on a database
     * with 1044 whether it exists or not, and so does ShardGate (also for the backends' own
     * databases, which no ShardGate user sees).
     */
    private SchemaRules visibleSchema(String schema) {
        return rules.schema(schema).filter(s -> session.maySee(schema)).orElseThrow(
                () -> new ShardGateException(ErrorCode.DB_ACCESS_DENIED, session.user(), session.clientHost(), schema));
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

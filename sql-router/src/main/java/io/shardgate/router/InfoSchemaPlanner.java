package io.shardgate.router;

import io.shardgate.router.meta.InfoSchemaSelect;
import io.shardgate.router.meta.InformationSchema;
import io.shardgate.router.meta.Lookup;
import io.shardgate.router.parse.LimitZero;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.Placeholders;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.RouteKind;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.ShardStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * SELECTs that read information_schema: planned into an {@link InfoSchemaSelect}, which shows
 * the logical schemas. Every table of such a query must be an information_schema table ShardGate
 * answers; queries combining them with other tables, and other information_schema tables, are
 * refused.
 */
final class InfoSchemaPlanner {

    private static final String SUPPORTED = String.join(", ", Arrays.stream(InformationSchema.values()).map(Enum::name).toList());

    private final ParsedSql parsed;
    private final Statement ast;
    private final SessionState session;
    private final ShardingRules rules;
    private final Constants constants;

    private InfoSchemaPlanner(ParsedSql parsed, Statement ast, SessionState session, ShardingRules rules) {
        this.parsed = parsed;
        this.ast = ast;
        this.session = session;
        this.rules = rules;
        this.constants = new Constants(parsed.literals(), session.backslashEscapes());
    }

    /** The plan when the statement reads information_schema; empty when it does not. */
    static Optional<Primitive> tryPlan(ParsedSql parsed, Statement ast, SessionState session, ShardingRules rules) {
        return new InfoSchemaPlanner(parsed, ast, session, rules).plan();
    }

    private Optional<Primitive> plan() {
        List<Table> tables = TableReferences.of(ast).tables().stream()
                .filter(t -> t.getSchemaName() != null || !TableReferences.name(t).equalsIgnoreCase("dual")).toList();
        List<Table> infoTables = tables.stream().filter(this::isInformationSchema).toList();
        if (infoTables.isEmpty()) {
            return Optional.empty();
        }
        if (infoTables.size() != tables.size()) {
            throw ShardGateException.notSupported("a query combining information_schema tables with other tables ("
                    + String.join(", ", tables.stream().filter(t -> !isInformationSchema(t)).map(Table::getFullyQualifiedName).toList())
                    + ")");
        }
        String describeSql = describeSql(infoTables);
        // placeholders of the proxy's own literals follow the client's
        List<InfoSchemaSelect.Source> sources = derivedTables(infoTables, parsed.literals().size());
        List<InfoSchemaSelect.SessionLiteral> values = sessionValues(parsed.literals().size() + sources.size());
        DataNode node = AnyNode.pick(rules, session.schema());
        if (sources.isEmpty() && values.isEmpty()) {
            // only tables about the server: the node answers as it is
            String sql = SqlRenderer.deparse(ast, parsed.literals(), session.backslashEscapes());
            return Optional.of(new Route(RouteKind.ANY_NODE, "-", null, List.of(new ShardStatement(node.name(), node.database(), sql))));
        }
        String template = SqlRenderer.deparse(ast, List.of(), session.backslashEscapes());
        return Optional.of(new InfoSchemaSelect(rules, node, describeSql, template, parsed.literals(), sources, values,
                session.backslashEscapes()));
    }

    /**
     * Each reference to a table whose rows the proxy builds becomes a placeholder (a derived table
     * at execution) under the reference's alias, or its name; the server's own tables stay.
     */
    private List<InfoSchemaSelect.Source> derivedTables(List<Table> infoTables, int firstPlaceholder) {
        Map<Table, PlainSelect> scopes = Scopes.of(ast);
        int next = firstPlaceholder;
        List<InfoSchemaSelect.Source> sources = new ArrayList<>();
        for (Table t : infoTables) {
            String name = TableReferences.name(t);
            InformationSchema table = InformationSchema.byName(name).orElseThrow(() -> ShardGateException.notSupported(
                    "information_schema." + name.toUpperCase(Locale.ROOT) + " (ShardGate answers " + SUPPORTED + ")"));
            if (table.kind() == InformationSchema.Kind.SERVER) {
                t.setSchemaName(InformationSchema.NAME);
                continue;
            }
            Lookup lookup = lookup(t, table, scopes.get(t));
            String shownAs = "information_schema." + table.name() + (t.getAlias() == null ? "" : " " + unquote(t.getAlias().getName()));
            if (t.getAlias() == null) {
                t.setAlias(new Alias(MysqlStrings.quoteIdentifier(name), true));
            }
            t.setSchemaName(null);
            t.setName(":" + Placeholders.name(next));
            sources.add(new InfoSchemaSelect.Source(table, shownAs, lookup, next++));
        }
        // information_schema.TABLES.TABLE_NAME: the derived table is TABLES
        for (Column c : TableReferences.of(ast).schemaQualifiedColumns()) {
            if (InformationSchema.is(TableReferences.schema(c.getTable()))) {
                c.getTable().setSchemaName(null);
            }
        }
        return sources;
    }

    /**
     * {@code DATABASE()}, {@code USER()}...: the node would answer for its own session, so each
     * becomes {@code COALESCE(placeholder)}, the client session's value with the same type.
     */
    private List<InfoSchemaSelect.SessionLiteral> sessionValues(int firstPlaceholder) {
        int next = firstPlaceholder;
        List<InfoSchemaSelect.SessionLiteral> values = new ArrayList<>();
        for (Function f : SessionFunctions.of(ast)) {
            InfoSchemaSelect.SessionValue v = SessionFunctions.isDatabase(f)
                    ? InfoSchemaSelect.SessionValue.DATABASE : InfoSchemaSelect.SessionValue.USER;
            f.setName("COALESCE");
            f.setParameters(new ExpressionList<>(new JdbcNamedParameter(Placeholders.name(next))));
            values.add(new InfoSchemaSelect.SessionLiteral(v, next++));
        }
        return values;
    }

    private boolean isInformationSchema(Table t) {
        String schema = TableReferences.schema(t);
        return InformationSchema.is(schema == null ? session.schema() : schema);
    }

    /**
     * The client's own query, asked for no rows, against the node's real information_schema: its
     * answer's column definitions are the ones MariaDB gives. Table references without a schema
     * (after {@code USE information_schema}) are qualified, since the node's session is in a data
     * node's database.
     */
    private String describeSql(List<Table> infoTables) {
        boolean allQualified = infoTables.stream().allMatch(t -> t.getSchemaName() != null);
        if (allQualified) {
            return LimitZero.of(parsed.sql(), session.backslashEscapes());
        }
        infoTables.forEach(t -> t.setSchemaName(InformationSchema.NAME));
        String sql = SqlRenderer.deparse(ast, parsed.literals(), session.backslashEscapes());
        return LimitZero.of(sql, session.backslashEscapes());
    }

    /** The schema and table names the reference's SELECT pins with top-level equalities. */
    private Lookup lookup(Table t, InformationSchema table, PlainSelect scope) {
        Lookup lookup = Lookup.ANY;
        if (scope == null || scope.getWhere() == null) {
            return lookup;
        }
        boolean only = scope.getFromItem() == t && (scope.getJoins() == null || scope.getJoins().isEmpty());
        List<Expression> conjuncts = new ArrayList<>();
        Colocation.conjuncts(scope.getWhere(), conjuncts);
        for (Expression e : conjuncts) {
            if (!(e instanceof net.sf.jsqlparser.expression.operators.relational.EqualsTo eq)) {
                continue;
            }
            Column c = eq.getLeftExpression() instanceof Column l ? l : eq.getRightExpression() instanceof Column r ? r : null;
            Expression other = c == eq.getLeftExpression() ? eq.getRightExpression() : eq.getLeftExpression();
            if (c == null || !refersTo(c, t, only)) {
                continue;
            }
            String column = unquote(c.getColumnName());
            Optional<String> value = lookupValue(other);
            if (value == null) {
                continue;
            }
            if (column.equalsIgnoreCase(table.schemaColumn())) {
                lookup = lookup.withSchema(value.orElse(null));
            } else if (column.equalsIgnoreCase(table.tableColumn())) {
                lookup = lookup.withTable(value.orElse(null));
            }
        }
        return lookup;
    }

    /** A string constant or DATABASE(): present, empty for SQL NULL, null when not a lookup value. */
    private Optional<String> lookupValue(Expression e) {
        if (e instanceof Function f && SessionFunctions.isDatabase(f)) {
            return Optional.ofNullable(session.schema());
        }
        Optional<Object> v = constants.valueOf(e);
        if (v.isEmpty()) {
            return null;
        }
        return v.get() instanceof String s ? Optional.of(s) : v.get() == Constants.NULL ? Optional.empty() : null;
    }

    private static boolean refersTo(Column c, Table t, boolean onlyTable) {
        Table q = c.getTable();
        if (q == null || q.getName() == null) {
            return onlyTable;
        }
        String qualifier = unquote(q.getName());
        if (t.getAlias() != null) {
            return q.getSchemaName() == null && qualifier.equalsIgnoreCase(unquote(t.getAlias().getName()));
        }
        return qualifier.equalsIgnoreCase(TableReferences.name(t))
                && (q.getSchemaName() == null || InformationSchema.is(TableReferences.schema(q)));
    }

    private static String unquote(String s) {
        return MysqlStrings.unquoteIdentifier(s);
    }

    /** For each table reference, the SELECT whose FROM clause holds it. */
    private static final class Scopes extends TablesNamesFinder<Void> {

        private final Map<Table, PlainSelect> scopes = new IdentityHashMap<>();
        private final List<PlainSelect> stack = new ArrayList<>();

        private Scopes() {
            init(false);
        }

        static Map<Table, PlainSelect> of(Statement statement) {
            Scopes s = new Scopes();
            statement.accept(s, null);
            return s.scopes;
        }

        @Override
        public <S> Void visit(PlainSelect select, S context) {
            stack.add(select);
            try {
                return super.visit(select, context);
            } finally {
                stack.removeLast();
            }
        }

        @Override
        public <S> Void visit(Table table, S context) {
            if (!stack.isEmpty()) {
                scopes.putIfAbsent(table, stack.getLast());
            }
            return super.visit(table, context);
        }
    }

    /** {@code DATABASE()}, {@code USER()} and their synonyms anywhere in a statement. */
    private static final class SessionFunctions extends TablesNamesFinder<Void> {

        private final List<Function> found = new ArrayList<>();

        private SessionFunctions() {
            init(false);
        }

        static List<Function> of(Statement statement) {
            SessionFunctions s = new SessionFunctions();
            statement.accept(s, null);
            return s.found;
        }

        static boolean isDatabase(Function f) {
            return noArguments(f) && (f.getName().equalsIgnoreCase("DATABASE") || f.getName().equalsIgnoreCase("SCHEMA"));
        }

        private static boolean noArguments(Function f) {
            return f.getParameters() == null || f.getParameters().isEmpty();
        }

        @Override
        public <S> Void visit(Function f, S context) {
            String name = f.getName() == null ? "" : f.getName().toUpperCase(Locale.ROOT);
            if (noArguments(f) && List.of("DATABASE", "SCHEMA", "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER")
                    .contains(name) && found.stream().noneMatch(x -> x == f)) {
                found.add(f);
            }
            return super.visit(f, context);
        }
    }
}

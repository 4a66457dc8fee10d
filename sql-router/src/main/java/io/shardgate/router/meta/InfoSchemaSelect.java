package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.parse.Literal;
import io.shardgate.router.parse.Placeholders;
import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT over information_schema tables, answered as one MariaDB holding the logical schemas
 * would answer it. The proxy builds each referenced table's logical rows ({@link LogicalRows}),
 * and one data node evaluates the client's whole query (joins, subqueries, functions, grouping:
 * MariaDB's own semantics) with every reference replaced by a derived table of those rows. The
 * derived table is a UNION with the node's real table, so its columns keep their types; the
 * result's column definitions come from the client's query itself run with {@code LIMIT 0}
 * against the node's real information_schema, so they are exactly MariaDB's.
 */
public final class InfoSchemaSelect implements Primitive {

    /**
     * One information_schema table reference, replaced by the literal at {@code placeholder}.
     */
    public record Source(InformationSchema table, String shownAs, Lookup lookup, int placeholder) {
    }

    /** A session function ({@code DATABASE()}, {@code USER()}) the node would answer for its own session. */
    public enum SessionValue {
        DATABASE, USER;

        String value(SessionState s) {
            return switch (this) {
                case DATABASE -> s.schema();
                case USER -> s.user() + "@" + s.clientHost();
            };
        }
    }

    /** A session function's value goes in at {@code placeholder}. */
    public record SessionLiteral(SessionValue value, int placeholder) {
    }

    private final ShardingRules rules;
    private final DataNode node;
    private final String describeSql;
    private final String template;
    private final List<Literal> literals;
    private final List<Source> sources;
    private final List<SessionLiteral> sessionLiterals;
    private final boolean backslashEscapes;

    /**
     * @param describeSql the client's query against the real information_schema, asked for no rows
     * @param template    the query with placeholders for the derived tables and session values
     * @param literals    the client's literals; placeholders of sources and session values follow them
     */
    public InfoSchemaSelect(ShardingRules rules, DataNode node, String describeSql, String template, List<Literal> literals,
                            List<Source> sources, List<SessionLiteral> sessionLiterals, boolean backslashEscapes) {
        this.rules = rules;
        this.node = node;
        this.describeSql = describeSql;
        this.template = template;
        this.literals = List.copyOf(literals);
        this.sources = List.copyOf(sources);
        this.sessionLiterals = List.copyOf(sessionLiterals);
        this.backslashEscapes = backslashEscapes;
    }

    @Override
    public Result execute(ExecutionContext context) {
        List<Column> columns;
        try (RowStream described = query(context, describeSql)) {
            columns = described.columns();
        }
        List<Literal> all = new ArrayList<>(literals);
        for (Source s : sources) {
            set(all, s.placeholder(), derivedTable(s, context));
        }
        for (SessionLiteral v : sessionLiterals) {
            set(all, v.placeholder(), SqlValues.text(v.value().value(context.session())));
        }
        RowStream rows = query(context, Placeholders.splice(template, all, backslashEscapes));
        if (rows.columns().size() != columns.size()) {
            rows.close();
            throw new ShardGateException(1105, "HY000", "information_schema query: data node '" + node.name()
                    + "' answered with " + rows.columns().size() + " columns where its definitions have " + columns.size()
                    + " (are the data nodes of different MariaDB versions?)", null);
        }
        return new Described(rows, columns);
    }

    private static void set(List<Literal> all, int index, String source) {
        while (all.size() <= index) {
            all.add(new Literal("NULL", null));
        }
        all.set(index, new Literal(source, null));
    }

    private String derivedTable(Source s, ExecutionContext context) {
        LogicalRows.Answer answer = LogicalRows.read(s.table(), s.lookup(), context, rules);
        StringBuilder sql = new StringBuilder("(SELECT * FROM information_schema.").append(s.table().name())
                .append(" WHERE ").append(s.table().ownRows(s.lookup()));
        if (!answer.rows().isEmpty()) {
            sql.append(" UNION ALL ").append(SqlValues.values(answer.columns(), answer.rows()));
        }
        return sql.append(')').toString();
    }

    private RowStream query(ExecutionContext context, String sql) {
        return NodeQueries.query(context.shards(), node, sql);
    }

    @Override
    public Description describe() {
        List<Literal> shown = new ArrayList<>(literals);
        for (Source s : sources) {
            set(shown, s.placeholder(), "<" + s.shownAs() + ">");
        }
        for (SessionLiteral v : sessionLiterals) {
            set(shown, v.placeholder(), "<" + v.value() + "()>");
        }
        List<Description> children = new ArrayList<>();
        for (Source s : sources) {
            children.add(Description.leaf("<" + s.shownAs() + ">: " + (s.table().kind() == InformationSchema.Kind.EMPTY
                    ? "no rows (none in logical schemas)"
                    : "logical rows of information_schema." + s.table().name() + ", " + s.lookup())));
        }
        children.add(Description.leaf(node.name() + ": " + Placeholders.splice(template, shown, backslashEscapes)));
        return new Description("InfoSchemaSelect on " + node.name(), children);
    }

    /** The node's rows under the column definitions of the real query. */
    private record Described(RowStream rows, List<Column> columns) implements RowStream {

        @Override
        public Row next() {
            return rows.next();
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}

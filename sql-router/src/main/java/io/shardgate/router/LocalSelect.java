package io.shardgate.router;

import io.shardgate.router.plan.LocalResult;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.VariableScope;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * A SELECT without tables whose every item the proxy knows itself: session and system variables,
 * {@code DATABASE()}, {@code USER()}, {@code CONNECTION_ID()}, constants. Drivers send these on
 * connect; a backend would answer with its own session's values, which are not the client's.
 */
final class LocalSelect {

    private LocalSelect() {
    }

    static Optional<Primitive> tryPlan(StatementContext ctx, Select select) {
        if (!(select instanceof PlainSelect ps) || ps.getFromItem() != null && !isDual(ps)
                || ps.getWhere() != null || ps.getGroupBy() != null || ps.getOrderByElements() != null) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (SelectItem<?> item : ps.getSelectItems()) {
            Optional<Object> value = evaluate(item.getExpression(), ctx);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String name = item.getAlias() != null ? unquote(item.getAlias().getName()) : columnName(item.getExpression(), ctx);
            Object v = value.get();
            columns.add(column(name, v));
            values.add(v == Constants.NULL ? null : text(v));
        }
        Long rowCount = limit(ps.getLimit());
        List<Row> rows = rowCount != null && rowCount == 0 ? List.of() : List.of(Row.ofStrings(values.toArray(String[]::new)));
        return Optional.of(new LocalResult("SELECT", columns, rows));
    }

    private static boolean isDual(PlainSelect ps) {
        return ps.getFromItem() instanceof net.sf.jsqlparser.schema.Table t && t.getSchemaName() == null
                && t.getName().equalsIgnoreCase("dual") && (ps.getJoins() == null || ps.getJoins().isEmpty());
    }

    private static Long limit(Limit limit) {
        if (limit == null || limit.getRowCount() == null) {
            return null;
        }
        return limit.getRowCount() instanceof LongValue l ? l.getValue() : null;
    }

    private static Optional<Object> evaluate(Expression e, StatementContext ctx) {
        SessionState s = ctx.session;
        if (e instanceof UserVariable v) {
            String name = v.getName();
            if (v.isDoubleAdd()) {
                return Optional.of(nullable(systemVariable(name, s)));
            }
            return Optional.of(nullable(s.userVariable(unquote(name))));
        }
        if (e instanceof Function f && (f.getParameters() == null || f.getParameters().isEmpty())) {
            return switch (f.getName().toUpperCase(Locale.ROOT)) {
                case "DATABASE", "SCHEMA" -> Optional.of(nullable(s.schema()));
                case "USER", "SESSION_USER", "SYSTEM_USER" -> Optional.of(s.user() + "@" + s.clientHost());
                // The account that authenticated, not the client's address: ShardGate's users match
                // every host, like MariaDB accounts 'name'@'%'.
                case "CURRENT_USER" -> Optional.of(s.user() + "@%");
                case "CONNECTION_ID" -> Optional.of(s.connectionId());
                case "LAST_INSERT_ID" -> Optional.of(s.lastInsertId());
                case "ROW_COUNT" -> Optional.of(s.rowCount());
                case "FOUND_ROWS" -> Optional.of(s.foundRows());
                case "VERSION" -> Optional.of(nullable(s.systemVariable("version", VariableScope.DEFAULT)));
                default -> Optional.empty();
            };
        }
        if (isDoubleLiteral(e)) {
            return Optional.empty(); // a DOUBLE (2.25E300, a user variable put in): a backend prints and describes it
        }
        return ctx.constants.valueOf(e).filter(v -> !(v instanceof byte[]));
    }

    /** A number with an exponent, which MariaDB reads as DOUBLE (the constants keep it as a DECIMAL). */
    private static boolean isDoubleLiteral(Expression e) {
        Expression unsigned = e instanceof net.sf.jsqlparser.expression.SignedExpression s ? s.getExpression() : e;
        return unsigned instanceof net.sf.jsqlparser.expression.DoubleValue d
                && (d.toString().indexOf('e') >= 0 || d.toString().indexOf('E') >= 0);
    }

    /** {@code @@session.x}, {@code @@global.x}, {@code @@x}: the parser keeps the prefix in the name. */
    static Object systemVariable(String name, SessionState s) {
        String n = unquote(name);
        VariableScope scope = VariableScope.DEFAULT;
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.startsWith("session.") || lower.startsWith("local.")) {
            scope = VariableScope.SESSION;
            n = n.substring(n.indexOf('.') + 1);
        } else if (lower.startsWith("global.")) {
            scope = VariableScope.GLOBAL;
            n = n.substring(n.indexOf('.') + 1);
        }
        return s.systemVariable(n, scope);
    }

    private static Object nullable(Object v) {
        return v == null ? Constants.NULL : v;
    }

    private static String columnName(Expression e, StatementContext ctx) {
        Optional<Object> constant = ctx.constants.valueOf(e);
        if (constant.isPresent() && constant.get() instanceof String s) {
            return s;
        }
        return SqlRenderer.splice(e.toString(), ctx.parsed.literals(), ctx.session.backslashEscapes());
    }

    private static Column column(String name, Object v) {
        return switch (v) {
            case Long l -> Column.computedInteger(name);
            case BigInteger b -> Column.computedInteger(name);
            case Double d -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 21, ColumnType.DOUBLE,
                    Column.BINARY | Column.NUM, 6);
            case BigDecimal d -> new Column("", "", "", name, "", Column.BINARY_COLLATION, d.precision() + 2,
                    ColumnType.NEWDECIMAL, Column.BINARY | Column.NUM, Math.max(0, d.scale()));
            default -> v == Constants.NULL
                    ? new Column("", "", "", name, "", Column.BINARY_COLLATION, 0, ColumnType.NULL, Column.BINARY, 0)
                    : Column.computedString(name, text(v).getBytes(StandardCharsets.UTF_8).length);
        };
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }

    private static String unquote(String name) {
        return io.shardgate.router.parse.MysqlStrings.unquoteIdentifier(name);
    }
}

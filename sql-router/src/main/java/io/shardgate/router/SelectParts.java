package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * The parts of a SELECT the merge planners read, with MariaDB's name resolution applied: ORDER BY
 * and GROUP BY positions ({@code ORDER BY 2}) and select-list aliases stand for the select item's
 * expression. Expressions are identified by their deparsed text.
 */
final class SelectParts {

    /** An ORDER BY key: the expression, its direction, and the select item it names, if any. */
    record Order(Expression expression, boolean descending, Integer selectIndex) {
    }

    final PlainSelect select;
    final List<SelectItem<?>> items;
    final boolean star;
    final long offset;
    final long count;

    SelectParts(PlainSelect select, Constants constants) {
        this.select = select;
        this.items = List.copyOf(select.getSelectItems());
        this.star = items.stream().anyMatch(i -> i.getExpression() instanceof AllColumns);
        long[] limit = limit(select, constants);
        this.offset = limit[0];
        this.count = limit[1];
    }

    boolean hasLimit() {
        return count >= 0;
    }

    /** [offset, count]; count -1 when there is no LIMIT. */
    private static long[] limit(PlainSelect ps, Constants constants) {
        Limit limit = ps.getLimit();
        long offset = 0;
        long count = -1;
        if (limit != null && limit.getRowCount() != null) {
            count = number(limit.getRowCount(), constants, "LIMIT");
            if (limit.getOffset() != null) {
                offset = number(limit.getOffset(), constants, "LIMIT offset");
            }
        }
        if (ps.getOffset() != null) {
            offset = number(ps.getOffset().getOffset(), constants, "OFFSET");
        }
        if (ps.getFetch() != null) {
            throw ShardGateException.notSupported("FETCH FIRST across shards");
        }
        return new long[] {offset, count};
    }

    private static long number(Expression e, Constants constants, String what) {
        Object v = constants.valueOf(e).orElseThrow(() -> ShardGateException.notSupported(what + " that is not a number"));
        if (v instanceof Long l && l >= 0) {
            return l;
        }
        throw ShardGateException.notSupported(what + " of " + v);
    }

    List<Order> orders() {
        List<Order> out = new ArrayList<>();
        if (select.getOrderByElements() == null) {
            return out;
        }
        for (OrderByElement o : select.getOrderByElements()) {
            if (o.getNullOrdering() != null) {
                throw ShardGateException.notSupported("NULLS FIRST/LAST");
            }
            Integer index = itemIndex(o.getExpression());
            Expression e = index != null ? items.get(index).getExpression() : o.getExpression();
            out.add(new Order(e, !o.isAsc(), index));
        }
        return out;
    }

    /** GROUP BY expressions, positions and aliases resolved. */
    List<Expression> groupBy() {
        List<Expression> out = new ArrayList<>();
        if (select.getGroupBy() == null) {
            return out;
        }
        if (select.getGroupBy().isMysqlWithRollup()) {
            throw ShardGateException.notSupported("GROUP BY ... WITH ROLLUP across shards");
        }
        for (Expression e : select.getGroupBy().getGroupByExpressionList()) {
            Integer index = itemIndex(e);
            out.add(index != null ? items.get(index).getExpression() : e);
        }
        return out;
    }

    /**
     * The select item an ORDER BY / GROUP BY expression names: a position, an alias, or the same
     * expression written again.
     */
    Integer itemIndex(Expression e) {
        if (e instanceof LongValue position) {
            if (star) {
                throw ShardGateException.notSupported("ORDER BY/GROUP BY position together with SELECT * across shards");
            }
            int i = (int) position.getValue() - 1;
            if (i < 0 || i >= items.size()) {
                throw new ShardGateException(1054, "42S22", "Unknown column '" + position.getValue() + "' in 'order clause'", null);
            }
            return i;
        }
        Optional<Integer> alias = aliasIndex(e);
        if (alias.isPresent()) {
            return alias.get();
        }
        String key = e.toString();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getExpression().toString().equalsIgnoreCase(key)) {
                return i;
            }
        }
        return null;
    }

    /** An unqualified name that is a select-list alias. */
    Optional<Integer> aliasIndex(Expression e) {
        if (!(e instanceof Column c) || c.getTable() != null && c.getTable().getName() != null) {
            return Optional.empty();
        }
        String name = MysqlStrings.unquoteIdentifier(c.getColumnName());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).getAlias() != null
                    && MysqlStrings.unquoteIdentifier(items.get(i).getAlias().getName()).equalsIgnoreCase(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Optional<Expression> aliasTarget(Expression e) {
        return aliasIndex(e).map(i -> items.get(i).getExpression());
    }
}

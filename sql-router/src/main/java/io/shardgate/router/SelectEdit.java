package io.shardgate.router;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.statement.select.Distinct;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Rewrites a SELECT's clauses into a shard query on the AST itself and puts the original back on
 * close, so FROM and WHERE (and their table nodes, which rendering points at each node's database)
 * are shared rather than copied.
 */
final class SelectEdit implements AutoCloseable {

    private final PlainSelect ps;
    private final List<SelectItem<?>> items;
    private final Distinct distinct;
    private final GroupByElement groupBy;
    private final Expression having;
    private final List<OrderByElement> orderBy;
    private final Limit limit;
    private final Offset offset;

    SelectEdit(PlainSelect ps) {
        this.ps = ps;
        this.items = new ArrayList<>(ps.getSelectItems());
        this.distinct = ps.getDistinct();
        this.groupBy = ps.getGroupBy();
        this.having = ps.getHaving();
        this.orderBy = ps.getOrderByElements();
        this.limit = ps.getLimit();
        this.offset = ps.getOffset();
    }

    SelectEdit items(List<SelectItem<?>> newItems) {
        ps.setSelectItems(new ArrayList<>(newItems));
        return this;
    }

    SelectEdit distinct(boolean on) {
        ps.setDistinct(on ? new Distinct() : null);
        return this;
    }

    SelectEdit groupBy(List<Expression> expressions) {
        if (expressions.isEmpty()) {
            ps.setGroupByElement(null);
        } else {
            GroupByElement g = new GroupByElement();
            g.setGroupByExpressions(new ExpressionList<>(expressions));
            ps.setGroupByElement(g);
        }
        return this;
    }

    SelectEdit having(Expression e) {
        ps.setHaving(e);
        return this;
    }

    SelectEdit orderBy(List<Expression> expressions, List<Boolean> descending) {
        if (expressions.isEmpty()) {
            ps.setOrderByElements(null);
            return this;
        }
        List<OrderByElement> out = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            OrderByElement o = new OrderByElement();
            o.setExpression(expressions.get(i));
            o.setAsc(!descending.get(i));
            o.setAscDescPresent(descending.get(i));
            out.add(o);
        }
        ps.setOrderByElements(out);
        return this;
    }

    /** {@code LIMIT rows} without an offset, or no LIMIT when rows is negative. */
    SelectEdit limit(long rows) {
        ps.setOffset(null);
        if (rows < 0) {
            ps.setLimit(null);
        } else {
            Limit l = new Limit();
            l.setRowCount(new LongValue(rows));
            ps.setLimit(l);
        }
        return this;
    }

    static SelectItem<?> item(Expression e, String alias) {
        return new SelectItem<>(e, new Alias(alias, true));
    }

    @Override
    public void close() {
        ps.setSelectItems(items);
        ps.setDistinct(distinct);
        ps.setGroupByElement(groupBy);
        ps.setHaving(having);
        ps.setOrderByElements(orderBy);
        ps.setLimit(limit);
        ps.setOffset(offset);
    }
}

package io.shardgate.router;

import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.AnyType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * Uncorrelated subqueries over tables the outer query cannot reach where it runs are answered
 * first, on their own, and their rows put in their place as constants ({@code IN (1, 2, 3)}, a
 * scalar, EXISTS as 1 or 0). The outer statement is then planned as if written with those
 * constants: often it can then be routed by key.
 */
final class SubqueriesFirst implements Primitive {

    private final StatementContext ctx;
    private final List<Subqueries.Found> subqueries;
    private final List<Primitive> plans;
    private final Function<StatementContext, Primitive> outer;

    /**
     * @param plan  plans a subquery as a statement of its own
     * @param outer plans the outer statement once the subqueries are replaced
     */
    SubqueriesFirst(StatementContext ctx, List<Subqueries.Found> subqueries, Function<StatementContext, Primitive> plan,
                    Function<StatementContext, Primitive> outer) {
        this.ctx = ctx;
        this.subqueries = List.copyOf(subqueries);
        this.outer = outer;
        List<Primitive> p = new ArrayList<>();
        for (Subqueries.Found f : subqueries) {
            p.add(plan.apply(ctx.forStatement(f.select())));
        }
        this.plans = List.copyOf(p);
    }

    @Override
    public Result execute(ExecutionContext context) {
        long max = ctx.rules.limits().maxJoinRows();
        for (int i = 0; i < subqueries.size(); i++) {
            Subqueries.Found f = subqueries.get(i);
            List<Expression> values = new ArrayList<>();
            int width;
            try (RowStream rows = (RowStream) plans.get(i).execute(context)) {
                List<Column> columns = rows.columns();
                width = columns.size();
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    values.add(width == 1 ? ValueLiterals.of(r.cell(0), columns.get(0), ctx.session.backslashEscapes()) : row(r, columns, ctx.session.backslashEscapes()));
                    if (f.use() == Subqueries.Use.EXISTS) {
                        break;
                    }
                    if (values.size() > max) {
                        throw new ShardGateException(1104, "42000", "The subquery returns more than limits.maxJoinRows ("
                                + max + ") rows for ShardGate to evaluate it first", null);
                    }
                }
            }
            substitute(f, values);
        }
        return outer.apply(ctx.forStatement(ctx.ast)).execute(context);
    }

    private static void substitute(Subqueries.Found f, List<Expression> values) {
        switch (f.use()) {
            case EXISTS -> f.replace().accept(new LongValue(values.isEmpty() == f.notExists() ? 1 : 0));
            case SCALAR -> {
                if (values.size() > 1) {
                    throw new ShardGateException(1242, "21000", "Subquery returns more than 1 row", null);
                }
                f.replace().accept(values.isEmpty() ? new NullValue() : values.getFirst());
            }
            case QUANTIFIED -> f.replace().accept(quantified(f.comparison(), values));
            case IN_LIST -> {
                if (values.isEmpty()) {
                    // x IN (no rows) is false and x NOT IN (no rows) true, whatever x is.
                    f.in().setLeftExpression(new LongValue(1));
                    f.in().setRightExpression(new ParenthesedExpressionList<>(new LongValue(2)));
                } else {
                    f.in().setRightExpression(new ParenthesedExpressionList<>(values));
                }
            }
        }
    }

    /**
     * {@code x > ALL (rows)} as {@code (x > v1 AND x > v2 ...)}, true over no rows; {@code x = ANY
     * (rows)} as {@code (x = v1 OR ...)}, false over no rows: the same three-valued answers.
     */
    private static Expression quantified(ComparisonOperator c, List<Expression> values) {
        boolean all = ((AnyComparisonExpression) c.getRightExpression()).getAnyType() == AnyType.ALL;
        if (values.isEmpty()) {
            return new LongValue(all ? 1 : 0);
        }
        Expression out = null;
        for (Expression v : values) {
            Expression one = compare(c.getStringExpression(), c.getLeftExpression(), v);
            out = out == null ? one : all ? new AndExpression(out, one) : new OrExpression(out, one);
        }
        return new ParenthesedExpressionList<>(out);
    }

    private static Expression compare(String op, Expression left, Expression right) {
        return switch (op) {
            case "=" -> new EqualsTo(left, right);
            case "<>", "!=" -> new NotEqualsTo(left, right);
            case ">" -> new GreaterThan(left, right);
            case ">=" -> new GreaterThanEquals(left, right);
            case "<" -> new MinorThan(left, right);
            case "<=" -> new MinorThanEquals(left, right);
            default -> throw ShardGateException.notSupported("comparison " + op + " with ALL/ANY over several shards");
        };
    }

    private static Expression row(Row r, List<Column> columns, boolean escapes) {
        List<Expression> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            cells.add(ValueLiterals.of(r.cell(i), columns.get(i), escapes));
        }
        return new ParenthesedExpressionList<>(new ExpressionList<>(cells));
    }

    @Override
    public Description describe() {
        List<Description> children = new ArrayList<>();
        plans.forEach(p -> children.add(Description.of("first", p.describe())));
        children.add(Description.leaf("then the outer statement with their rows as constants"));
        return new Description("SubqueriesFirst " + subqueries.size(), children);
    }
}

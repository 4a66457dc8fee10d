package io.shardgate.router;

import java.util.Set;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Names the first construct of a SELECT that concatenating shard results would answer wrongly,
 * so it is refused (1235) instead of returning wrong rows.
 */
final class Refusals {

    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "GROUP_CONCAT",
            "BIT_AND", "BIT_OR", "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VAR_POP", "VAR_SAMP",
            "VARIANCE", "JSON_ARRAYAGG", "JSON_OBJECTAGG");

    private Refusals() {
    }

    /** Null when rows of the shards concatenated are exactly the answer. */
    static String crossShardProblem(Select select, String table) {
        if (!(select instanceof PlainSelect ps)) {
            return "cross-shard " + kindOf(select) + " over sharded table '" + table + "'";
        }
        if (ps.getWithItemsList() != null && !ps.getWithItemsList().isEmpty()) {
            return "cross-shard WITH (common table expression) over sharded table '" + table + "'";
        }
        if (ps.getJoins() != null && !ps.getJoins().isEmpty()) {
            return "cross-shard JOIN over sharded table '" + table + "'";
        }
        if (!(ps.getFromItem() instanceof net.sf.jsqlparser.schema.Table)) {
            return "cross-shard derived table over sharded table '" + table + "'";
        }
        if (ps.getGroupBy() != null) {
            return "cross-shard GROUP BY on sharded table '" + table + "'";
        }
        if (ps.getHaving() != null) {
            return "cross-shard HAVING on sharded table '" + table + "'";
        }
        if (ps.getDistinct() != null) {
            return "cross-shard DISTINCT on sharded table '" + table + "'";
        }
        if (ps.getOrderByElements() != null && !ps.getOrderByElements().isEmpty()) {
            return "cross-shard ORDER BY on sharded table '" + table + "'";
        }
        if (ps.getLimit() != null || ps.getOffset() != null || ps.getFetch() != null || ps.getLimitBy() != null) {
            return "cross-shard LIMIT on sharded table '" + table + "'";
        }
        if (ps.getMySqlSqlCalcFoundRows()) {
            return "cross-shard SQL_CALC_FOUND_ROWS on sharded table '" + table + "'";
        }
        for (SelectItem<?> item : ps.getSelectItems()) {
            String aggregate = aggregateIn(item.getExpression());
            if (aggregate != null) {
                return "cross-shard aggregate " + aggregate + " on sharded table '" + table + "'";
            }
        }
        return null;
    }

    static String kindOf(Select select) {
        return switch (select.getClass().getSimpleName()) {
            case "SetOperationList" -> "UNION/INTERSECT/EXCEPT";
            case "ParenthesedSelect" -> "parenthesized SELECT";
            case "Values" -> "VALUES";
            default -> select.getClass().getSimpleName();
        };
    }

    /** The first window function in an expression, or null. */
    static String windowIn(Expression e) {
        if (e == null) {
            return null;
        }
        String[] found = new String[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(AnalyticExpression expression, S context) {
                if (found[0] == null) {
                    found[0] = "window function " + expression.getName().toUpperCase(java.util.Locale.ROOT) + "() OVER";
                }
                return super.visit(expression, context);
            }
        }, null);
        return found[0];
    }

    static boolean isAggregateName(String name) {
        return AGGREGATES.contains(name.toUpperCase(java.util.Locale.ROOT));
    }

    /** The first aggregate or window function in an expression, as "COUNT(...)" or null. */
    static String aggregateIn(Expression e) {
        if (e == null) {
            return null;
        }
        String[] found = new String[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Function function, S context) {
                if (found[0] == null && AGGREGATES.contains(function.getName().toUpperCase(java.util.Locale.ROOT))) {
                    found[0] = function.getName().toUpperCase(java.util.Locale.ROOT) + "()";
                }
                return super.visit(function, context);
            }

            @Override
            public <S> Void visit(AnalyticExpression expression, S context) {
                if (found[0] == null) {
                    found[0] = "window function " + expression.getName().toUpperCase(java.util.Locale.ROOT) + "() OVER";
                }
                return super.visit(expression, context);
            }
        }, null);
        return found[0];
    }
}

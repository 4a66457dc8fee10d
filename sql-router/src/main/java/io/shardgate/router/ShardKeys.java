package io.shardgate.router;

import io.shardgate.config.ShardFunction;
import io.shardgate.router.parse.MysqlStrings;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Which shards a WHERE clause can match, from conditions on the shard column: {@code =},
 * {@code IN (...)}, {@code IS NULL}, and for functions that keep order (range, date-range)
 * {@code BETWEEN}, {@code <}, {@code <=}, {@code >}, {@code >=}; combined by AND (intersection)
 * and OR (union). Anything else leaves every shard possible. Rows with a NULL key live on shard 0;
 * a value no shard can hold matches nothing.
 */
final class ShardKeys {

    private final TableRule rule;
    private final Predicate<Column> isShardColumn;
    private final Constants constants;
    private final ShardKeyColumn columnKind;

    /**
     * @param isShardColumn whether a column reference denotes the rule's shard column in this
     *                      statement (checks qualifiers against the table's name or alias)
     * @param columnKind    the shard column's kind, or null if unknown
     */
    ShardKeys(TableRule rule, Predicate<Column> isShardColumn, Constants constants, ShardKeyColumn columnKind) {
        this.rule = rule;
        this.isShardColumn = isShardColumn;
        this.constants = constants;
        this.columnKind = columnKind;
    }

    ShardSet shardsOf(Expression where) {
        if (where == null) {
            return ShardSet.ALL;
        }
        return switch (where) {
            case AndExpression and -> shardsOf(and.getLeftExpression()).intersect(shardsOf(and.getRightExpression()));
            case OrExpression or -> shardsOf(or.getLeftExpression()).union(shardsOf(or.getRightExpression()));
            case ParenthesedExpressionList<?> p when p.size() == 1 -> shardsOf(p.getFirst());
            case EqualsTo eq -> equality(eq);
            case InExpression in -> in(in);
            case IsNullExpression isNull -> isNull(isNull);
            case Between b -> between(b);
            case GreaterThan g -> comparison(g.getLeftExpression(), g.getRightExpression(), '>', false);
            case GreaterThanEquals g -> comparison(g.getLeftExpression(), g.getRightExpression(), '>', true);
            case MinorThan m -> comparison(m.getLeftExpression(), m.getRightExpression(), '<', false);
            case MinorThanEquals m -> comparison(m.getLeftExpression(), m.getRightExpression(), '<', true);
            default -> ShardSet.ALL;
        };
    }

    private ShardSet equality(EqualsTo eq) {
        if (isKey(eq.getLeftExpression())) {
            return valueShards(eq.getRightExpression());
        }
        if (isKey(eq.getRightExpression())) {
            return valueShards(eq.getLeftExpression());
        }
        return ShardSet.ALL;
    }

    private ShardSet in(InExpression in) {
        if (in.isNot() || !isKey(in.getLeftExpression())
                || !(in.getRightExpression() instanceof ExpressionList<?> list)) {
            return ShardSet.ALL;
        }
        ShardSet result = ShardSet.none();
        for (Expression item : list) {
            result = result.union(valueShards(item));
            if (result.isAll()) {
                return result;
            }
        }
        return result;
    }

    private ShardSet isNull(IsNullExpression isNull) {
        if (isNull.isNot() || !isKey(isNull.getLeftExpression())) {
            return ShardSet.ALL;
        }
        return ShardSet.of(0);
    }

    private ShardSet between(Between b) {
        if (b.isNot() || !isKey(b.getLeftExpression())) {
            return ShardSet.ALL;
        }
        return range(key(b.getBetweenExpressionStart()), true, key(b.getBetweenExpressionEnd()), true);
    }

    /** {@code key op value}, or {@code value op key} read the other way round. */
    private ShardSet comparison(Expression left, Expression right, char op, boolean inclusive) {
        char direction;
        Expression value;
        if (isKey(left)) {
            direction = op;
            value = right;
        } else if (isKey(right)) {
            direction = op == '>' ? '<' : '>';
            value = left;
        } else {
            return ShardSet.ALL;
        }
        Optional<Object> bound = key(value);
        return direction == '>' ? range(bound, inclusive, Optional.of(UNBOUNDED), false)
                : range(Optional.of(UNBOUNDED), false, bound, inclusive);
    }

    private static final Object UNBOUNDED = new Object();

    private ShardSet range(Optional<Object> low, boolean lowInclusive, Optional<Object> high, boolean highInclusive) {
        if (low.isEmpty() || high.isEmpty()) {
            return ShardSet.ALL;
        }
        if (low.get() == Constants.NULL || high.get() == Constants.NULL) {
            return ShardSet.none();
        }
        try {
            Optional<BitSet> shards = rule.function().shardsBetween(low.get() == UNBOUNDED ? null : low.get(), lowInclusive,
                    high.get() == UNBOUNDED ? null : high.get(), highInclusive);
            return shards.map(ShardSet::of).orElse(ShardSet.ALL);
        } catch (IllegalArgumentException e) {
            return ShardSet.ALL;
        }
    }

    /** A bound's key value; empty when it is not a constant of the column's type. */
    private Optional<Object> key(Expression e) {
        Optional<Object> constant = constants.valueOf(e);
        if (constant.isEmpty()) {
            return Optional.empty();
        }
        if (constant.get() == Constants.NULL) {
            return constant;
        }
        try {
            return ShardKeyValue.coerce(constant.get(), columnKind, false);
        } catch (ShardGateException unplaceable) {
            return Optional.empty();
        }
    }

    /** The shard of one compared value; {@code = NULL} and values no shard holds match nothing. */
    private ShardSet valueShards(Expression valueExpression) {
        Optional<Object> k = key(valueExpression);
        if (k.isEmpty()) {
            return ShardSet.ALL;
        }
        if (k.get() == Constants.NULL) {
            return ShardSet.none();
        }
        try {
            return ShardSet.of(rule.function().shardOf(k.get()));
        } catch (ShardFunction.NoShardException e) {
            return ShardSet.none();
        } catch (IllegalArgumentException e) {
            return ShardSet.ALL;
        }
    }

    private boolean isKey(Expression e) {
        return e instanceof Column c && isShardColumn.test(c);
    }

    /** Matches a column reference by name against the shard column, case-insensitively. */
    static boolean namesShardColumn(Column c, TableRule rule) {
        return MysqlStrings.unquoteIdentifier(c.getColumnName()).equalsIgnoreCase(rule.shardColumn());
    }

    /** The constant a top-level {@code key = constant} filter pins the shard column to. */
    static Optional<Object> pinnedValue(List<Expression> filters, TableRule rule, Predicate<Column> isKey,
                                        Constants constants) {
        for (Expression f : filters) {
            if (f instanceof EqualsTo eq) {
                if (eq.getLeftExpression() instanceof Column c && isKey.test(c)) {
                    Optional<Object> v = constants.valueOf(eq.getRightExpression());
                    if (v.isPresent()) {
                        return v;
                    }
                }
                if (eq.getRightExpression() instanceof Column c && isKey.test(c)) {
                    Optional<Object> v = constants.valueOf(eq.getLeftExpression());
                    if (v.isPresent()) {
                        return v;
                    }
                }
            }
        }
        return Optional.empty();
    }
}

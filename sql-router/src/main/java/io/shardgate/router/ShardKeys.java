package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import java.util.Optional;
import java.util.function.Predicate;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * Which shards a WHERE clause can match, from conditions on the shard column: {@code =},
 * {@code IN (...)}, {@code IS NULL}, combined by AND (intersection) and OR (union). Anything else
 * leaves every shard possible. Rows with a NULL key live on shard 0.
 */
final class ShardKeys {

    private final TableRule rule;
    private final Predicate<Column> isShardColumn;
    private final Constants constants;
    private final ValueKind columnKind;

    /**
     * @param isShardColumn whether a column reference denotes the rule's shard column in this
     *                      statement (checks qualifiers against the table's name or alias)
     * @param columnKind    the shard column's kind, or null if unknown
     */
    ShardKeys(TableRule rule, Predicate<Column> isShardColumn, Constants constants, ValueKind columnKind) {
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

    /** The shard of one compared value; {@code = NULL} matches no row at all. */
    private ShardSet valueShards(Expression valueExpression) {
        Optional<Object> constant = constants.valueOf(valueExpression);
        if (constant.isEmpty()) {
            return ShardSet.ALL;
        }
        if (constant.get() == Constants.NULL) {
            return ShardSet.none();
        }
        Optional<Object> key = ShardKeyValue.coerce(constant.get(), columnKind, false);
        return key.map(k -> ShardSet.of(rule.function().shardOf(k))).orElse(ShardSet.ALL);
    }

    private boolean isKey(Expression e) {
        return e instanceof Column c && isShardColumn.test(c);
    }

    /** Matches a column reference by name against the shard column, case-insensitively. */
    static boolean namesShardColumn(Column c, TableRule rule) {
        return MysqlStrings.unquoteIdentifier(c.getColumnName()).equalsIgnoreCase(rule.shardColumn());
    }
}

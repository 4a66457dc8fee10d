package io.shardgate.router;

import io.shardgate.router.parse.Literal;
import io.shardgate.router.parse.MysqlStrings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;

/**
 * Constant values of SQL expressions: literals, lifted string literals ({@code :sgN}), signed
 * numbers and NULL. Values are Long, BigInteger, BigDecimal, String, byte[] or {@link #NULL}.
 */
final class Constants {

    /** SQL NULL (Optional cannot hold null). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private final List<Literal> literals;
    private final boolean backslashEscapes;

    Constants(List<Literal> literals, boolean backslashEscapes) {
        this.literals = literals;
        this.backslashEscapes = backslashEscapes;
    }

    /** The expression's value, or empty when it is not a constant. */
    Optional<Object> valueOf(Expression e) {
        return switch (e) {
            case LongValue l -> Optional.of(integer(new BigInteger(l.getStringValue())));
            case DoubleValue d -> Optional.of(new BigDecimal(d.toString()));
            case NullValue n -> Optional.of(NULL);
            case JdbcNamedParameter p -> literal(p);
            case StringValue s -> Optional.of(MysqlStrings.decode(s.toString(), backslashEscapes));
            case HexValue h -> Optional.of(MysqlStrings.decode(h.toString(), backslashEscapes));
            case SignedExpression s when s.getSign() == '-' -> valueOf(s.getExpression()).flatMap(Constants::negate);
            case SignedExpression s when s.getSign() == '+' -> valueOf(s.getExpression());
            case ParenthesedExpressionList<?> p when p.size() == 1 -> valueOf(p.getFirst());
            default -> Optional.empty();
        };
    }

    private Optional<Object> literal(JdbcNamedParameter p) {
        String name = p.getName();
        if (name != null && name.startsWith("sg")) {
            try {
                int index = Integer.parseInt(name.substring(2));
                if (index >= 0 && index < literals.size()) {
                    return Optional.of(literals.get(index).value());
                }
            } catch (NumberFormatException ignored) {
                // not one of ours: a named parameter is not a constant
            }
        }
        return Optional.empty();
    }

    private static Optional<Object> negate(Object v) {
        return switch (v) {
            case Long l when l != Long.MIN_VALUE -> Optional.of(-l);
            case Long l -> Optional.of(BigInteger.valueOf(l).negate());
            case BigInteger b -> Optional.of(integer(b.negate()));
            case BigDecimal d -> Optional.of(d.negate());
            default -> Optional.empty();
        };
    }

    static Object integer(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }
}

package io.shardgate.router.value;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.collation.Collation;
import io.shardgate.router.collation.Collations;
import io.shardgate.router.value.SqlValue.BigInt;
import io.shardgate.router.value.SqlValue.Dbl;
import io.shardgate.router.value.SqlValue.Dec;
import io.shardgate.router.value.SqlValue.Int;
import io.shardgate.router.value.SqlValue.Raw;
import io.shardgate.router.value.SqlValue.Str;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * MariaDB's arithmetic and comparison rules for the values the proxy computes with: integers stay
 * integers, anything exact with a decimal is an exact decimal with MariaDB's result scale, anything
 * with a DOUBLE or a string is a DOUBLE; division of exact values carries
 * {@code div_precision_increment} (4) more digits, computed internally to a multiple of 9 digits
 * and truncated there, as MariaDB's decimal library does.
 */
public final class Ops {

    public static final int DIV_PRECISION = 4;
    private static final int DIGITS_PER_WORD = 9;
    private static final int MAX_SCALE = 38;

    private Ops() {
    }

    enum Kind { INT, DEC, DBL }

    static Kind kind(SqlValue v) {
        return switch (v) {
            case Int i -> Kind.INT;
            case BigInt b -> Kind.DEC;
            case Dec d -> Kind.DEC;
            case Dbl d -> Kind.DBL;
            case Str s -> Kind.DBL;
            case Raw r -> switch (r.type().category()) {
                case INTEGER, YEAR -> r.type().unsigned() ? Kind.DEC : Kind.INT;
                case DECIMAL, BIT -> Kind.DEC;
                default -> Kind.DBL;
            };
            case SqlValue.Null n -> Kind.INT;
        };
    }

    public static BigDecimal toDecimal(SqlValue v) {
        return switch (v) {
            case Int i -> BigDecimal.valueOf(i.value());
            case BigInt b -> new BigDecimal(b.value());
            case Dec d -> d.value();
            case Dbl d -> new BigDecimal(Double.toString(d.value()));
            case Str s -> new BigDecimal(Double.toString(stringToDouble(s.value())));
            case Raw r -> switch (r.type().category()) {
                case INTEGER, YEAR, DECIMAL -> Numbers.decimal(r.text());
                case BIT -> new BigDecimal(new BigInteger(1, r.text()));
                default -> new BigDecimal(Double.toString(toDouble(v)));
            };
            case SqlValue.Null n -> throw new IllegalArgumentException("NULL");
        };
    }

    public static double toDouble(SqlValue v) {
        return switch (v) {
            case Int i -> i.value();
            case BigInt b -> b.value().doubleValue();
            case Dec d -> d.value().doubleValue();
            case Dbl d -> d.value();
            case Str s -> stringToDouble(s.value());
            case Raw r -> switch (r.type().category()) {
                case BIT -> new BigInteger(1, r.text()).doubleValue();
                case INTEGER, YEAR, DECIMAL, DOUBLE -> Numbers.parseDouble(r.text());
                default -> stringToDouble(new String(r.text(), StandardCharsets.UTF_8));
            };
            case SqlValue.Null n -> throw new IllegalArgumentException("NULL");
        };
    }

    public static long toLong(SqlValue v) {
        return switch (v) {
            case Int i -> i.value();
            case Raw r when r.type().category() == ValueType.Category.INTEGER && !r.type().unsigned() -> Numbers.parseLong(r.text());
            default -> toDecimal(v).setScale(0, RoundingMode.HALF_UP).longValue();
        };
    }

    /** MariaDB reads the longest numeric prefix of a string, 0 when there is none. */
    static double stringToDouble(String s) {
        String t = s.strip();
        int end = 0;
        int n = t.length();
        if (end < n && (t.charAt(end) == '+' || t.charAt(end) == '-')) {
            end++;
        }
        while (end < n && Character.isDigit(t.charAt(end))) {
            end++;
        }
        if (end < n && t.charAt(end) == '.') {
            end++;
            while (end < n && Character.isDigit(t.charAt(end))) {
                end++;
            }
        }
        if (end < n && (t.charAt(end) == 'e' || t.charAt(end) == 'E')) {
            int save = end;
            end++;
            if (end < n && (t.charAt(end) == '+' || t.charAt(end) == '-')) {
                end++;
            }
            int digits = end;
            while (end < n && Character.isDigit(t.charAt(end))) {
                end++;
            }
            if (digits == end) {
                end = save;
            }
        }
        try {
            return end == 0 ? 0 : Double.parseDouble(t.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether arithmetic on the value stays exact (integers and decimals). */
    public static boolean isExact(SqlValue v) {
        return kind(v) != Kind.DBL;
    }

    public static int scale(SqlValue v) {
        return scaleOf(v);
    }

    static int scaleOf(SqlValue v) {
        return switch (v) {
            case Dec d -> d.scale();
            case Raw r when r.type().category() == ValueType.Category.DECIMAL -> r.type().decimals();
            default -> 0;
        };
    }

    public static SqlValue add(SqlValue a, SqlValue b) {
        return arithmetic(a, b, '+');
    }

    public static SqlValue subtract(SqlValue a, SqlValue b) {
        return arithmetic(a, b, '-');
    }

    public static SqlValue multiply(SqlValue a, SqlValue b) {
        return arithmetic(a, b, '*');
    }

    private static SqlValue arithmetic(SqlValue a, SqlValue b, char op) {
        if (a.isNull() || b.isNull()) {
            return SqlValue.NULL;
        }
        Kind k = wider(kind(a), kind(b));
        switch (k) {
            case INT -> {
                long x = toLong(a);
                long y = toLong(b);
                try {
                    return new Int(switch (op) {
                        case '+' -> Math.addExact(x, y);
                        case '-' -> Math.subtractExact(x, y);
                        default -> Math.multiplyExact(x, y);
                    });
                } catch (ArithmeticException overflow) {
                    throw new ShardGateException(1690, "22003", "BIGINT value is out of range in '" + x + " " + op + " " + y + "'", null);
                }
            }
            case DEC -> {
                BigDecimal x = toDecimal(a);
                BigDecimal y = toDecimal(b);
                BigDecimal r = switch (op) {
                    case '+' -> x.add(y);
                    case '-' -> x.subtract(y);
                    default -> x.multiply(y);
                };
                int scale = Math.min(MAX_SCALE, op == '*' ? scaleOf(a) + scaleOf(b) : Math.max(scaleOf(a), scaleOf(b)));
                return new Dec(r.scale() > MAX_SCALE ? r.setScale(MAX_SCALE, RoundingMode.HALF_UP) : r, scale);
            }
            default -> {
                double x = toDouble(a);
                double y = toDouble(b);
                return new Dbl(switch (op) {
                    case '+' -> x + y;
                    case '-' -> x - y;
                    default -> x * y;
                });
            }
        }
    }

    /** {@code a / b}: NULL on division by zero, as MariaDB (which also warns). */
    public static SqlValue divide(SqlValue a, SqlValue b) {
        return divide(a, b, DIV_PRECISION);
    }

    /** {@code a / b} with the session's {@code div_precision_increment} digits added. */
    public static SqlValue divide(SqlValue a, SqlValue b, int precision) {
        if (a.isNull() || b.isNull()) {
            return SqlValue.NULL;
        }
        Kind k = wider(wider(kind(a), kind(b)), Kind.DEC);
        if (k == Kind.DBL) {
            double y = toDouble(b);
            return y == 0 ? SqlValue.NULL : new Dbl(toDouble(a) / y);
        }
        BigDecimal y = toDecimal(b);
        if (y.signum() == 0) {
            return SqlValue.NULL;
        }
        int internal = DIGITS_PER_WORD * (words(scaleOf(a)) + words(scaleOf(b)) + words(precision));
        BigDecimal q = toDecimal(a).divide(y, internal, RoundingMode.DOWN);
        return new Dec(q, Math.min(MAX_SCALE, scaleOf(a) + precision));
    }

    private static int words(int digits) {
        return (digits + DIGITS_PER_WORD - 1) / DIGITS_PER_WORD;
    }

    /** {@code a DIV b}: integer division, NULL on division by zero. */
    public static SqlValue intDivide(SqlValue a, SqlValue b) {
        if (a.isNull() || b.isNull()) {
            return SqlValue.NULL;
        }
        BigDecimal y = toDecimal(b);
        if (y.signum() == 0) {
            return SqlValue.NULL;
        }
        BigInteger q = toDecimal(a).divide(y, 0, RoundingMode.DOWN).toBigInteger();
        return q.bitLength() < 64 ? new Int(q.longValue()) : new BigInt(q);
    }

    /** {@code a % b} / {@code MOD(a, b)}: the sign of the dividend, NULL on zero. */
    public static SqlValue modulo(SqlValue a, SqlValue b) {
        if (a.isNull() || b.isNull()) {
            return SqlValue.NULL;
        }
        Kind k = wider(kind(a), kind(b));
        if (k == Kind.DBL) {
            double y = toDouble(b);
            return y == 0 ? SqlValue.NULL : new Dbl(toDouble(a) % y);
        }
        BigDecimal y = toDecimal(b);
        if (y.signum() == 0) {
            return SqlValue.NULL;
        }
        BigDecimal r = toDecimal(a).remainder(y);
        return k == Kind.INT ? new Int(r.longValue()) : new Dec(r, Math.max(scaleOf(a), scaleOf(b)));
    }

    public static SqlValue negate(SqlValue a) {
        return switch (a) {
            case SqlValue.Null n -> a;
            case Int i when i.value() != Long.MIN_VALUE -> new Int(-i.value());
            default -> kind(a) == Kind.DBL ? new Dbl(-toDouble(a)) : new Dec(toDecimal(a).negate(), scaleOf(a));
        };
    }

    private static Kind wider(Kind a, Kind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /**
     * Compares as MariaDB's comparison operators do: two strings by collation, otherwise
     * numerically (exactly when both are exact). Null when either side is NULL.
     */
    public static Integer compare(SqlValue a, SqlValue b) {
        if (a.isNull() || b.isNull()) {
            return null;
        }
        if (isText(a) && isText(b)) {
            int collationId = collationOf(a, b);
            Collation c = Collations.byId(collationId).orElseThrow(
                    () -> ShardGateException.notSupported("comparison in collation #" + collationId));
            return c.compare(bytes(a), bytes(b));
        }
        Kind k = wider(kind(a), kind(b));
        if (k == Kind.DBL) {
            return Double.compare(toDouble(a) + 0.0, toDouble(b) + 0.0);
        }
        return toDecimal(a).compareTo(toDecimal(b));
    }

    private static boolean isText(SqlValue v) {
        return v instanceof Str || (v instanceof Raw r && switch (r.type().category()) {
            case STRING, BINARY, TEMPORAL, TIME, ENUM_OR_SET -> true;
            default -> false;
        });
    }

    private static int collationOf(SqlValue a, SqlValue b) {
        int ca = collationOf(a);
        int cb = collationOf(b);
        return ca == 63 || cb == 63 ? 63 : ca;
    }

    private static int collationOf(SqlValue v) {
        return switch (v) {
            case Str s -> s.collationId();
            case Raw r -> r.type().category() == ValueType.Category.STRING ? r.type().collationId() : 63;
            default -> 63;
        };
    }

    static byte[] bytes(SqlValue v) {
        return switch (v) {
            case Str s -> s.value().getBytes(StandardCharsets.UTF_8);
            case Raw r -> r.text();
            default -> Formatter.plainText(v).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** SQL truth: NULL stays unknown (null), numbers are true when non-zero. */
    public static Boolean truth(SqlValue v) {
        if (v.isNull()) {
            return null;
        }
        return switch (kind(v)) {
            case INT -> toLong(v) != 0;
            case DEC -> toDecimal(v).signum() != 0;
            case DBL -> toDouble(v) != 0;
        };
    }
}

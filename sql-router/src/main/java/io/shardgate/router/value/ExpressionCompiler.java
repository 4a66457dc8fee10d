package io.shardgate.router.value;

import io.shardgate.router.ShardGateException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.expression.NotExpression;

/**
 * Compiles the part of an expression the proxy itself must evaluate (operators over aggregate
 * results, HAVING) into an {@link Eval}. Sub-expressions the caller can supply as input slots
 * (aggregates, values computed by the shards) are resolved first; constants are taken from the
 * literal resolver. What the proxy cannot evaluate exactly is refused with 1235.
 */
public final class ExpressionCompiler {

    private final Function<Expression, Optional<Integer>> slots;
    private final Function<Expression, Optional<SqlValue>> constants;
    private final Function<Expression, Optional<Expression>> aliases;
    private final String what;
    private final int divPrecision;

    /**
     * @param slots     the input slot holding an expression's value, if the caller supplies it
     * @param constants the value of a literal expression, if it is one
     * @param aliases   what a reference to a select-list alias stands for
     */
    public ExpressionCompiler(Function<Expression, Optional<Integer>> slots,
                              Function<Expression, Optional<SqlValue>> constants,
                              Function<Expression, Optional<Expression>> aliases) {
        this(slots, constants, aliases, "over cross-shard aggregates");
    }

    /** @param what what the proxy evaluates over, for refusals ("over rows joined in the proxy") */
    public ExpressionCompiler(Function<Expression, Optional<Integer>> slots,
                              Function<Expression, Optional<SqlValue>> constants,
                              Function<Expression, Optional<Expression>> aliases, String what) {
        this(slots, constants, aliases, what, Ops.DIV_PRECISION);
    }

    private ExpressionCompiler(Function<Expression, Optional<Integer>> slots,
                               Function<Expression, Optional<SqlValue>> constants,
                               Function<Expression, Optional<Expression>> aliases, String what, int divPrecision) {
        this.slots = slots;
        this.constants = constants;
        this.aliases = aliases;
        this.what = what;
        this.divPrecision = divPrecision;
    }

    /** The same compiler for a session whose div_precision_increment is {@code digits}. */
    public ExpressionCompiler withDivPrecision(int digits) {
        return new ExpressionCompiler(slots, constants, aliases, what, digits);
    }

    public Eval compile(Expression e) {
        Optional<Expression> aliased = aliases.apply(e);
        if (aliased.isPresent()) {
            return compile(aliased.get());
        }
        Optional<Integer> slot = slots.apply(e);
        if (slot.isPresent()) {
            return Eval.slot(slot.get());
        }
        Optional<SqlValue> constant = constants.apply(e);
        if (constant.isPresent()) {
            return Eval.constant(constant.get());
        }
        return switch (e) {
            case ParenthesedExpressionList<?> p when p.size() == 1 -> compile(p.getFirst());
            case Addition a -> binary(a.getLeftExpression(), a.getRightExpression(), Ops::add);
            case Subtraction s -> binary(s.getLeftExpression(), s.getRightExpression(), Ops::subtract);
            case Multiplication m -> binary(m.getLeftExpression(), m.getRightExpression(), Ops::multiply);
            case Division d -> binary(d.getLeftExpression(), d.getRightExpression(), (a, b) -> Ops.divide(a, b, divPrecision));
            case IntegerDivision d -> binary(d.getLeftExpression(), d.getRightExpression(), Ops::intDivide);
            case Modulo m -> binary(m.getLeftExpression(), m.getRightExpression(), Ops::modulo);
            case SignedExpression s when s.getSign() == '-' -> unary(compile(s.getExpression()), Ops::negate);
            case SignedExpression s when s.getSign() == '+' -> compile(s.getExpression());
            case ComparisonOperator c -> comparison(c);
            case AndExpression and -> and(compile(and.getLeftExpression()), compile(and.getRightExpression()));
            case OrExpression or -> or(compile(or.getLeftExpression()), compile(or.getRightExpression()));
            case XorExpression xor -> xor(compile(xor.getLeftExpression()), compile(xor.getRightExpression()));
            case NotExpression not -> not(compile(not.getExpression()));
            case IsNullExpression isNull -> isNull(compile(isNull.getLeftExpression()), isNull.isNot());
            case Between b -> between(b);
            case InExpression in -> in(in);
            case CaseExpression c -> caseWhen(c);
            case net.sf.jsqlparser.expression.Function f -> function(f);
            default -> throw unsupported(e);
        };
    }

    private ShardGateException unsupported(Expression e) {
        return ShardGateException.notSupported("expression '" + e + "' " + what);
    }

    private interface Binary {
        SqlValue apply(SqlValue a, SqlValue b);
    }

    private Eval binary(Expression left, Expression right, Binary op) {
        Eval l = compile(left);
        Eval r = compile(right);
        return slots -> op.apply(l.eval(slots), r.eval(slots));
    }

    private static Eval unary(Eval inner, java.util.function.UnaryOperator<SqlValue> op) {
        return slots -> op.apply(inner.eval(slots));
    }

    static SqlValue bool(Boolean b) {
        return b == null ? SqlValue.NULL : new SqlValue.Int(b ? 1 : 0);
    }

    private Eval comparison(ComparisonOperator c) {
        Eval l = compile(c.getLeftExpression());
        Eval r = compile(c.getRightExpression());
        String op = c.getStringExpression();
        if (op.equals("<=>")) {
            return slots -> {
                SqlValue a = l.eval(slots);
                SqlValue b = r.eval(slots);
                if (a.isNull() || b.isNull()) {
                    return new SqlValue.Int(a.isNull() && b.isNull() ? 1 : 0);
                }
                return new SqlValue.Int(Ops.compare(a, b) == 0 ? 1 : 0);
            };
        }
        return slots -> {
            Integer cmp = Ops.compare(l.eval(slots), r.eval(slots));
            if (cmp == null) {
                return SqlValue.NULL;
            }
            boolean result = switch (op) {
                case "=" -> cmp == 0;
                case "<>", "!=" -> cmp != 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> throw ShardGateException.notSupported("comparison operator " + op + " " + what);
            };
            return new SqlValue.Int(result ? 1 : 0);
        };
    }

    private static Eval and(Eval l, Eval r) {
        return slots -> {
            Boolean a = Ops.truth(l.eval(slots));
            if (Boolean.FALSE.equals(a)) {
                return new SqlValue.Int(0);
            }
            Boolean b = Ops.truth(r.eval(slots));
            if (Boolean.FALSE.equals(b)) {
                return new SqlValue.Int(0);
            }
            return a == null || b == null ? SqlValue.NULL : new SqlValue.Int(1);
        };
    }

    private static Eval or(Eval l, Eval r) {
        return slots -> {
            Boolean a = Ops.truth(l.eval(slots));
            if (Boolean.TRUE.equals(a)) {
                return new SqlValue.Int(1);
            }
            Boolean b = Ops.truth(r.eval(slots));
            if (Boolean.TRUE.equals(b)) {
                return new SqlValue.Int(1);
            }
            return a == null || b == null ? SqlValue.NULL : new SqlValue.Int(0);
        };
    }

    private static Eval xor(Eval l, Eval r) {
        return slots -> {
            Boolean a = Ops.truth(l.eval(slots));
            Boolean b = Ops.truth(r.eval(slots));
            return a == null || b == null ? SqlValue.NULL : new SqlValue.Int(a ^ b ? 1 : 0);
        };
    }

    private static Eval not(Eval inner) {
        return slots -> {
            Boolean a = Ops.truth(inner.eval(slots));
            return a == null ? SqlValue.NULL : new SqlValue.Int(a ? 0 : 1);
        };
    }

    private static Eval isNull(Eval inner, boolean not) {
        return slots -> new SqlValue.Int(inner.eval(slots).isNull() != not ? 1 : 0);
    }

    private Eval between(Between b) {
        Eval v = compile(b.getLeftExpression());
        Eval lo = compile(b.getBetweenExpressionStart());
        Eval hi = compile(b.getBetweenExpressionEnd());
        boolean not = b.isNot();
        return slots -> {
            SqlValue x = v.eval(slots);
            Integer c1 = Ops.compare(x, lo.eval(slots));
            Integer c2 = Ops.compare(x, hi.eval(slots));
            Boolean ge = c1 == null ? null : c1 >= 0;
            Boolean le = c2 == null ? null : c2 <= 0;
            Boolean in = Boolean.FALSE.equals(ge) || Boolean.FALSE.equals(le) ? Boolean.FALSE
                    : ge == null || le == null ? null : Boolean.TRUE;
            return bool(in == null ? null : in != not);
        };
    }

    private Eval in(InExpression in) {
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
            throw unsupported(in);
        }
        Eval v = compile(in.getLeftExpression());
        List<Eval> items = new ArrayList<>();
        for (Expression item : list) {
            items.add(compile(item));
        }
        boolean not = in.isNot();
        return slots -> {
            SqlValue x = v.eval(slots);
            if (x.isNull()) {
                return SqlValue.NULL;
            }
            boolean sawNull = false;
            for (Eval item : items) {
                Integer c = Ops.compare(x, item.eval(slots));
                if (c == null) {
                    sawNull = true;
                } else if (c == 0) {
                    return new SqlValue.Int(not ? 0 : 1);
                }
            }
            return sawNull ? SqlValue.NULL : new SqlValue.Int(not ? 1 : 0);
        };
    }

    private Eval caseWhen(CaseExpression c) {
        Eval operand = c.getSwitchExpression() == null ? null : compile(c.getSwitchExpression());
        List<Eval[]> whens = new ArrayList<>();
        for (WhenClause w : c.getWhenClauses()) {
            whens.add(new Eval[] {compile(w.getWhenExpression()), compile(w.getThenExpression())});
        }
        Eval otherwise = c.getElseExpression() == null ? Eval.constant(SqlValue.NULL) : compile(c.getElseExpression());
        return slots -> {
            SqlValue subject = operand == null ? null : operand.eval(slots);
            for (Eval[] w : whens) {
                SqlValue when = w[0].eval(slots);
                boolean match = subject == null ? Boolean.TRUE.equals(Ops.truth(when))
                        : Integer.valueOf(0).equals(Ops.compare(subject, when));
                if (match) {
                    return w[1].eval(slots);
                }
            }
            return otherwise.eval(slots);
        };
    }

    private Eval function(net.sf.jsqlparser.expression.Function f) {
        String name = f.getName().toUpperCase(Locale.ROOT);
        List<Eval> args = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Expression a : f.getParameters()) {
                args.add(compile(a));
            }
        }
        return switch (name) {
            case "IFNULL" -> arity(f, args, 2, slots -> {
                SqlValue a = args.get(0).eval(slots);
                return a.isNull() ? args.get(1).eval(slots) : a;
            });
            case "COALESCE" -> slots -> {
                for (Eval a : args) {
                    SqlValue v = a.eval(slots);
                    if (!v.isNull()) {
                        return v;
                    }
                }
                return SqlValue.NULL;
            };
            case "IF" -> arity(f, args, 3, slots -> Boolean.TRUE.equals(Ops.truth(args.get(0).eval(slots)))
                    ? args.get(1).eval(slots) : args.get(2).eval(slots));
            case "NULLIF" -> arity(f, args, 2, slots -> {
                SqlValue a = args.get(0).eval(slots);
                return Integer.valueOf(0).equals(Ops.compare(a, args.get(1).eval(slots))) ? SqlValue.NULL : a;
            });
            case "ABS" -> arity(f, args, 1, slots -> {
                SqlValue a = args.get(0).eval(slots);
                if (a.isNull()) {
                    return a;
                }
                Integer sign = Ops.compare(a, new SqlValue.Int(0));
                return sign != null && sign < 0 ? Ops.negate(a) : a;
            });
            case "ROUND" -> round(f, args);
            case "CONCAT" -> slots -> {
                StringBuilder sb = new StringBuilder();
                for (Eval a : args) {
                    SqlValue v = a.eval(slots);
                    if (v.isNull()) {
                        return SqlValue.NULL;
                    }
                    sb.append(Formatter.plainText(v));
                }
                return new SqlValue.Str(sb.toString(), UTF8MB4_GENERAL_CI);
            };
            case "CONCAT_WS" -> slots -> {
                SqlValue separator = args.getFirst().eval(slots);
                if (separator.isNull()) {
                    return SqlValue.NULL;
                }
                StringBuilder sb = new StringBuilder();
                for (Eval a : args.subList(1, args.size())) {
                    SqlValue v = a.eval(slots);
                    if (!v.isNull()) {
                        sb.append(sb.isEmpty() ? "" : Formatter.plainText(separator)).append(Formatter.plainText(v));
                    }
                }
                return new SqlValue.Str(sb.toString(), UTF8MB4_GENERAL_CI);
            };
            case "LOWER", "LCASE" -> arity(f, args, 1, slots -> caseMapped(args.getFirst().eval(slots), false));
            case "UPPER", "UCASE" -> arity(f, args, 1, slots -> caseMapped(args.getFirst().eval(slots), true));
            default -> throw unsupported(f);
        };
    }

    private static final int UTF8MB4_GENERAL_CI = 45;

    private static SqlValue caseMapped(SqlValue v, boolean upper) {
        if (v.isNull()) {
            return v;
        }
        String text = Formatter.plainText(v);
        return new SqlValue.Str(upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT), UTF8MB4_GENERAL_CI);
    }

    private static Eval arity(net.sf.jsqlparser.expression.Function f, List<Eval> args, int n, Eval body) {
        if (args.size() != n) {
            throw new ShardGateException(1582, "42000", "Incorrect parameter count in the call to native function '"
                    + f.getName() + "'", null);
        }
        return body;
    }

    private Eval round(net.sf.jsqlparser.expression.Function f, List<Eval> args) {
        if (args.isEmpty() || args.size() > 2) {
            throw unsupported(f);
        }
        return slots -> {
            SqlValue v = args.get(0).eval(slots);
            SqlValue d = args.size() == 2 ? args.get(1).eval(slots) : new SqlValue.Int(0);
            if (v.isNull() || d.isNull()) {
                return SqlValue.NULL;
            }
            int digits = (int) Ops.toLong(d);
            if (Ops.kind(v) == Ops.Kind.DBL) {
                BigDecimal b = new BigDecimal(Double.toString(Ops.toDouble(v))).setScale(digits, RoundingMode.HALF_EVEN);
                return new SqlValue.Dbl(b.doubleValue());
            }
            BigDecimal rounded = Ops.toDecimal(v).setScale(digits, RoundingMode.HALF_UP);
            return Ops.kind(v) == Ops.Kind.INT && digits >= 0 ? new SqlValue.Int(rounded.longValue())
                    : new SqlValue.Dec(digits < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded);
        };
    }
}

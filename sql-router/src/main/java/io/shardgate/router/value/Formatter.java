package io.shardgate.router.value;

import io.shardgate.router.result.Column;
import io.shardgate.router.value.SqlValue.BigInt;
import io.shardgate.router.value.SqlValue.Dbl;
import io.shardgate.router.value.SqlValue.Dec;
import io.shardgate.router.value.SqlValue.Int;
import io.shardgate.router.value.SqlValue.Raw;
import io.shardgate.router.value.SqlValue.Str;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * A computed value as the text a MariaDB result column of the given type would hold: the column's
 * decimals for DECIMAL (rounded half up), MariaDB's DOUBLE/FLOAT notation, plain integers.
 */
public final class Formatter {

    private Formatter() {
    }

    public static byte[] cell(SqlValue v, Column target) {
        if (v.isNull()) {
            return null;
        }
        if (v instanceof Raw r && sameCategory(r.type(), target)) {
            return r.text();
        }
        return text(v, target).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Backend text of the target's category is already in the target's form. DECIMALs are always
     * rewritten: intermediate results (an AVG) carry more digits than the column shows.
     */
    private static boolean sameCategory(ValueType t, Column target) {
        ValueType tt = ValueType.of(target);
        return t.category() == tt.category() && t.category() != ValueType.Category.DECIMAL;
    }

    static String text(SqlValue v, Column target) {
        return switch (target.type()) {
            case DECIMAL, NEWDECIMAL -> Ops.toDecimal(v).setScale(Math.min(target.decimals(), 38), RoundingMode.HALF_UP).toPlainString();
            case DOUBLE -> DoubleText.ofDouble(Ops.toDouble(v));
            case FLOAT -> DoubleText.ofFloat(Ops.toDouble(v));
            case TINY, SHORT, LONG, INT24, LONGLONG, YEAR -> integerText(v);
            default -> plainText(v);
        };
    }

    private static String integerText(SqlValue v) {
        return switch (v) {
            case Int i -> Long.toString(i.value());
            case BigInt b -> b.value().toString();
            default -> Ops.toDecimal(v).setScale(0, RoundingMode.HALF_UP).toPlainString();
        };
    }

    /** Text of a value without a target type (CONCAT arguments, string comparisons). */
    public static String plainText(SqlValue v) {
        return switch (v) {
            case SqlValue.Null n -> "";
            case Int i -> Long.toString(i.value());
            case BigInt b -> b.value().toString();
            case Dec d -> d.shown().toPlainString();
            case Dbl d -> DoubleText.ofDouble(d.value());
            case Str s -> s.value();
            case Raw r -> new String(r.text(), StandardCharsets.UTF_8);
        };
    }

    static BigDecimal decimal(SqlValue v) {
        return Ops.toDecimal(v);
    }
}

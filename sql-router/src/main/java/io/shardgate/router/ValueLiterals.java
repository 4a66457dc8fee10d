package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.result.Column;
import io.shardgate.router.value.Formatter;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;

/**
 * Values the proxy holds written back as SQL literals a data node reads as the same value: numbers
 * as numbers, binary data in hex, everything else (text, dates, times) as a quoted string.
 */
final class ValueLiterals {

    private ValueLiterals() {
    }

    /**
     * A backend cell of the given column as a literal.
     *
     * @param backslashEscapes whether the statement goes to sessions that read backslash escapes
     *                         (not under {@code NO_BACKSLASH_ESCAPES})
     */
    static Expression of(byte[] cell, Column column, boolean backslashEscapes) {
        return cell == null ? new NullValue() : of(new SqlValue.Raw(cell, ValueType.of(column)), backslashEscapes);
    }

    static Expression of(SqlValue v, boolean backslashEscapes) {
        return switch (v) {
            case SqlValue.Null n -> new NullValue();
            case SqlValue.Int i -> new LongValue(i.value());
            case SqlValue.BigInt b -> number(b.value().toString());
            case SqlValue.Dec d -> number(d.shown().toPlainString());
            case SqlValue.Dbl d -> number(Formatter.plainText(d));
            case SqlValue.Str s -> new StringValue(MysqlStrings.quote(s.value(), backslashEscapes));
            case SqlValue.Raw r -> switch (r.type().category()) {
                case INTEGER, DECIMAL, DOUBLE, YEAR -> number(new String(r.text(), StandardCharsets.US_ASCII));
                case BINARY, BIT -> new HexValue("x'" + HexFormat.of().formatHex(r.text()) + "'");
                case NULL_TYPE -> new NullValue();
                default -> new StringValue(MysqlStrings.quote(new String(r.text(), StandardCharsets.UTF_8), backslashEscapes));
            };
        };
    }

    private static Expression number(String text) {
        LongValue number = new LongValue(0);
        number.setStringValue(text);
        return number;
    }
}

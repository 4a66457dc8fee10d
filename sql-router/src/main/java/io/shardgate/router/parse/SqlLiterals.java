package io.shardgate.router.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Values written as SQL literals that MariaDB reads back as exactly those values: bound
 * parameters of prepared statements, user and system variables put into statements and
 * expressions, session variables set on backend connections. Strings are quoted for the mode the
 * reader is in: a backend connection runs under the client's {@code sql_mode}, and text the proxy
 * parses again is read in it too, so under {@code NO_BACKSLASH_ESCAPES} no backslash escapes are
 * written. Bytes, and text holding bytes a client sent that were no characters ({@link RawBytes}),
 * become hexadecimal literals.
 */
public final class SqlLiterals {

    /** What MariaDB reads as a number: digits, an optional point and fraction, an optional exponent. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private SqlLiterals() {
    }

    /**
     * @param value null, an integer ({@code Long}, {@code Integer}, {@code BigInteger}), {@code
     *              BigDecimal}, {@code Double} or {@code Float}, {@code String} (in hexadecimal if it
     *              holds raw bytes), or {@code byte[]} (binary data, written in hexadecimal)
     * @param backslashEscapes whether the reader takes backslash escapes (false under
     *                         {@code NO_BACKSLASH_ESCAPES})
     * @throws IllegalArgumentException for NaN or an infinity, which SQL cannot write
     */
    public static String of(Object value, boolean backslashEscapes) {
        return switch (value) {
            case null -> "NULL";
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case BigInteger b -> b.toString();
            case BigDecimal d -> d.toPlainString();
            case Double d -> ofDouble(d);
            case Float f -> ofDouble(f.doubleValue());
            case byte[] b -> hex(b);
            case Boolean b -> b ? "1" : "0";
            default -> {
                String s = value.toString();
                yield RawBytes.hasRawBytes(s) ? hex(RawBytes.utf8(s)) : MysqlStrings.quote(s, backslashEscapes);
            }
        };
    }

    /**
     * A DOUBLE literal: always with an exponent, since MariaDB reads {@code 0.1} as DECIMAL and
     * {@code 0.1E0} as DOUBLE. Java's shortest round-trip digits give back the same double.
     */
    public static String ofDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("SQL has no literal for " + d);
        }
        String s = Double.toString(d);
        return s.indexOf('E') >= 0 ? s : s + "E0";
    }

    /** {@code X'0AFF'}; the empty value is {@code X''}. */
    public static String hex(byte[] bytes) {
        return "X'" + HexFormat.of().withUpperCase().formatHex(bytes) + "'";
    }

    /**
     * Text a UTF-8 client sent as bytes: a quoted string if they are UTF-8, otherwise a hexadecimal
     * literal of exactly those bytes.
     */
    public static String text(byte[] utf8, boolean backslashEscapes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
            return MysqlStrings.quote(s, backslashEscapes);
        } catch (CharacterCodingException e) {
            return hex(utf8);
        }
    }

    /** A decimal number's text as a number literal, or, if it is not one, as a quoted string. */
    public static String number(String text, boolean backslashEscapes) {
        return NUMBER.matcher(text).matches() ? text : MysqlStrings.quote(text, backslashEscapes);
    }
}

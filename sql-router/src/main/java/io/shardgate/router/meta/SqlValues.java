package io.shardgate.router.meta;

import io.shardgate.router.parse.SqlLiterals;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Values the proxy holds, written as SQL that a backend reads back as the same values of the same
 * types, whatever the backend session's {@code sql_mode} and {@code character_set_connection} (the
 * client's, in force on the backend connections): text as a hexadecimal literal with a character
 * set introducer, so neither backslash escapes nor a conversion to the connection's character set
 * touch it; unsigned integers cast to UNSIGNED, dates and times cast to their type. A UNION with
 * the real table's columns then keeps those columns' types. (A name quoted with {@link
 * SqlLiterals} for the session's escape mode would read back right, but a name with characters
 * the client's connection character set lacks would not.)
 */
final class SqlValues {

    private SqlValues() {
    }

    /** A text constant: quoted as is when plain, else hexadecimal with its character set. */
    static String text(String value) {
        if (value == null) {
            return "NULL";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '\'' || c == '\\' || c > 0x7e) {
                return hexText(value.getBytes(StandardCharsets.UTF_8));
            }
        }
        return "'" + value + "'";
    }

    /** Text bytes (UTF-8) as {@code _utf8mb3 X'..'}, or {@code _utf8mb4} when they need four-byte characters. */
    private static String hexText(byte[] utf8) {
        boolean fourByte = false;
        for (byte b : utf8) {
            fourByte |= (b & 0xF8) == 0xF0;
        }
        return (fourByte ? "_utf8mb4 " : "_utf8mb3 ") + SqlLiterals.hex(utf8);
    }

    /** One cell of a result column as a constant of the column's type. */
    static String literal(Column column, byte[] cell) {
        if (cell == null) {
            return "NULL";
        }
        String text = new String(cell, StandardCharsets.ISO_8859_1);
        return switch (column.type()) {
            case TINY, SHORT, LONG, LONGLONG, INT24, YEAR -> (column.flags() & Column.UNSIGNED) != 0
                    ? "CAST(" + text + " AS UNSIGNED)" : text;
            case DECIMAL, NEWDECIMAL, FLOAT, DOUBLE -> text;
            case DATE, NEWDATE -> "CAST('" + text + "' AS DATE)";
            case DATETIME, DATETIME2, TIMESTAMP, TIMESTAMP2 -> "CAST('" + text + "' AS DATETIME" + fraction(column) + ")";
            case TIME, TIME2 -> "CAST('" + text + "' AS TIME" + fraction(column) + ")";
            case NULL -> "NULL";
            default -> column.collationId() == Column.BINARY_COLLATION
                    ? SqlLiterals.hex(cell) : hexText(cell);
        };
    }

    private static String fraction(Column column) {
        return column.decimals() > 0 && column.decimals() <= 6 ? "(" + column.decimals() + ")" : "";
    }

    /** {@code (v1, v2, ...)} for VALUES. */
    static String row(List<Column> columns, Row row) {
        StringBuilder sb = new StringBuilder().append('(');
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(literal(columns.get(i), row.cell(i)));
        }
        return sb.append(')').toString();
    }

    /** {@code VALUES (...), (...)}; rows must not be empty. */
    static String values(List<Column> columns, List<Row> rows) {
        StringBuilder sb = new StringBuilder("VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(row(columns, rows.get(i)));
        }
        return sb.toString();
    }
}

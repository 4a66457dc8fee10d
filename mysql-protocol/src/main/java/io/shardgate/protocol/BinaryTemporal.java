package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * DATE, DATETIME/TIMESTAMP and TIME in the binary protocol, converted from and to MariaDB's text
 * forms ({@code 2024-02-29}, {@code 2024-02-29 13:45:07.123456}, {@code -838:59:59.000001}).
 *
 * <p>A binary temporal value is a length byte and then only the parts that are not zero, as
 * MariaDB writes them: DATETIME 0 (all zero), 4 (date), 7 (+ time) or 11 bytes (+ microseconds);
 * TIME 0, 8 (sign, days, time) or 12 bytes (+ microseconds). TIME's hours above 23 travel as days.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/resultset-row#binary-resultset-row">MariaDB: binary resultset row</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_value_date">MySQL: binary DATE, DATETIME, TIME</a>
 */
final class BinaryTemporal {

    private BinaryTemporal() {
    }

    /** Reads one value of {@code kind} (DATE, DATETIME or TIME) into its text form. */
    static String read(ByteBuf in, BinaryEncoding kind) {
        int length = Wire.readInt1(in);
        Wire.need(in, length, kind + " value of " + length + " bytes");
        StringBuilder sb = new StringBuilder(26);
        if (kind == BinaryEncoding.TIME) {
            if (length != 0 && length != 8 && length != 12) {
                throw new MalformedPacketException("TIME value of " + length + " bytes (0, 8 or 12 expected)");
            }
            boolean negative = length > 0 && in.readUnsignedByte() != 0;
            long days = length > 0 ? in.readUnsignedIntLE() : 0;
            int hour = length > 0 ? in.readUnsignedByte() : 0;
            int minute = length > 0 ? in.readUnsignedByte() : 0;
            int second = length > 0 ? in.readUnsignedByte() : 0;
            long micros = length == 12 ? in.readUnsignedIntLE() : 0;
            sb.append(negative ? "-" : "");
            pad(sb, days * 24 + hour, 2).append(':');
            pad(sb, minute, 2).append(':');
            pad(sb, second, 2);
            return length == 12 ? pad(sb.append('.'), micros, 6).toString() : sb.toString();
        }
        if (length != 0 && length != 4 && length != 7 && length != 11) {
            throw new MalformedPacketException(kind + " value of " + length + " bytes (0, 4, 7 or 11 expected)");
        }
        int year = length > 0 ? in.readUnsignedShortLE() : 0;
        int month = length > 0 ? in.readUnsignedByte() : 0;
        int day = length > 0 ? in.readUnsignedByte() : 0;
        pad(sb, year, 4).append('-');
        pad(sb, month, 2).append('-');
        pad(sb, day, 2);
        int hour = length >= 7 ? in.readUnsignedByte() : 0;
        int minute = length >= 7 ? in.readUnsignedByte() : 0;
        int second = length >= 7 ? in.readUnsignedByte() : 0;
        long micros = length == 11 ? in.readUnsignedIntLE() : 0;
        if (kind == BinaryEncoding.DATE) {
            return sb.toString();
        }
        sb.append(' ');
        pad(sb, hour, 2).append(':');
        pad(sb, minute, 2).append(':');
        pad(sb, second, 2);
        return length == 11 ? pad(sb.append('.'), micros, 6).toString() : sb.toString();
    }

    /** Writes a value given in text form, leaving out the parts that are zero as MariaDB does. */
    static void write(ByteBuf out, BinaryEncoding kind, String text) {
        Parts p = kind == BinaryEncoding.TIME ? parseTime(text) : parseDateTime(text, kind);
        if (kind == BinaryEncoding.TIME) {
            long days = p.hour / 24;
            int length = p.micros != 0 ? 12 : (p.hour | p.minute | p.second) != 0 ? 8 : 0;
            out.writeByte(length);
            if (length > 0) {
                out.writeByte(p.negative ? 1 : 0).writeIntLE((int) days)
                        .writeByte((int) (p.hour % 24)).writeByte(p.minute).writeByte(p.second);
            }
            if (length == 12) {
                out.writeIntLE((int) p.micros);
            }
            return;
        }
        int length = p.micros != 0 ? 11 : (p.hour | p.minute | p.second) != 0 ? 7
                : (p.year | p.month | p.day) != 0 ? 4 : 0;
        out.writeByte(length);
        if (length >= 4) {
            out.writeShortLE(p.year).writeByte(p.month).writeByte(p.day);
        }
        if (length >= 7) {
            out.writeByte((int) p.hour).writeByte(p.minute).writeByte(p.second);
        }
        if (length == 11) {
            out.writeIntLE((int) p.micros);
        }
    }

    private record Parts(boolean negative, int year, int month, int day, long hour, int minute, int second, long micros) {
    }

    /** {@code YYYY-MM-DD}, optionally followed by {@code ' 'HH:MM:SS[.f]} (DATE takes the date only). */
    private static Parts parseDateTime(String t, BinaryEncoding kind) {
        if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            throw bad(kind, t);
        }
        int year = digits(t, 0, 4, kind);
        int month = digits(t, 5, 7, kind);
        int day = digits(t, 8, 10, kind);
        if (t.length() == 10 || kind == BinaryEncoding.DATE) {
            return new Parts(false, year, month, day, 0, 0, 0, 0);
        }
        if (t.charAt(10) != ' ' && t.charAt(10) != 'T') {
            throw bad(kind, t);
        }
        Parts time = clock(t, 11, kind);
        return new Parts(false, year, month, day, time.hour, time.minute, time.second, time.micros);
    }

    /** {@code [-]H+:MM:SS[.f]}. */
    private static Parts parseTime(String t) {
        boolean negative = t.startsWith("-");
        Parts p = clock(t, negative ? 1 : 0, BinaryEncoding.TIME);
        return new Parts(negative, 0, 0, 0, p.hour, p.minute, p.second, p.micros);
    }

    private static Parts clock(String t, int from, BinaryEncoding kind) {
        int colon = t.indexOf(':', from);
        if (colon < 0 || colon == from || colon + 6 > t.length() || t.charAt(colon + 3) != ':') {
            throw bad(kind, t);
        }
        long hour = digits(t, from, colon, kind);
        int minute = digits(t, colon + 1, colon + 3, kind);
        int second = digits(t, colon + 4, colon + 6, kind);
        long micros = 0;
        int end = colon + 6;
        if (end < t.length()) {
            int fraction = t.length() - end - 1;
            if (t.charAt(end) != '.' || fraction < 1 || fraction > 6) {
                throw bad(kind, t);
            }
            micros = digits(t, end + 1, t.length(), kind);
            for (int i = fraction; i < 6; i++) {
                micros *= 10;
            }
        }
        return new Parts(false, 0, 0, 0, hour, minute, second, micros);
    }

    private static int digits(String t, int from, int to, BinaryEncoding kind) {
        if (to - from > 9) {
            throw bad(kind, t);
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw bad(kind, t);
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    private static IllegalArgumentException bad(BinaryEncoding kind, String text) {
        return BinaryEncoding.notA(kind.name(), text.getBytes(StandardCharsets.ISO_8859_1));
    }
}

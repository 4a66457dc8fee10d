package io.shardgate.router.value;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Parsing of numeric and time text as MariaDB's text protocol writes it. */
final class Numbers {

    private Numbers() {
    }

    static long parseLong(byte[] b) {
        int i = 0;
        boolean negative = false;
        if (b.length > 0 && (b[0] == '-' || b[0] == '+')) {
            negative = b[0] == '-';
            i = 1;
        }
        if (b.length - i > 18) {
            return new BigInteger(CellComparator.text(b)).longValue();
        }
        long v = 0;
        for (; i < b.length; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    static long parseUnsigned(byte[] b) {
        return Long.parseUnsignedLong(CellComparator.text(b));
    }

    static double parseDouble(byte[] b) {
        return Double.parseDouble(CellComparator.text(b));
    }

    static BigDecimal decimal(byte[] b) {
        return new BigDecimal(CellComparator.text(b));
    }

    /** TIME text ({@code -838:59:59.000000} .. {@code 838:59:59}) as signed microseconds. */
    static long timeMicros(byte[] b) {
        String s = CellComparator.text(b);
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        String[] parts = s.split(":");
        long hours = Long.parseLong(parts[0]);
        long minutes = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        double seconds = parts.length > 2 ? Double.parseDouble(parts[2]) : 0;
        long micros = ((hours * 60 + minutes) * 60) * 1_000_000L + Math.round(seconds * 1_000_000);
        return negative ? -micros : micros;
    }
}

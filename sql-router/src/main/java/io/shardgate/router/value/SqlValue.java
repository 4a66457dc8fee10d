package io.shardgate.router.value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A value the proxy computes with after merging shard results: aggregate states, HAVING and
 * expressions over aggregates. Values straight from a backend stay {@link Raw} (their text bytes
 * and column) until an operation needs them typed, so passing one through changes nothing.
 */
public sealed interface SqlValue {

    SqlValue NULL = new Null();

    boolean isNull();

    /** SQL NULL. */
    record Null() implements SqlValue {
        @Override
        public boolean isNull() {
            return true;
        }

        @Override
        public String toString() {
            return "NULL";
        }
    }

    /** Signed 64-bit integer. */
    record Int(long value) implements SqlValue {
        @Override
        public boolean isNull() {
            return false;
        }
    }

    /** Integer beyond the signed 64-bit range (BIGINT UNSIGNED, sums of them). */
    record BigInt(BigInteger value) implements SqlValue {
        @Override
        public boolean isNull() {
            return false;
        }
    }

    /**
     * Exact decimal. {@code scale} is the scale of MariaDB's result type (what it shows); the value
     * may carry more digits internally, as a division's does.
     */
    record Dec(BigDecimal value, int scale) implements SqlValue {
        public Dec(BigDecimal value) {
            this(value, Math.max(0, value.scale()));
        }

        @Override
        public boolean isNull() {
            return false;
        }

        /** The value as MariaDB shows it: rounded half up to the type's scale. */
        public BigDecimal shown() {
            return value.setScale(scale, java.math.RoundingMode.HALF_UP);
        }
    }

    /** DOUBLE (FLOAT values are widened). */
    record Dbl(double value) implements SqlValue {
        @Override
        public boolean isNull() {
            return false;
        }
    }

    /** A character string with the collation it compares by (collation id, 63 = binary). */
    record Str(String value, int collationId) implements SqlValue {
        @Override
        public boolean isNull() {
            return false;
        }
    }

    /** A value exactly as a backend sent it, typed by its column. */
    record Raw(byte[] text, ValueType type) implements SqlValue {
        @Override
        public boolean isNull() {
            return false;
        }

        @Override
        public String toString() {
            return new String(text, StandardCharsets.UTF_8);
        }
    }

    static SqlValue of(long v) {
        return new Int(v);
    }

    static SqlValue of(BigDecimal v) {
        return v == null ? NULL : new Dec(v);
    }
}

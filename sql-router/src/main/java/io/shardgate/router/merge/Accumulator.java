package io.shardgate.router.merge;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.value.CellComparator;
import io.shardgate.router.value.Ops;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** The running state of one aggregate for one group. */
abstract class Accumulator {

    /** Adds one input row's contribution (a partial from a shard, or a raw value). */
    abstract void add(byte[][] cells);

    abstract SqlValue result();

    /** Whether {@link #result()} was cut short (GROUP_CONCAT past group_concat_max_len). */
    boolean cut() {
        return false;
    }

    /** Builds fresh accumulators for each group, knowing the input columns' types. */
    static final class Factory {

        private final AggregateCall call;
        private final boolean raw;
        private final ValueType inputType;
        private final CellComparator comparator;
        private final long maxLength;
        private final int divPrecision;

        Factory(AggregateCall call, boolean raw, java.util.List<Column> inputColumns, long groupConcatMaxLen,
                int divPrecision) {
            this.divPrecision = divPrecision;
            this.call = call;
            this.raw = raw;
            Column in = call.input() >= 0 ? inputColumns.get(call.input()) : null;
            ValueType t = in == null ? null : ValueType.of(in);
            if (t != null && call.collation() != null && t.category() == ValueType.Category.STRING) {
                t = new ValueType(t.category(), t.unsigned(), call.collation(), t.decimals());
            }
            this.inputType = t;
            this.comparator = (call.kind() == AggregateCall.Kind.MIN || call.kind() == AggregateCall.Kind.MAX) && in != null
                    ? CellComparator.of(inputType, in.name()) : null;
            this.maxLength = groupConcatMaxLen;
        }

        Accumulator create() {
            int in = call.input();
            boolean fromPartial = !raw && !call.distinct();
            return switch (call.kind()) {
                case COUNT -> fromPartial ? new SumCount(in) : new CountValues(in, call.width());
                case SUM -> new Sum(in, exact());
                case AVG -> fromPartial ? new Avg(in, in + 1, exact(), avgScale(), divPrecision)
                        : new Avg(in, -1, exact(), avgScale(), divPrecision);
                case MIN -> new Best(in, comparator, false, inputType);
                case MAX -> new Best(in, comparator, true, inputType);
                case BIT_AND -> new Bits(in, '&');
                case BIT_OR -> new Bits(in, '|');
                case BIT_XOR -> new Bits(in, '^');
                case GROUP_CONCAT -> new Concat(in, call.separator(), maxLength);
            };
        }

        /** MariaDB's AVG of an exact type has div_precision_increment more digits than its argument. */
        private int avgScale() {
            return Math.min(38, (inputType == null ? 0 : inputType.decimals()) + divPrecision);
        }

        private boolean exact() {
            return inputType == null || switch (inputType.category()) {
                case INTEGER, YEAR, DECIMAL, BIT -> true;
                default -> false;
            };
        }

        /** The column definition of this aggregate's result in the proxy's intermediate rows. */
        Column resultColumn(String name) {
            return switch (call.kind()) {
                case COUNT -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 21, ColumnType.LONGLONG,
                        Column.BINARY | Column.NUM, 0);
                case BIT_AND, BIT_OR, BIT_XOR -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 21,
                        ColumnType.LONGLONG, Column.BINARY | Column.NUM | Column.UNSIGNED, 0);
                case SUM, AVG -> exact()
                        ? new Column("", "", "", name, "", Column.BINARY_COLLATION, 65, ColumnType.NEWDECIMAL,
                        Column.BINARY | Column.NUM, Math.min(38, inputType.decimals()
                        + (call.kind() == AggregateCall.Kind.AVG ? divPrecision : 0)))
                        : new Column("", "", "", name, "", Column.BINARY_COLLATION, 23, ColumnType.DOUBLE,
                        Column.BINARY | Column.NUM, 31);
                case MIN, MAX -> inputType == null ? Column.computedString(name, 1) : renamed(name);
                case GROUP_CONCAT -> new Column("", "", "", name, "", inputType != null
                        && inputType.category() == ValueType.Category.STRING ? inputType.collationId() : Column.UTF8MB4_GENERAL_CI,
                        maxLength, ColumnType.VAR_STRING, 0, 0);
            };
        }

        private Column renamed(String name) {
            return OutputColumns.rawColumn(name, inputType);
        }
    }

    /** COUNT from shards' partial counts. */
    private static final class SumCount extends Accumulator {
        private final int in;
        private long total;

        SumCount(int in) {
            this.in = in;
        }

        @Override
        void add(byte[][] cells) {
            byte[] c = cells[in];
            if (c != null) {
                total += Long.parseLong(new String(c, StandardCharsets.US_ASCII));
            }
        }

        @Override
        SqlValue result() {
            return new SqlValue.Int(total);
        }
    }

    /** COUNT over values (raw rows, or de-duplicated DISTINCT values): non-NULL ones. */
    private static final class CountValues extends Accumulator {
        private final int in;
        private final int width;
        private long total;

        CountValues(int in, int width) {
            this.in = in;
            this.width = width;
        }

        @Override
        void add(byte[][] cells) {
            if (in < 0) {
                total++;
                return;
            }
            for (int i = in; i < in + width; i++) {
                if (cells[i] == null) {
                    return;
                }
            }
            total++;
        }

        @Override
        SqlValue result() {
            return new SqlValue.Int(total);
        }
    }

    /** SUM: exact for integers and decimals, DOUBLE otherwise; NULL when nothing was added. */
    private static final class Sum extends Accumulator {
        private final int in;
        private final boolean exact;
        private BigDecimal decimal;
        private double dbl;
        private boolean any;

        Sum(int in, boolean exact) {
            this.in = in;
            this.exact = exact;
        }

        @Override
        void add(byte[][] cells) {
            byte[] c = cells[in];
            if (c == null) {
                return;
            }
            String text = new String(c, StandardCharsets.US_ASCII);
            if (exact) {
                BigDecimal v = new BigDecimal(text);
                decimal = decimal == null ? v : decimal.add(v);
            } else {
                dbl += Double.parseDouble(text);
            }
            any = true;
        }

        @Override
        SqlValue result() {
            if (!any) {
                return SqlValue.NULL;
            }
            return exact ? new SqlValue.Dec(decimal) : new SqlValue.Dbl(dbl);
        }

        BigDecimal exactSum() {
            return decimal;
        }
    }

    /** AVG: a sum and a count, from partial SUM/COUNT columns or from values. */
    private static final class Avg extends Accumulator {
        private final int sumColumn;
        private final int countColumn;
        private final Sum sum;
        private final boolean exact;
        private final int scale;
        private final int divPrecision;
        private long count;

        Avg(int sumColumn, int countColumn, boolean exact, int scale, int divPrecision) {
            this.divPrecision = divPrecision;
            this.sumColumn = sumColumn;
            this.countColumn = countColumn;
            this.sum = new Sum(sumColumn, exact);
            this.exact = exact;
            this.scale = scale;
        }

        @Override
        void add(byte[][] cells) {
            sum.add(cells);
            if (countColumn >= 0) {
                byte[] c = cells[countColumn];
                count += c == null ? 0 : Long.parseLong(new String(c, StandardCharsets.US_ASCII));
            } else if (cells[sumColumn] != null) {
                count++;
            }
        }

        @Override
        SqlValue result() {
            if (count == 0) {
                return SqlValue.NULL;
            }
            SqlValue q = Ops.divide(sum.result(), new SqlValue.Int(count), divPrecision);
            // AVG's value (not just its display) is rounded to its type's scale, as MariaDB's is.
            return exact ? new SqlValue.Dec(Ops.toDecimal(q).setScale(scale, java.math.RoundingMode.HALF_UP), scale) : q;
        }
    }

    /** MIN / MAX under the input column's ordering; keeps the backend's text of the winner. */
    private static final class Best extends Accumulator {
        private final int in;
        private final CellComparator comparator;
        private final boolean max;
        private final ValueType type;
        private byte[] best;

        Best(int in, CellComparator comparator, boolean max, ValueType type) {
            this.in = in;
            this.comparator = comparator;
            this.max = max;
            this.type = type;
        }

        @Override
        void add(byte[][] cells) {
            byte[] c = cells[in];
            if (c == null) {
                return;
            }
            if (best == null) {
                best = c;
                return;
            }
            int cmp = comparator.compare(c, best);
            if (max ? cmp > 0 : cmp < 0) {
                best = c;
            }
        }

        @Override
        SqlValue result() {
            return best == null ? SqlValue.NULL : new SqlValue.Raw(best, type);
        }
    }

    /** BIT_AND / BIT_OR / BIT_XOR on unsigned 64-bit values. */
    private static final class Bits extends Accumulator {
        private final int in;
        private final char op;
        private long acc;

        Bits(int in, char op) {
            this.in = in;
            this.op = op;
            this.acc = op == '&' ? -1L : 0L;
        }

        @Override
        void add(byte[][] cells) {
            byte[] c = cells[in];
            if (c == null) {
                return;
            }
            long v = new BigInteger(new String(c, StandardCharsets.US_ASCII)).longValue();
            acc = switch (op) {
                case '&' -> acc & v;
                case '|' -> acc | v;
                default -> acc ^ v;
            };
        }

        @Override
        SqlValue result() {
            return acc >= 0 ? new SqlValue.Int(acc) : new SqlValue.BigInt(new BigInteger(Long.toUnsignedString(acc)));
        }
    }

    /**
     * GROUP_CONCAT: values in arrival order (the shard queries and the merge order them), NULLs
     * skipped, cut at group_concat_max_len bytes without splitting a character.
     */
    private static final class Concat extends Accumulator {
        private final int in;
        private final byte[] separator;
        private final long maxLength;
        private java.io.ByteArrayOutputStream out;
        private boolean full;

        Concat(int in, String separator, long maxLength) {
            this.in = in;
            this.separator = separator.getBytes(StandardCharsets.UTF_8);
            this.maxLength = maxLength;
        }

        @Override
        void add(byte[][] cells) {
            byte[] c = cells[in];
            if (c == null || full) {
                return;
            }
            if (out == null) {
                out = new java.io.ByteArrayOutputStream();
            } else {
                out.writeBytes(separator);
            }
            out.writeBytes(c);
            if (out.size() > maxLength) {
                full = true;
            }
        }

        @Override
        boolean cut() {
            return full;
        }

        @Override
        SqlValue result() {
            if (out == null) {
                return SqlValue.NULL;
            }
            byte[] bytes = out.toByteArray();
            if (bytes.length > maxLength) {
                int end = (int) maxLength;
                while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
                    end--;
                }
                bytes = java.util.Arrays.copyOf(bytes, end);
            }
            return new SqlValue.Raw(bytes, ValueType.string(Column.UTF8MB4_GENERAL_CI));
        }
    }
}

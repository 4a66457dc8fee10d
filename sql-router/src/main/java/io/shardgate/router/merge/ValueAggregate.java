package io.shardgate.router.merge;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.value.Canonical;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.Formatter;
import io.shardgate.router.value.Ops;
import io.shardgate.router.value.SqlValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An aggregate computed in the proxy from individual rows' values (after a proxy join or over a
 * derived table), with MariaDB's semantics: NULLs skipped, exact sums of exact values, AVG with
 * {@code div_precision_increment} more digits, DISTINCT by the values' equality.
 *
 * @param order     GROUP_CONCAT's ORDER BY keys, evaluated over the same input
 * @param collation for text compared by MIN/MAX or DISTINCT, the collation (null: the value's)
 */
public record ValueAggregate(AggregateCall.Kind kind, List<Eval> args, boolean distinct, List<Sort.Key> order,
                             String separator, Integer collation) {

    public ValueAggregate {
        args = List.copyOf(args);
        order = List.copyOf(order);
    }

    State start(long maxValues) {
        return new State(maxValues);
    }

    /** One group's running state. */
    final class State {
        private final long maxValues;
        private final Set<Canonical.Key> seen;
        private long count;
        private BigDecimal exactSum;
        private double doubleSum;
        private boolean inexact;
        private int sumScale;
        private SqlValue best;
        private long bits;
        private final List<SqlValue[]> concat;
        private boolean cut;

        State(long maxValues) {
            this.maxValues = maxValues;
            this.seen = distinct ? new HashSet<>() : null;
            this.bits = kind == AggregateCall.Kind.BIT_AND ? -1L : 0L;
            this.concat = kind == AggregateCall.Kind.GROUP_CONCAT ? new ArrayList<>() : null;
        }

        void add(SqlValue[] row) {
            SqlValue[] values = new SqlValue[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).eval(row);
                if (values[i].isNull() && kind != AggregateCall.Kind.COUNT) {
                    return;
                }
            }
            if (kind == AggregateCall.Kind.COUNT) {
                for (SqlValue v : values) {
                    if (v.isNull()) {
                        return;
                    }
                }
            }
            if (seen != null) {
                if (!seen.add(Canonical.of(values, new Integer[] {collation}, null))) {
                    return;
                }
                bound(seen.size());
            }
            SqlValue v = values.length == 0 ? SqlValue.NULL : values[0];
            switch (kind) {
                case COUNT -> count++;
                case SUM, AVG -> {
                    count++;
                    if (Ops.isExact(v) && !inexact) {
                        BigDecimal d = Ops.toDecimal(v);
                        exactSum = exactSum == null ? d : exactSum.add(d);
                        sumScale = Math.max(sumScale, Ops.scale(v));
                    } else {
                        if (!inexact) {
                            doubleSum = exactSum == null ? 0 : exactSum.doubleValue();
                            inexact = true;
                        }
                        doubleSum += Ops.toDouble(v);
                    }
                }
                case MIN, MAX -> {
                    Integer c = best == null ? null : Ops.compare(v, best);
                    if (best == null || (kind == AggregateCall.Kind.MIN ? c < 0 : c > 0)) {
                        best = v;
                    }
                }
                case BIT_AND -> bits &= Ops.toLong(v);
                case BIT_OR -> bits |= Ops.toLong(v);
                case BIT_XOR -> bits ^= Ops.toLong(v);
                case GROUP_CONCAT -> {
                    SqlValue[] keyed = new SqlValue[1 + order.size()];
                    StringBuilder text = new StringBuilder();
                    for (SqlValue part : values) {
                        text.append(Formatter.plainText(part));
                    }
                    keyed[0] = new SqlValue.Str(text.toString(), 45);
                    for (int i = 0; i < order.size(); i++) {
                        keyed[i + 1] = order.get(i).value().eval(row);
                    }
                    concat.add(keyed);
                    bound(concat.size());
                }
            }
        }

        private void bound(long n) {
            if (n > maxValues) {
                throw new ShardGateException(1038, "HY001", "Out of sort memory: a DISTINCT or GROUP_CONCAT evaluated "
                        + "by the proxy holds more than limits.maxSortRows (" + maxValues + ") values", null);
            }
        }

        SqlValue result(long groupConcatMaxLen, int divPrecision) {
            return switch (kind) {
                case COUNT -> new SqlValue.Int(count);
                case SUM -> count == 0 ? SqlValue.NULL : sum();
                case AVG -> {
                    if (count == 0) {
                        yield SqlValue.NULL;
                    }
                    SqlValue q = Ops.divide(sum(), new SqlValue.Int(count), divPrecision);
                    yield q instanceof SqlValue.Dec d
                            ? new SqlValue.Dec(d.value().setScale(d.scale(), java.math.RoundingMode.HALF_UP), d.scale()) : q;
                }
                case MIN, MAX -> best == null ? SqlValue.NULL : best;
                case BIT_AND, BIT_OR, BIT_XOR -> bits >= 0 ? new SqlValue.Int(bits)
                        : new SqlValue.BigInt(new BigInteger(Long.toUnsignedString(bits)));
                case GROUP_CONCAT -> concat(groupConcatMaxLen);
            };
        }

        /** Whether the last {@link #result} was cut at group_concat_max_len. */
        boolean cut() {
            return cut;
        }

        private SqlValue sum() {
            return inexact ? new SqlValue.Dbl(doubleSum) : new SqlValue.Dec(exactSum, sumScale);
        }

        private SqlValue concat(long maxBytes) {
            if (concat.isEmpty()) {
                return SqlValue.NULL;
            }
            if (!order.isEmpty()) {
                concat.sort((a, b) -> {
                    for (int i = 0; i < order.size(); i++) {
                        int c = Sort.compareValues(a[i + 1], b[i + 1]);
                        if (c != 0) {
                            return order.get(i).descending() ? -c : c;
                        }
                    }
                    return 0;
                });
            }
            StringBuilder sb = new StringBuilder();
            for (SqlValue[] v : concat) {
                if (!sb.isEmpty()) {
                    sb.append(separator);
                }
                sb.append(((SqlValue.Str) v[0]).value());
            }
            byte[] utf8 = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            cut = utf8.length > maxBytes;
            if (cut) {
                int end = (int) maxBytes;
                while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
                    end--; // not inside a character
                }
                return new SqlValue.Str(new String(utf8, 0, end, java.nio.charset.StandardCharsets.UTF_8), 45);
            }
            return new SqlValue.Str(sb.toString(), 45);
        }
    }
}

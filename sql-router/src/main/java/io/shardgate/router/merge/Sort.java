package io.shardgate.router.merge;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.Ops;
import io.shardgate.router.value.SqlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY evaluated in the proxy, after aggregation or a proxy join, when the rows cannot arrive
 * in order. With a LIMIT only the best {@code offset + count} rows are kept (a heap); otherwise all
 * rows are held, up to {@code limits.maxSortRows}, beyond which the statement fails with 1038
 * rather than exhaust memory.
 */
public final class Sort implements Primitive {

    /** One ORDER BY key: an expression over the input row and its direction. */
    public record Key(Eval value, boolean descending, String shown) {
    }

    private final Primitive input;
    private final List<Key> keys;
    private final long keep;
    private final long maxRows;

    /**
     * @param keep    rows needed (offset + count of a LIMIT), or -1 for all
     * @param maxRows the configured bound on rows held
     */
    public Sort(Primitive input, List<Key> keys, long keep, long maxRows) {
        this.input = input;
        this.keys = List.copyOf(keys);
        this.keep = keep;
        this.maxRows = maxRows;
    }

    private record Keyed(Row row, SqlValue[] key, long seq) {
    }

    @Override
    public Result execute(ExecutionContext context) {
        try (RowStream in = (RowStream) input.execute(context)) {
            Slots slots = new Slots(in.columns());
            Comparator<Keyed> order = comparator();
            long bound = keep >= 0 ? keep : maxRows;
            if (keep > maxRows) {
                throw tooMany();
            }
            // With a bound the heap keeps the worst row on top, so it can be dropped cheaply.
            PriorityQueue<Keyed> heap = new PriorityQueue<>(order.reversed());
            List<Keyed> all = new ArrayList<>();
            long seq = 0;
            for (Row r = in.next(); r != null; r = in.next()) {
                SqlValue[] s = slots.of(r);
                SqlValue[] key = new SqlValue[keys.size()];
                for (int i = 0; i < key.length; i++) {
                    key[i] = keys.get(i).value().eval(s);
                }
                Keyed k = new Keyed(r, key, seq++);
                if (keep >= 0) {
                    heap.add(k);
                    if (heap.size() > bound) {
                        heap.poll();
                    }
                } else {
                    all.add(k);
                    if (all.size() > maxRows) {
                        throw tooMany();
                    }
                }
            }
            List<Keyed> sorted = keep >= 0 ? new ArrayList<>(heap) : all;
            sorted.sort(order);
            List<Row> rows = new ArrayList<>(sorted.size());
            sorted.forEach(k -> rows.add(k.row()));
            return new ListRowStream(in.columns(), rows);
        }
    }

    private ShardGateException tooMany() {
        return new ShardGateException(1038, "HY001", "Out of sort memory: this cross-shard ORDER BY needs more than "
                + "limits.maxSortRows (" + maxRows + ") rows or groups in the proxy; add a LIMIT or raise the limit", null);
    }

    private Comparator<Keyed> comparator() {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                int c = compare(a.key()[i], b.key()[i]);
                if (c != 0) {
                    return keys.get(i).descending() ? -c : c;
                }
            }
            return Long.compare(a.seq(), b.seq());
        };
    }

    /** NULL first, as MariaDB sorts ascending. */
    static int compareValues(SqlValue a, SqlValue b) {
        return compare(a, b);
    }

    private static int compare(SqlValue a, SqlValue b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() ? (b.isNull() ? 0 : -1) : 1;
        }
        Integer c = Ops.compare(a, b);
        return c == null ? 0 : c;
    }

    @Override
    public Description describe() {
        return Description.of("Sort " + keys.stream().map(k -> k.shown() + (k.descending() ? " DESC" : "")).toList()
                + (keep >= 0 ? " keep " + keep : ""), input.describe());
    }
}

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
import io.shardgate.router.value.Canonical;
import io.shardgate.router.value.Eval;
import io.shardgate.router.value.Ops;
import io.shardgate.router.value.SqlValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A SELECT evaluated in the proxy over rows that come from elsewhere (a proxy join, a derived
 * table, a UNION): WHERE, GROUP BY with aggregates (hashed), HAVING, DISTINCT, ORDER BY, LIMIT and
 * the select list. Rows stream through when nothing needs them all; otherwise at most
 * {@code maxRows} rows or groups are held, beyond which the statement fails with 1038.
 */
public final class InProxySelect implements Primitive {

    /**
     * What to compute. With {@code aggregates} non-null the query groups: HAVING, outputs and order
     * keys then read "group slots": the group's first input row followed by the aggregates'
     * results. Otherwise they read the input row.
     *
     * @param outputSlots per output, the slot it copies unchanged (its column definition is kept),
     *                    or -1
     * @param count       LIMIT's count, -1 for none
     * @param slotCollations per input slot, the collation its text compares by (null entries, or a
     *                    null array: the column metadata's)
     */
    public record Spec(Eval where, List<Eval> groupKeys, Integer[] groupCollations, List<ValueAggregate> aggregates,
                       Eval having, List<Eval> outputs, int[] outputSlots, List<String> names, List<Sort.Key> order,
                       boolean distinct, long offset, long count, long maxRows, Integer[] slotCollations,
                       String shown) {
    }

    private final Primitive input;
    private final Spec spec;

    public InProxySelect(Primitive input, Spec spec) {
        this.input = input;
        this.spec = spec;
    }

    private record Out(SqlValue[] values, SqlValue[] key, long seq) {
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream in = (RowStream) input.execute(context);
        Slots slots = new Slots(in.columns(), spec.slotCollations());
        List<Column> inputColumns = in.columns();
        if (spec.aggregates() == null && spec.order().isEmpty() && !spec.distinct()) {
            return streaming(in, slots, inputColumns);
        }
        List<Out> rows = new ArrayList<>();
        Comparator<Out> order = (a, b) -> {
            for (int i = 0; i < spec.order().size(); i++) {
                int c = Sort.compareValues(a.key()[i], b.key()[i]);
                if (c != 0) {
                    return spec.order().get(i).descending() ? -c : c;
                }
            }
            return Long.compare(a.seq(), b.seq());
        };
        try (in) {
            if (spec.aggregates() != null) {
                aggregate(in, slots, context, rows);
            } else if (!spec.order().isEmpty() && spec.count() >= 0 && !spec.distinct()) {
                topRows(in, slots, order, rows);
            } else {
                long seq = 0;
                for (Row r = in.next(); r != null; r = in.next()) {
                    SqlValue[] s = slots.of(r);
                    if (passes(spec.where(), s)) {
                        rows.add(output(s, seq++));
                        bound(rows.size());
                    }
                }
            }
        }
        if (!spec.order().isEmpty()) {
            rows.sort(order);
        }
        List<SqlValue[]> values = new ArrayList<>();
        Set<Canonical.Key> seen = spec.distinct() ? new HashSet<>() : null;
        for (Out o : rows) {
            if (seen == null || seen.add(Canonical.of(o.values(), null, null))) {
                values.add(o.values());
            }
        }
        long from = Math.min(values.size(), spec.offset());
        long to = spec.count() < 0 ? values.size() : Math.min(values.size(), from + spec.count());
        List<SqlValue[]> page = values.subList((int) from, (int) to);
        List<Column> columns = OutputColumns.of(spec, inputColumns, page.isEmpty() ? values : page);
        List<Row> out = new ArrayList<>(page.size());
        page.forEach(v -> out.add(OutputColumns.row(v, columns)));
        return new ListRowStream(columns, out);
    }

    /** ORDER BY with LIMIT: only the best offset + count rows are kept, the worst on top of a heap. */
    private void topRows(RowStream in, Slots slots, Comparator<Out> order, List<Out> out) {
        long keep = spec.offset() + spec.count();
        bound(keep);
        PriorityQueue<Out> heap = new PriorityQueue<>(order.reversed());
        long seq = 0;
        for (Row r = in.next(); r != null; r = in.next()) {
            SqlValue[] s = slots.of(r);
            if (!passes(spec.where(), s)) {
                continue;
            }
            Out o = output(s, seq++);
            if (heap.size() < keep) {
                heap.add(o);
            } else if (keep > 0 && order.compare(o, heap.peek()) < 0) {
                heap.poll();
                heap.add(o);
            }
        }
        out.addAll(heap);
    }

    private RowStream streaming(RowStream in, Slots slots, List<Column> inputColumns) {
        List<SqlValue[]> first = new ArrayList<>();
        long[] skipped = {0};
        long[] emitted = {0};
        return new RowStream() {
            private List<Column> columns;

            @Override
            public List<Column> columns() {
                if (columns == null) {
                    SqlValue[] peek = pull();
                    if (peek != null) {
                        first.add(peek);
                    }
                    columns = OutputColumns.of(spec, inputColumns, first);
                }
                return columns;
            }

            private SqlValue[] pull() {
                for (Row r = in.next(); r != null; r = in.next()) {
                    SqlValue[] s = slots.of(r);
                    if (!passes(spec.where(), s)) {
                        continue;
                    }
                    if (skipped[0] < spec.offset()) {
                        skipped[0]++;
                        continue;
                    }
                    return output(s, 0).values();
                }
                return null;
            }

            @Override
            public Row next() {
                columns();
                if (spec.count() >= 0 && emitted[0] >= spec.count()) {
                    return null;
                }
                SqlValue[] v = first.isEmpty() ? pull() : first.removeFirst();
                if (v == null) {
                    return null;
                }
                emitted[0]++;
                return OutputColumns.row(v, columns);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }

    private void aggregate(RowStream in, Slots slots, ExecutionContext context, List<Out> rows) {
        Map<Canonical.Key, Group> groups = new LinkedHashMap<>();
        int width = in.columns().size();
        for (Row r = in.next(); r != null; r = in.next()) {
            SqlValue[] s = slots.of(r);
            if (!passes(spec.where(), s)) {
                continue;
            }
            SqlValue[] key = new SqlValue[spec.groupKeys().size()];
            for (int i = 0; i < key.length; i++) {
                key[i] = spec.groupKeys().get(i).eval(s);
            }
            Group g = groups.computeIfAbsent(Canonical.of(key, spec.groupCollations(), null), k -> new Group(s));
            g.add(s);
            bound(groups.size());
        }
        if (groups.isEmpty() && spec.groupKeys().isEmpty()) {
            SqlValue[] empty = new SqlValue[width];
            java.util.Arrays.fill(empty, SqlValue.NULL);
            groups.put(Canonical.of(new SqlValue[0], null, null), new Group(empty));
        }
        long maxLen = io.shardgate.router.plan.SessionValues.groupConcatMaxLen(context.session());
        int divPrecision = io.shardgate.router.plan.SessionValues.divPrecision(context.session());
        long seq = 0;
        long number = 0;
        for (Group g : groups.values()) {
            SqlValue[] slotsOfGroup = new SqlValue[width + spec.aggregates().size()];
            System.arraycopy(g.first, 0, slotsOfGroup, 0, width);
            number++;
            for (int i = 0; i < g.states.size(); i++) {
                slotsOfGroup[width + i] = g.states.get(i).result(maxLen, divPrecision);
                if (g.states.get(i).cut()) {
                    context.session().diagnostics().add(GroupConcatCut.warning(number));
                }
            }
            if (passes(spec.having(), slotsOfGroup)) {
                rows.add(output(slotsOfGroup, seq++));
            }
        }
    }

    private final class Group {
        final SqlValue[] first;
        final List<ValueAggregate.State> states = new ArrayList<>();

        Group(SqlValue[] first) {
            this.first = first;
            spec.aggregates().forEach(a -> states.add(a.start(spec.maxRows())));
        }

        void add(SqlValue[] row) {
            states.forEach(s -> s.add(row));
        }
    }

    private Out output(SqlValue[] s, long seq) {
        SqlValue[] values = new SqlValue[spec.outputs().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = spec.outputs().get(i).eval(s);
        }
        SqlValue[] key = new SqlValue[spec.order().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = spec.order().get(i).value().eval(s);
        }
        return new Out(values, key, seq);
    }

    private static boolean passes(Eval condition, SqlValue[] s) {
        return condition == null || Boolean.TRUE.equals(Ops.truth(condition.eval(s)));
    }

    private void bound(long n) {
        if (n > spec.maxRows()) {
            throw new ShardGateException(1038, "HY001", "Out of sort memory: this statement needs more than "
                    + "limits.maxSortRows (" + spec.maxRows() + ") rows or groups in the proxy; add a LIMIT or raise the limit", null);
        }
    }

    @Override
    public Description describe() {
        StringBuilder what = new StringBuilder("InProxySelect ").append(spec.shown());
        if (spec.where() != null) {
            what.append(" WHERE");
        }
        if (spec.aggregates() != null) {
            what.append(spec.groupKeys().isEmpty() ? "" : " GROUP BY " + spec.groupKeys().size() + " keys (hashed),")
                    .append(" aggregates ").append(spec.aggregates().size());
        }
        if (spec.having() != null) {
            what.append(" HAVING");
        }
        if (spec.distinct()) {
            what.append(" DISTINCT");
        }
        if (!spec.order().isEmpty()) {
            what.append(" ORDER BY ").append(spec.order().stream().map(k -> k.shown() + (k.descending() ? " DESC" : "")).toList());
        }
        if (spec.count() >= 0) {
            what.append(" LIMIT ").append(spec.offset() > 0 ? spec.offset() + ", " : "").append(spec.count());
        }
        return Description.of(what.toString(), input.describe());
    }
}

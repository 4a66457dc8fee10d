package io.shardgate.router;

import io.shardgate.router.merge.Slots;
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
import io.shardgate.router.value.ValueType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins, in the proxy, sides that the backends cannot join themselves (tables on different nodes,
 * or sharded differently). The first side is read as a stream; each next side is joined to the
 * rows so far, in order:
 *
 * <ul>
 *   <li>with equality keys, by batched lookups: a batch of rows so far, their distinct keys sent
 *       as {@code key IN (...)} to the side (to each shard only its own keys when the key is its
 *       shard key), the answer hashed by key in the collations the backends compare by;
 *   <li>without keys (CROSS JOIN, only inequalities), against the whole side read once.
 * </ul>
 *
 * INNER and LEFT joins; residual conditions are evaluated on the joined row. Memory is bounded by
 * one batch and what it matches (or the whole side without keys): more than
 * {@code limits.maxJoinRows} rows there fails the statement with 1104.
 */
final class ProxyJoin implements Primitive {

    static final int BATCH = 1000;

    /**
     * Joining one more side.
     *
     * @param outer     LEFT JOIN: rows so far without a match are kept, the side's columns NULL
     * @param leftKeys  the keys over the rows so far (global slots)
     * @param keyCollations per key, the collation text keys compare by (null: the values' own)
     * @param residual  the rest of the join condition over the joined row, or null
     */
    record Step(JoinSide side, boolean outer, List<Eval> leftKeys, int[] rightKeys, Integer[] keyCollations,
                Eval residual, String shown) {
    }

    private final JoinSide first;
    private final List<Step> steps;
    private final Integer[] slotCollations;
    private final long maxRows;

    /** @param slotCollations per slot of the joined row, the collation its text compares by (or null) */
    ProxyJoin(JoinSide first, List<Step> steps, Integer[] slotCollations, long maxRows) {
        this.first = first;
        this.steps = List.copyOf(steps);
        this.slotCollations = slotCollations;
        this.maxRows = maxRows;
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream rows = open(context);
        for (Step s : steps) {
            rows = new Joined(rows, s, context);
        }
        return rows;
    }

    /**
     * The first side as a stream. Inside a transaction every node has one connection, which a
     * stream left open would hold while lookups need it: then the side is read whole first.
     */
    private RowStream open(ExecutionContext context) {
        RowStream stream = (RowStream) first.scan().execute(context);
        if (!context.shards().pinsConnections()) {
            return stream;
        }
        try (stream) {
            List<Row> all = new ArrayList<>();
            for (Row r = stream.next(); r != null; r = stream.next()) {
                all.add(r);
                if (all.size() > maxRows) {
                    throw tooMany("in a transaction, the first side of a join across shards");
                }
            }
            return new ListRowStream(stream.columns(), all);
        }
    }

    private ShardGateException tooMany(String what) {
        return new ShardGateException(1104, "42000", "The SELECT would hold more than limits.maxJoinRows (" + maxRows
                + ") rows of " + what + " in the proxy; narrow it with WHERE conditions", null);
    }

    private static RowStream run(Primitive plan, ExecutionContext context) {
        return (RowStream) plan.execute(context);
    }

    /** The rows so far joined with one more side. */
    private final class Joined implements RowStream {

        private final RowStream left;
        private final Step step;
        private final ExecutionContext context;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private List<Column> leftColumns;
        private List<Column> rightColumns;
        private List<Column> columns;
        private Slots leftSlots;
        private Slots joinedSlots;
        private boolean[] numeric;
        private boolean leftDone;
        /** Read whole: the side's rows, and hashed by key when there are keys. */
        private List<Row> all;
        private Map<Canonical.Key, List<Row>> hashed;

        Joined(RowStream left, Step step, ExecutionContext context) {
            this.left = left;
            this.step = step;
            this.context = context;
        }

        @Override
        public List<Column> columns() {
            if (columns == null) {
                leftColumns = left.columns();
                leftSlots = new Slots(leftColumns, slotCollations);
                fill();
                if (rightColumns == null) {
                    try (RowStream shape = run(step.side().shape(), context)) {
                        rightColumns = shape.columns();
                    }
                }
                columns = new ArrayList<>(leftColumns);
                columns.addAll(rightColumns);
            }
            return columns;
        }

        @Override
        public Row next() {
            columns();
            while (ready.isEmpty() && !leftDone) {
                fill();
            }
            return ready.poll();
        }

        /** Joins the next batch of rows so far. */
        private void fill() {
            List<Row> batch = new ArrayList<>(BATCH);
            while (batch.size() < BATCH) {
                Row r = left.next();
                if (r == null) {
                    leftDone = true;
                    break;
                }
                batch.add(r);
            }
            if (batch.isEmpty()) {
                return;
            }
            if (step.leftKeys().isEmpty()) {
                loadAll();
                for (Row l : batch) {
                    emit(l, all);
                }
                return;
            }
            if (!step.side().canLookUp()) {
                loadAll();
                for (Row l : batch) {
                    SqlValue[] k = leftKey(l);
                    emit(l, k == null || hashed.isEmpty() ? List.of() : hashed.getOrDefault(key(k), List.of()));
                }
                return;
            }
            List<SqlValue[]> keys = new ArrayList<>(batch.size());
            Map<Canonical.Key, SqlValue[]> distinct = new LinkedHashMap<>();
            for (Row l : batch) {
                SqlValue[] k = leftKey(l);
                keys.add(k);
                if (k != null) {
                    distinct.putIfAbsent(Canonical.of(k, step.keyCollations(), null), k);
                }
            }
            Map<Canonical.Key, List<Row>> matches = distinct.isEmpty() ? Map.of() : lookup(new ArrayList<>(distinct.values()));
            for (int i = 0; i < batch.size(); i++) {
                SqlValue[] k = keys.get(i);
                List<Row> candidates = k == null || matches.isEmpty() ? List.of() : matches.getOrDefault(key(k), List.of());
                emit(batch.get(i), candidates);
            }
        }

        /** The row's key values, or null when one is NULL (then nothing equals it). */
        private SqlValue[] leftKey(Row l) {
            SqlValue[] slots = leftSlots.of(l);
            SqlValue[] k = new SqlValue[step.leftKeys().size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = step.leftKeys().get(i).eval(slots);
                if (k[i].isNull()) {
                    return null;
                }
            }
            return k;
        }

        private Map<Canonical.Key, List<Row>> lookup(List<SqlValue[]> tuples) {
            Primitive lookup = step.side().lookup(tuples);
            if (lookup == null) {
                return Map.of();
            }
            Map<Canonical.Key, List<Row>> out = new HashMap<>();
            long held = 0;
            try (RowStream rows = run(lookup, context)) {
                setRight(rows.columns());
                Slots right = new Slots(rightColumns, rightCollations());
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    hash(r, right, out);
                    if (++held > maxRows) {
                        throw tooMany("one batch's matches");
                    }
                }
            }
            return out;
        }

        /** Files a row of the side under its key; rows with a NULL key part match nothing. */
        private void hash(Row r, Slots right, Map<Canonical.Key, List<Row>> into) {
            SqlValue[] values = right.of(r);
            SqlValue[] k = new SqlValue[step.rightKeys().length];
            for (int i = 0; i < k.length; i++) {
                k[i] = values[step.rightKeys()[i]];
                if (k[i].isNull()) {
                    return;
                }
            }
            into.computeIfAbsent(key(k), x -> new ArrayList<>()).add(r);
        }

        /** The whole side, once: for a join without keys, or a side that cannot be looked up. */
        private void loadAll() {
            if (all != null) {
                return;
            }
            all = new ArrayList<>();
            hashed = new HashMap<>();
            long held = 0;
            try (RowStream rows = run(step.side().scan(), context)) {
                setRight(rows.columns());
                Slots right = step.leftKeys().isEmpty() ? null : new Slots(rightColumns, rightCollations());
                for (Row r = rows.next(); r != null; r = rows.next()) {
                    if (++held > maxRows) {
                        throw tooMany("'" + step.shown() + "', read whole,");
                    }
                    if (right == null) {
                        all.add(r);
                    } else {
                        hash(r, right, hashed);
                    }
                }
            }
        }

        private void setRight(List<Column> c) {
            if (rightColumns == null) {
                rightColumns = c;
                List<Column> joined = new ArrayList<>(leftColumns);
                joined.addAll(c);
                joinedSlots = new Slots(joined, slotCollations);
            }
        }

        private Integer[] rightCollations() {
            if (slotCollations == null) {
                return null;
            }
            Integer[] out = new Integer[rightColumns.size()];
            for (int i = 0; i < out.length; i++) {
                int global = leftColumns.size() + i;
                out[i] = global < slotCollations.length ? slotCollations[global] : null;
            }
            return out;
        }

        /**
         * Key bytes: an equality of a number and a string compares numbers in MariaDB, so a key part
         * is compared as a number when either side's column is numeric.
         */
        private Canonical.Key key(SqlValue[] k) {
            if (numeric == null) {
                numeric = new boolean[k.length];
                for (int i = 0; i < k.length; i++) {
                    ValueType right = ValueType.of(rightColumns.get(step.rightKeys()[i]));
                    numeric[i] = right.numeric() || isNumber(k[i]);
                }
            }
            return Canonical.of(k, step.keyCollations(), numeric);
        }

        private static boolean isNumber(SqlValue v) {
            return switch (v) {
                case SqlValue.Raw r -> r.type().numeric();
                case SqlValue.Str s -> false;
                case SqlValue.Null n -> false;
                default -> true;
            };
        }

        /** The left row joined with each candidate passing the residual condition (or NULLs). */
        private void emit(Row l, List<Row> candidates) {
            boolean matched = false;
            for (Row r : candidates) {
                Row joined = concat(l, r.cells());
                if (step.residual() == null || Boolean.TRUE.equals(Ops.truth(step.residual().eval(joinedSlots.of(joined))))) {
                    ready.add(joined);
                    matched = true;
                }
            }
            if (!matched && step.outer()) {
                ready.add(concat(l, new byte[rightWidth()][]));
            }
        }

        private int rightWidth() {
            if (rightColumns == null) {
                try (RowStream shape = run(step.side().shape(), context)) {
                    setRight(shape.columns());
                }
            }
            return rightColumns.size();
        }

        private Row concat(Row l, byte[][] right) {
            byte[][] cells = new byte[l.size() + right.length][];
            System.arraycopy(l.cells(), 0, cells, 0, l.size());
            System.arraycopy(right, 0, cells, l.size(), right.length);
            return new Row(cells);
        }

        @Override
        public void close() {
            left.close();
        }
    }

    @Override
    public Description describe() {
        List<Description> children = new ArrayList<>();
        children.add(first.describe("read"));
        for (Step s : steps) {
            String how = s.leftKeys().isEmpty() ? "nested loop over the whole side"
                    : s.side().canLookUp() ? "batched lookup" : "hash join over the whole side";
            children.add(Description.of((s.outer() ? "LEFT JOIN " : "JOIN ") + s.shown() + ": " + how,
                    s.side().describe("join")));
        }
        return new Description("ProxyJoin", children);
    }
}

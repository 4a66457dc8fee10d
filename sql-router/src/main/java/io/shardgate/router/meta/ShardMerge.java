package io.shardgate.router.meta;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How catalog rows describing one logical table add up over its shards: the first shard's rows
 * are the table's, with some statistics replaced by their total (row counts, sizes, index
 * cardinalities) or their maximum (the AUTO_INCREMENT counter, the last update time) over the
 * rows of every shard that have the same key (an index name and column position, a partition).
 *
 * @param keys    columns that pair a shard's row with the first shard's row (none: one row per table)
 * @param sums    columns replaced by the sum over shards (NULL only when NULL on every shard)
 * @param maxima  columns replaced by the greatest value over shards
 * @param average column recomputed as {@code DATA_LENGTH DIV TABLE_ROWS} of the totals (0 without
 *                rows), as InnoDB computes {@code AVG_ROW_LENGTH}; null for none
 */
record ShardMerge(List<String> keys, List<String> sums, List<String> maxima, String average) {

    static final ShardMerge NONE = new ShardMerge(List.of(), List.of(), List.of(), null);

    /** information_schema.TABLES and SHOW TABLE STATUS, by their column names. */
    static final ShardMerge TABLES = new ShardMerge(List.of(), List.of("TABLE_ROWS", "DATA_LENGTH", "INDEX_LENGTH", "DATA_FREE"),
            List.of("AUTO_INCREMENT", "UPDATE_TIME"), "AVG_ROW_LENGTH");

    static final ShardMerge STATISTICS = new ShardMerge(List.of("INDEX_NAME", "SEQ_IN_INDEX"), List.of("CARDINALITY"),
            List.of(), null);

    static final ShardMerge PARTITIONS = new ShardMerge(List.of("PARTITION_NAME", "SUBPARTITION_NAME"),
            List.of("TABLE_ROWS", "DATA_LENGTH", "INDEX_LENGTH", "DATA_FREE"), List.of("UPDATE_TIME"), "AVG_ROW_LENGTH");

    /** SHOW INDEX, by its column names. */
    static final ShardMerge SHOW_INDEX = new ShardMerge(List.of("Key_name", "Seq_in_index"), List.of("Cardinality"),
            List.of(), null);

    ShardMerge {
        keys = List.copyOf(keys);
        sums = List.copyOf(sums);
        maxima = List.copyOf(maxima);
    }

    boolean merges() {
        return !sums.isEmpty() || !maxima.isEmpty();
    }

    /**
     * @param first  the first shard's rows of the table
     * @param others the other shards' rows of it
     */
    List<Row> merge(List<Column> columns, List<Row> first, List<List<Row>> others) {
        if (!merges() || others.isEmpty()) {
            return first;
        }
        int[] keyAt = indexes(columns, keys);
        int[] sumAt = indexes(columns, sums);
        int[] maxAt = indexes(columns, maxima);
        Map<List<String>, byte[][]> merged = new HashMap<>();
        List<byte[][]> out = new ArrayList<>();
        for (Row r : first) {
            byte[][] cells = r.cells().clone();
            merged.putIfAbsent(key(r, keyAt), cells);
            out.add(cells);
        }
        for (List<Row> shard : others) {
            for (Row r : shard) {
                byte[][] into = merged.get(key(r, keyAt));
                if (into == null) {
                    continue;
                }
                for (int i : sumAt) {
                    into[i] = add(into[i], r.cell(i));
                }
                for (int i : maxAt) {
                    into[i] = greater(into[i], r.cell(i));
                }
            }
        }
        int avgAt = average == null ? -1 : NodeQueries.indexOf(columns, average);
        int rowsAt = NodeQueries.indexOf(columns, "TABLE_ROWS");
        int lengthAt = NodeQueries.indexOf(columns, "DATA_LENGTH");
        List<Row> rows = new ArrayList<>(out.size());
        for (byte[][] cells : out) {
            if (avgAt >= 0 && rowsAt >= 0 && lengthAt >= 0 && cells[avgAt] != null && cells[rowsAt] != null
                    && cells[lengthAt] != null) {
                BigInteger n = number(cells[rowsAt]);
                cells[avgAt] = bytes(n.signum() == 0 ? BigInteger.ZERO : number(cells[lengthAt]).divide(n));
            }
            rows.add(new Row(cells));
        }
        return rows;
    }

    private static int[] indexes(List<Column> columns, List<String> names) {
        return names.stream().mapToInt(n -> NodeQueries.indexOf(columns, n)).filter(i -> i >= 0).toArray();
    }

    private static List<String> key(Row r, int[] keyAt) {
        return Arrays.stream(keyAt).mapToObj(r::text).toList();
    }

    private static byte[] add(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return bytes(number(a).add(number(b)));
    }

    /** Numbers by value; anything else (date-times) by text, which orders them. */
    private static byte[] greater(byte[] a, byte[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        String x = new String(a, StandardCharsets.UTF_8);
        String y = new String(b, StandardCharsets.UTF_8);
        if (x.chars().allMatch(Character::isDigit) && y.chars().allMatch(Character::isDigit) && !x.isEmpty() && !y.isEmpty()) {
            return new BigInteger(x).compareTo(new BigInteger(y)) >= 0 ? a : b;
        }
        return x.compareTo(y) >= 0 ? a : b;
    }

    private static BigInteger number(byte[] cell) {
        return new BigInteger(new String(cell, StandardCharsets.US_ASCII));
    }

    private static byte[] bytes(BigInteger n) {
        return n.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

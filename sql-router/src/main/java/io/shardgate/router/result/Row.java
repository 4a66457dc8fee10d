package io.shardgate.router.result;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One result row as MySQL's text protocol carries it: each cell is the value's text bytes, or
 * {@code null} for SQL NULL. Rows pass from backend to client without per-value decoding; merge
 * primitives decode only the cells they compare.
 */
public final class Row {

    private final byte[][] cells;

    public Row(byte[][] cells) {
        this.cells = cells;
    }

    public static Row ofStrings(String... values) {
        byte[][] cells = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] == null ? null : values[i].getBytes(StandardCharsets.UTF_8);
        }
        return new Row(cells);
    }

    public int size() {
        return cells.length;
    }

    public byte[] cell(int index) {
        return cells[index];
    }

    public String text(int index) {
        byte[] c = cells[index];
        return c == null ? null : new String(c, StandardCharsets.UTF_8);
    }

    /** The cells themselves, not a copy: hot-path writers read them directly. */
    public byte[][] cells() {
        return cells;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && Arrays.deepEquals(cells, r.cells);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(cells);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(cells[i] == null ? "NULL" : text(i));
        }
        return sb.append(')').toString();
    }
}

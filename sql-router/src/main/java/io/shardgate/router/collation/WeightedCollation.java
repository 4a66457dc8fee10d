package io.shardgate.router.collation;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A collation that compares values by their sequences of weights, as MariaDB does for every collation
 * here but {@code binary}: decode UTF-8, convert each code point to the column charset's code unit,
 * look up the unit's weights, compare the sequences weight by weight. With PAD SPACE the shorter
 * sequence is continued with the space's weight, as MariaDB's {@code strnncollsp} does.
 *
 * <p>This is exact only for collations without contractions (several characters weighed together),
 * which generate.sh checked for all of these on the server.
 */
final class WeightedCollation implements Collation {

    private final int id;
    private final String name;
    private final boolean padSpace;
    private final Repertoire repertoire;
    private final Supplier<? extends Weights> weights;
    private final int keyWidth;

    /**
     * @param keyWidth bytes per weight in sort keys: 1 for single-byte charsets, 2 for 16-bit weight
     *                 tables, 3 for code points
     */
    WeightedCollation(int id, String name, boolean padSpace, Repertoire repertoire,
                      Supplier<? extends Weights> weights, int keyWidth) {
        this.id = id;
        this.name = name;
        this.padSpace = padSpace;
        this.repertoire = repertoire;
        this.weights = weights;
        this.keyWidth = keyWidth;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean padSpace() {
        return padSpace;
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        if (Arrays.equals(a, b)) {
            return 0;
        }
        Weights table = weights.get();
        WeightCursor left = new WeightCursor(a, repertoire, table);
        WeightCursor right = new WeightCursor(b, repertoire, table);
        while (true) {
            int x = left.next();
            int y = right.next();
            if (x != y) {
                if (x == WeightCursor.END) {
                    return padSpace ? -restAgainstSpace(y, right, table.spaceWeight()) : -1;
                }
                if (y == WeightCursor.END) {
                    return padSpace ? restAgainstSpace(x, left, table.spaceWeight()) : 1;
                }
                return Integer.compare(x, y);
            }
            if (x == WeightCursor.END) {
                return 0;
            }
        }
    }

    /** How the rest of a value, starting with {@code first}, compares with endless spaces. */
    private static int restAgainstSpace(int first, WeightCursor rest, int space) {
        for (int w = first; w != WeightCursor.END; w = rest.next()) {
            if (w != space) {
                return Integer.compare(w, space);
            }
        }
        return 0;
    }

    @Override
    public byte[] sortKey(byte[] utf8) {
        Weights table = weights.get();
        WeightCursor cursor = new WeightCursor(utf8, repertoire, table);
        int[] all = new int[utf8.length + 4];
        int count = 0;
        for (int w = cursor.next(); w != WeightCursor.END; w = cursor.next()) {
            if (count == all.length) {
                all = Arrays.copyOf(all, count * 2);
            }
            all[count++] = w;
        }
        return padSpace
                ? SortKeyWriter.padSpace(all, count, keyWidth, table.spaceWeight())
                : SortKeyWriter.noPad(all, count, keyWidth);
    }

    @Override
    public String toString() {
        return name;
    }
}

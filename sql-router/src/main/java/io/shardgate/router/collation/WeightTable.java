package io.shardgate.router.collation;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Code unit to 16-bit weights, as read from the server by {@code sql-router/tools/collations/generate.sh}
 * (the file format is described in PackTables.java beside it). Also used for the code point to latin1
 * byte map, whose "weight" is the byte.
 *
 * <p>The BMP is expanded into an array, as nearly every character looked up is there; supplementary
 * code points stay as the file's runs and are found by binary search. Immutable.
 */
final class WeightTable implements Weights {

    private static final int MAGIC = 0x53475754; // "SGWT"
    private static final int FORMAT = 1;
    private static final int BMP_END = 0x10000;
    // Entries of direct: >= 0 the single weight; ABSENT; otherwise ~(offset << 4 | count) into expansions.
    private static final int ABSENT = Integer.MIN_VALUE;

    private final int[] direct;
    private final char[] expansions;
    private final int[] runFirst;
    private final int[] runLength;
    private final int[] runMask;
    private final int[] runOffset; // into runWeights; the run's weight count is runOffset[i + 1] - runOffset[i]
    private final char[] runWeights;
    private final int spaceWeight;

    private WeightTable(int[] direct, char[] expansions, int[] runFirst, int[] runLength, int[] runMask,
                        int[] runOffset, char[] runWeights) {
        this.direct = direct;
        this.expansions = expansions;
        this.runFirst = runFirst;
        this.runLength = runLength;
        this.runMask = runMask;
        this.runOffset = runOffset;
        this.runWeights = runWeights;
        int space = ' ' < direct.length ? direct[' '] : ABSENT;
        // -1 for a table without a single-weight space (the latin1 map has one; it is never asked)
        this.spaceWeight = space >= 0 ? space : -1;
    }

    /** Reads a gzip-compressed table; the stream is closed. */
    static WeightTable read(InputStream gzip) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(gzip, 1 << 14))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a collation weight table of format " + FORMAT);
            }
            int runs = in.readInt();
            int[] first = new int[runs];
            int[] length = new int[runs];
            int[] mask = new int[runs];
            char[][] base = new char[runs][];
            int directSize = 0;
            int bmpRuns = 0;
            int bmpExpansionWeights = 0;
            for (int i = 0; i < runs; i++) {
                first[i] = in.readInt();
                length[i] = in.readInt();
                int count = in.readUnsignedByte();
                mask[i] = in.readUnsignedByte();
                base[i] = new char[count];
                for (int j = 0; j < count; j++) {
                    base[i][j] = in.readChar();
                }
                if (count > MAX_PER_CHARACTER || length[i] <= 0 || (i > 0 && first[i] < first[i - 1] + length[i - 1])
                        || (first[i] < BMP_END && first[i] + length[i] > BMP_END)) {
                    throw new IOException("malformed run " + i + " at U+" + Integer.toHexString(first[i]));
                }
                if (first[i] < BMP_END) {
                    bmpRuns = i + 1;
                    directSize = first[i] + length[i];
                    bmpExpansionWeights += count == 1 ? 0 : count * length[i];
                }
            }
            return build(first, length, mask, base, bmpRuns, directSize, bmpExpansionWeights);
        }
    }

    private static WeightTable build(int[] first, int[] length, int[] mask, char[][] base, int bmpRuns,
                                     int directSize, int bmpExpansionWeights) {
        int[] direct = new int[directSize];
        Arrays.fill(direct, ABSENT);
        char[] expansions = new char[bmpExpansionWeights];
        int used = 0;
        for (int i = 0; i < bmpRuns; i++) {
            int count = base[i].length;
            for (int k = 0; k < length[i]; k++) {
                if (count == 1) {
                    direct[first[i] + k] = weight(base[i], mask[i], 0, k);
                } else {
                    direct[first[i] + k] = ~(used << 4 | count);
                    for (int j = 0; j < count; j++) {
                        expansions[used++] = (char) weight(base[i], mask[i], j, k);
                    }
                }
            }
        }
        int runs = first.length - bmpRuns;
        int[] runOffset = new int[runs + 1];
        for (int i = 0; i < runs; i++) {
            runOffset[i + 1] = runOffset[i] + base[bmpRuns + i].length;
        }
        char[] runWeights = new char[runOffset[runs]];
        for (int i = 0; i < runs; i++) {
            System.arraycopy(base[bmpRuns + i], 0, runWeights, runOffset[i], base[bmpRuns + i].length);
        }
        return new WeightTable(direct, expansions, Arrays.copyOfRange(first, bmpRuns, first.length),
                Arrays.copyOfRange(length, bmpRuns, first.length), Arrays.copyOfRange(mask, bmpRuns, first.length),
                runOffset, runWeights);
    }

    private static int weight(char[] base, int mask, int j, int offsetInRun) {
        return base[j] + ((mask >>> j & 1) == 1 ? offsetInRun : 0);
    }

    /**
     * @throws IllegalArgumentException for a unit the table does not hold: a surrogate, which the UTF-8
     *                                  decoder never yields, or a code point beyond the charset
     */
    @Override
    public int weigh(int unit, int[] out) {
        if (unit < direct.length) {
            int entry = direct[unit];
            if (entry >= 0) {
                out[0] = entry;
                return 1;
            }
            if (entry != ABSENT) {
                int packed = ~entry;
                int count = packed & 0xF;
                int offset = packed >>> 4;
                for (int j = 0; j < count; j++) {
                    out[j] = expansions[offset + j];
                }
                return count;
            }
        } else {
            int run = Arrays.binarySearch(runFirst, unit);
            run = run >= 0 ? run : -run - 2;
            if (run >= 0 && unit - runFirst[run] < runLength[run]) {
                int offsetInRun = unit - runFirst[run];
                int count = runOffset[run + 1] - runOffset[run];
                for (int j = 0; j < count; j++) {
                    out[j] = runWeights[runOffset[run] + j] + ((runMask[run] >>> j & 1) == 1 ? offsetInRun : 0);
                }
                return count;
            }
        }
        throw new IllegalArgumentException("no weight for U+" + Integer.toHexString(unit).toUpperCase());
    }

    /** The single value of {@code unit}, or {@code absent} when the table does not hold it. */
    int single(int unit, int absent) {
        if (unit < direct.length && direct[unit] >= 0) {
            return direct[unit];
        }
        if (unit < direct.length) {
            return absent;
        }
        int run = Arrays.binarySearch(runFirst, unit);
        run = run >= 0 ? run : -run - 2;
        if (run >= 0 && unit - runFirst[run] < runLength[run] && runOffset[run + 1] - runOffset[run] == 1) {
            return runWeights[runOffset[run]] + ((runMask[run] & 1) == 1 ? unit - runFirst[run] : 0);
        }
        return absent;
    }

    @Override
    public int spaceWeight() {
        if (spaceWeight < 0) {
            throw new IllegalStateException("this table has no single weight for the space");
        }
        return spaceWeight;
    }
}

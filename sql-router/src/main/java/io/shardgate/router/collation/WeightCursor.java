package io.shardgate.router.collation;

/**
 * Walks the weights of a UTF-8 value one at a time, so that comparing two values stops at the first
 * difference without weighing the rest. Not thread-safe; one per value per comparison.
 */
final class WeightCursor {

    static final int END = -1;
    /**
     * A byte that does not belong to well-formed UTF-8 weighs this plus its value: more than any
     * character's weight (at most U+10FFFF for the *_bin collations, 0xFFFF for the others).
     */
    static final int MALFORMED_BASE = 0x110000;

    private final byte[] text;
    private final Repertoire repertoire;
    private final Weights weights;
    private final int[] pending = new int[Weights.MAX_PER_CHARACTER];
    private int position;
    private int pendingCount;
    private int pendingIndex;

    WeightCursor(byte[] text, Repertoire repertoire, Weights weights) {
        this.text = text;
        this.repertoire = repertoire;
        this.weights = weights;
    }

    /** The next weight, or {@link #END}. */
    int next() {
        while (pendingIndex == pendingCount) {
            if (position == text.length) {
                return END;
            }
            int codePoint = decode();
            if (codePoint >= MALFORMED_BASE) {
                return codePoint;
            }
            pendingCount = weights.weigh(repertoire.toUnit(codePoint), pending);
            pendingIndex = 0;
        }
        return pending[pendingIndex++];
    }

    /**
     * The code point at the position, moving past it; a byte that does not start a well-formed sequence
     * (Unicode's definition: no overlong forms, no surrogates, nothing past U+10FFFF) is taken alone and
     * returned as {@code MALFORMED_BASE + byte}.
     */
    private int decode() {
        int b0 = text[position] & 0xFF;
        if (b0 < 0x80) {
            position++;
            return b0;
        }
        int length;
        int min2; // the range the second byte must fall in, which rules out overlong forms and surrogates
        int max2;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            length = 2;
            min2 = 0x80;
            max2 = 0xBF;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            length = 3;
            min2 = b0 == 0xE0 ? 0xA0 : 0x80;
            max2 = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            length = 4;
            min2 = b0 == 0xF0 ? 0x90 : 0x80;
            max2 = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            position++;
            return MALFORMED_BASE + b0;
        }
        if (position + length > text.length) {
            position++;
            return MALFORMED_BASE + b0;
        }
        int b1 = text[position + 1] & 0xFF;
        if (b1 < min2 || b1 > max2) {
            position++;
            return MALFORMED_BASE + b0;
        }
        int codePoint = (b0 & (0xFF >> (length + 1))) << 6 | (b1 & 0x3F);
        for (int i = 2; i < length; i++) {
            int b = text[position + i] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                position++;
                return MALFORMED_BASE + b0;
            }
            codePoint = codePoint << 6 | (b & 0x3F);
        }
        position += length;
        return codePoint;
    }
}

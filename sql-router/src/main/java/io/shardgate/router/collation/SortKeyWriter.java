package io.shardgate.router.collation;

import java.util.Arrays;

/**
 * Turns a value's weights into bytes whose unsigned order is the collation's order.
 *
 * <p>Each weight is written big-endian in the collation's width (1, 2 or 3 bytes). A weight too large
 * for that width with a first byte below 0xFF (an unpaired byte's weight, or the rare 16-bit weight
 * 0xFF00 and up) is written as 0xFF and three bytes instead; since the first byte tells the two forms
 * apart, no weight's bytes are a prefix of another's and byte order follows weight order.
 *
 * <p>PAD SPACE: the value compares as if followed by endless spaces, so trailing spaces do not count,
 * yet {@code 'a \t' < 'a' < 'a b'}: how a space compares with the end depends on the first weight after
 * it that is not a space. So trailing spaces are dropped; every other space is written as the space's
 * weight plus a byte saying whether the next non-space weight is lower ({@value #SPACE_BEFORE_LOWER})
 * or higher ({@value #SPACE_BEFORE_HIGHER}) than a space; and the key ends with the space's weight plus
 * {@value #END}, which falls between the two. A plain prefix-free end would put {@code 'a'} before
 * {@code 'a\t'}, which the server sorts the other way.
 */
final class SortKeyWriter {

    static final int SPACE_BEFORE_LOWER = 0;
    static final int END = 1;
    static final int SPACE_BEFORE_HIGHER = 2;

    private static final int ESCAPE = 0xFF;

    private final int width;
    private final int escapeFrom;
    private byte[] bytes;
    private int length;

    SortKeyWriter(int width, int expectedWeights) {
        if (width < 1 || width > 3) {
            throw new IllegalArgumentException("weight width " + width);
        }
        this.width = width;
        this.escapeFrom = ESCAPE << (8 * (width - 1));
        this.bytes = new byte[Math.max(8, expectedWeights * width + 4)];
    }

    /** Writes all weights: a NO PAD key. */
    static byte[] noPad(int[] weights, int count, int width) {
        SortKeyWriter key = new SortKeyWriter(width, count);
        for (int i = 0; i < count; i++) {
            key.weight(weights[i]);
        }
        return key.toArray();
    }

    /** Writes the weights as described for PAD SPACE above. */
    static byte[] padSpace(int[] weights, int count, int width, int space) {
        int end = count;
        while (end > 0 && weights[end - 1] == space) {
            end--;
        }
        SortKeyWriter key = new SortKeyWriter(width, end + 2);
        int i = 0;
        while (i < end) {
            if (weights[i] != space) {
                key.weight(weights[i++]);
                continue;
            }
            int next = i;
            while (weights[next] == space) { // stops before end: trailing spaces are gone
                next++;
            }
            int marker = weights[next] < space ? SPACE_BEFORE_LOWER : SPACE_BEFORE_HIGHER;
            for (; i < next; i++) {
                key.weight(space);
                key.marker(marker);
            }
        }
        key.weight(space);
        key.marker(END);
        return key.toArray();
    }

    private void weight(int w) {
        if (w < escapeFrom) {
            ensure(width);
            for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
                bytes[length++] = (byte) (w >>> shift);
            }
        } else {
            ensure(4);
            bytes[length++] = (byte) ESCAPE;
            bytes[length++] = (byte) (w >>> 16);
            bytes[length++] = (byte) (w >>> 8);
            bytes[length++] = (byte) w;
        }
    }

    private void marker(int marker) {
        ensure(1);
        bytes[length++] = (byte) marker;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }

    private byte[] toArray() {
        return Arrays.copyOf(bytes, length);
    }
}

package io.shardgate.config;

/**
 * MurmurHash3_x86_32 (Austin Appleby's reference {@code MurmurHash3.cpp}), written out here so that
 * the consistent-hash ring is defined by the documentation alone and any client can rebuild it.
 */
final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    static int hash32(byte[] data, int seed) {
        int h = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int k = (data[4 * i] & 0xff) | (data[4 * i + 1] & 0xff) << 8
                    | (data[4 * i + 2] & 0xff) << 16 | (data[4 * i + 3] & 0xff) << 24;
            h ^= mixK(k);
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        // the last 1 to 3 bytes, little-endian, mixed in as one more (short) block
        int tail = data.length & 3;
        if (tail > 0) {
            int k = 0;
            for (int i = tail - 1; i >= 0; i--) {
                k = k << 8 | (data[4 * blocks + i] & 0xff);
            }
            h ^= mixK(k);
        }
        h ^= data.length;
        return fmix(h);
    }

    private static int mixK(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}

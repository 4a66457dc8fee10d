package io.shardgate.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code consistent-hash}: a ring of {@code count × virtualNodes} points, point {@code (i, v)} of
 * shard {@code i} at {@code murmur3_32("shard-" + i + "-" + v)}; a key goes to the first point at or
 * after its own hash (unsigned), wrapping around. Adding shard {@code count} only adds points, so the
 * only keys that move are those that move to the new shard.
 *
 * <p>A key hashes as the UTF-8 bytes of its canonical text: integers (also an integral
 * {@link BigDecimal}) as decimal digits, so {@code 7} and {@code '7'} land together; strings as they are.
 */
public final class ConsistentHash implements ShardFunction {

    public static final int DEFAULT_VIRTUAL_NODES = 160;

    private final int count;
    private final int virtualNodes;
    // ring points sorted by hash with the sign bit flipped, so that signed order is unsigned order
    private final int[] points;
    private final int[] shards;

    public ConsistentHash(int count, int virtualNodes) {
        if (count < 1 || virtualNodes < 1) {
            throw new IllegalArgumentException("count and virtualNodes must be at least 1, were " + count
                    + " and " + virtualNodes);
        }
        long size = (long) count * virtualNodes;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("count × virtualNodes is too large: " + size);
        }
        this.count = count;
        this.virtualNodes = virtualNodes;
        // hash in the high 32 bits, shard in the low ones: sorting orders by hash, then (for the rare
        // equal hashes) by shard, so the ring does not depend on the order points were made in
        long[] ring = new long[(int) size];
        int n = 0;
        for (int shard = 0; shard < count; shard++) {
            for (int v = 0; v < virtualNodes; v++) {
                int hash = hash("shard-" + shard + "-" + v);
                ring[n++] = (long) (hash ^ Integer.MIN_VALUE) << 32 | shard;
            }
        }
        Arrays.sort(ring);
        this.points = new int[ring.length];
        this.shards = new int[ring.length];
        for (int i = 0; i < ring.length; i++) {
            points[i] = (int) (ring[i] >> 32);
            shards[i] = (int) ring[i];
        }
    }

    public int count() {
        return count;
    }

    public int virtualNodes() {
        return virtualNodes;
    }

    @Override
    public int shardCount() {
        return count;
    }

    @Override
    public int shardOf(Object value) {
        if (value instanceof byte[] bytes) {
            return locate(Murmur3.hash32(bytes, 0));
        }
        String text = switch (value) {
            case String s -> s;
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case BigInteger b -> b.toString();
            case BigDecimal d -> IntegerKeys.integral(d, "consistent-hash").toString();
            case null, default -> throw new IllegalArgumentException(
                    "consistent-hash takes integer or string keys, not " + IntegerKeys.typeOf(value));
        };
        return locate(hash(text));
    }

    private int locate(int hash) {
        int key = hash ^ Integer.MIN_VALUE;
        // the first point at or after the key; past the last point the ring wraps to the first
        int low = 0;
        int high = points.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (points[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return shards[low == points.length ? 0 : low];
    }

    static int hash(String text) {
        return Murmur3.hash32(text.getBytes(StandardCharsets.UTF_8), 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistentHash other && count == other.count && virtualNodes == other.virtualNodes;
    }

    @Override
    public int hashCode() {
        return 31 * count + virtualNodes;
    }

    @Override
    public String toString() {
        return "ConsistentHash[count=" + count + ", virtualNodes=" + virtualNodes + "]";
    }
}

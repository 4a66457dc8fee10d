package io.shardgate.router;

import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/** A set of shard indexes a statement must visit; {@link #ALL} when the key does not narrow it. */
final class ShardSet {

    static final ShardSet ALL = new ShardSet(null);

    /** Null for ALL. */
    private final BitSet bits;

    private ShardSet(BitSet bits) {
        this.bits = bits;
    }

    static ShardSet of(int... indexes) {
        BitSet b = new BitSet();
        for (int i : indexes) {
            b.set(i);
        }
        return new ShardSet(b);
    }

    static ShardSet of(BitSet shards) {
        return new ShardSet((BitSet) shards.clone());
    }

    static ShardSet none() {
        return new ShardSet(new BitSet());
    }

    boolean isAll() {
        return bits == null;
    }

    boolean isEmpty() {
        return bits != null && bits.isEmpty();
    }

    ShardSet union(ShardSet other) {
        if (isAll() || other.isAll()) {
            return ALL;
        }
        BitSet b = (BitSet) bits.clone();
        b.or(other.bits);
        return new ShardSet(b);
    }

    ShardSet intersect(ShardSet other) {
        if (isAll()) {
            return other;
        }
        if (other.isAll()) {
            return this;
        }
        BitSet b = (BitSet) bits.clone();
        b.and(other.bits);
        return new ShardSet(b);
    }

    /** Indexes in ascending order, {@code 0..shardCount-1} when ALL. */
    List<Integer> indexes(int shardCount) {
        return (isAll() ? IntStream.range(0, shardCount) : bits.stream()).boxed().toList();
    }

    @Override
    public String toString() {
        return isAll() ? "ALL" : bits.toString();
    }
}

package io.shardgate.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code range}: integer keys go to the shard of the span that contains them, else to the default
 * shard. Keys are {@link Long}, {@link Integer}, {@link BigInteger} or an integral {@link BigDecimal}.
 *
 * @param name         the function's configured name, for messages
 * @param spans        non-overlapping, kept sorted by {@code from} (unbounded first)
 * @param defaultShard shard of keys outside every span, or null: such keys have no shard
 */
public record Range(String name, List<Span> spans, Integer defaultShard) implements ShardFunction {

    /**
     * The keys {@code from <= key < to}; a null bound is unbounded.
     */
    public record Span(Long from, Long to, int shard) {

        public Span {
            if (from != null && to != null && from >= to) {
                throw new IllegalArgumentException("from " + from + " must be less than to " + to);
            }
            if (shard < 0) {
                throw new IllegalArgumentException("shard must be at least 0, was " + shard);
            }
        }

        boolean overlaps(Span other) {
            return below(from, other.to) && below(other.from, to);
        }

        // from < to, where a null from is -infinity and a null to is +infinity
        private static boolean below(Long from, Long to) {
            return from == null || to == null || from < to;
        }

        @Override
        public String toString() {
            return (from == null ? "" : from) + ".." + (to == null ? "" : to) + " -> " + shard;
        }
    }

    private static final Comparator<Span> BY_FROM =
            Comparator.comparing(Span::from, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Range {
        Objects.requireNonNull(name, "name");
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a range function needs at least one span");
        }
        List<int[]> overlaps = overlaps(spans);
        if (!overlaps.isEmpty()) {
            int[] first = overlaps.getFirst();
            throw new IllegalArgumentException(
                    "span " + spans.get(first[1]) + " overlaps span " + spans.get(first[0]));
        }
        if (defaultShard != null && defaultShard < 0) {
            throw new IllegalArgumentException("defaultShard must be at least 0, was " + defaultShard);
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(BY_FROM);
        spans = List.copyOf(sorted);
    }

    /** Each pair {i, j} (i < j, positions in {@code spans}) of spans that share a key. */
    static List<int[]> overlaps(List<Span> spans) {
        List<int[]> pairs = new ArrayList<>();
        for (int j = 0; j < spans.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (spans.get(i).overlaps(spans.get(j))) {
                    pairs.add(new int[] {i, j});
                }
            }
        }
        return pairs;
    }

    /** One more than the highest shard a span or the default names. */
    @Override
    public int shardCount() {
        int highest = defaultShard == null ? 0 : defaultShard;
        for (Span span : spans) {
            highest = Math.max(highest, span.shard());
        }
        return highest + 1;
    }

    @Override
    public int shardOf(Object value) {
        Span span = switch (value) {
            case Long l -> spanOf(l);
            case Integer i -> spanOf(i);
            case null -> throw wrongType(null);
            default -> {
                BigInteger b = IntegerKeys.exact(value, "range function '" + name + "'");
                if (b == null) {
                    throw wrongType(value);
                }
                yield b.bitLength() < Long.SIZE ? spanOf(b.longValue()) : spanBeyondLong(b.signum());
            }
        };
        if (span != null) {
            return span.shard();
        }
        if (defaultShard != null) {
            return defaultShard;
        }
        throw new NoShardException("range function '" + name + "' has no shard for " + value
                + ": it is outside every range and there is no default");
    }

    // the last span starting at or below the key is the only one that can contain it
    private Span spanOf(long key) {
        int low = 0;
        int high = spans.size() - 1;
        Span candidate = null;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Span span = spans.get(mid);
            if (span.from() == null || span.from() <= key) {
                candidate = span;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return candidate != null && (candidate.to() == null || key < candidate.to()) ? candidate : null;
    }

    // a key beyond the long range is only in a span unbounded on its side
    private Span spanBeyondLong(int signum) {
        Span edge = signum < 0 ? spans.getFirst() : spans.getLast();
        return (signum < 0 ? edge.from() : edge.to()) == null ? edge : null;
    }

    /**
     * The shards of the spans that share a key with the interval, and the default shard when part of
     * the interval lies outside every span. Bounds are integers; a non-integral {@link BigDecimal} is
     * rounded inwards, as only integers lie between. Empty (ask every shard) for a bound of another type.
     */
    @Override
    public Optional<BitSet> shardsBetween(Object low, boolean lowInclusive, Object high, boolean highInclusive) {
        BigInteger lo;
        BigInteger hi;
        try {
            lo = low == null ? null : bound(low, lowInclusive, RoundingMode.CEILING, BigInteger.ONE);
            hi = high == null ? null : bound(high, highInclusive, RoundingMode.FLOOR, BigInteger.ONE.negate());
        } catch (IllegalArgumentException cannotTell) {
            return Optional.empty();
        }
        BitSet shards = new BitSet();
        if (lo != null && hi != null && lo.compareTo(hi) > 0) {
            return Optional.of(shards); // no integer lies between
        }
        // spans are sorted and disjoint: walk them keeping the first key of the interval not yet covered
        BigInteger uncovered = lo; // null: -infinity
        boolean coveredToInfinity = false;
        boolean gap = false;
        for (Span span : spans) {
            BigInteger from = span.from() == null ? null : BigInteger.valueOf(span.from());
            BigInteger to = span.to() == null ? null : BigInteger.valueOf(span.to());
            if (to != null && uncovered != null && to.compareTo(uncovered) <= 0) {
                continue; // ends before the interval (or before what is left of it)
            }
            if (from != null && hi != null && from.compareTo(hi) > 0) {
                break; // starts after the interval, as every later span does
            }
            shards.set(span.shard());
            if (from != null && (uncovered == null || from.compareTo(uncovered) > 0)) {
                gap = true; // the keys from `uncovered` to from - 1 are in no span
            }
            if (to == null) {
                coveredToInfinity = true;
                break;
            }
            uncovered = to;
        }
        if (!coveredToInfinity && (uncovered == null || hi == null || uncovered.compareTo(hi) <= 0)) {
            gap = true; // the interval goes on past the last span it met
        }
        if (gap && defaultShard != null) {
            shards.set(defaultShard);
        }
        return Optional.of(shards);
    }

    /** The first (or last) integer an interval bound admits. */
    private BigInteger bound(Object value, boolean inclusive, RoundingMode rounding, BigInteger step) {
        if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() > 0) {
            return d.setScale(0, rounding).toBigIntegerExact(); // 2.5 admits 3 as a low bound either way
        }
        BigInteger b = IntegerKeys.exact(value, "range function '" + name + "'");
        if (b == null) {
            throw wrongType(value);
        }
        return inclusive ? b : b.add(step);
    }

    private IllegalArgumentException wrongType(Object value) {
        return new IllegalArgumentException("range function '" + name + "' takes integer keys, not "
                + IntegerKeys.typeOf(value));
    }
}

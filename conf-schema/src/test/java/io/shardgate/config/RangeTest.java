package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.shardgate.config.Range.Span;
import io.shardgate.config.ShardFunction.NoShardException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeTest {

    /** The by_amount example of the documentation: 0..999 on shard 0, 1000..4999 on 1, the rest on 2. */
    private static final Range BY_AMOUNT = new Range("by_amount",
            List.of(new Span(0L, 1000L, 0), new Span(1000L, 5000L, 1)), 2);
    private static final Range NO_DEFAULT = new Range("strict",
            List.of(new Span(0L, 1000L, 0), new Span(1000L, 5000L, 1)), null);
    private static final BigInteger TWO_TO_70 = BigInteger.ONE.shiftLeft(70);

    @Test
    void shardCountIsOneMoreThanTheHighestShardNamed() {
        assertThat(BY_AMOUNT.shardCount()).isEqualTo(3);
        assertThat(NO_DEFAULT.shardCount()).isEqualTo(2);
        assertThat(new Range("gappy", List.of(new Span(0L, 10L, 3)), 1).shardCount()).isEqualTo(4);
        assertThat(new Range("low", List.of(new Span(0L, 10L, 0)), 5).shardCount()).isEqualTo(6);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,     0
            999,   0
            1000,  1
            4999,  1
            5000,  2
            -1,    2
            """)
    void fromIsInclusiveAndToExclusive(long key, int shard) {
        assertThat(BY_AMOUNT.shardOf(key)).isEqualTo(shard);
        assertThat(BY_AMOUNT.shardOf((int) key)).isEqualTo(shard);
        assertThat(BY_AMOUNT.shardOf(BigInteger.valueOf(key))).isEqualTo(shard);
        assertThat(BY_AMOUNT.shardOf(new BigDecimal(key + ".00"))).isEqualTo(shard);
    }

    @Test
    void unboundedEndsTakeEverythingBeyond() {
        Range range = new Range("open", List.of(new Span(null, 0L, 0), new Span(0L, 100L, 1), new Span(100L, null, 2)),
                null);
        assertThat(range.shardOf(Long.MIN_VALUE)).isEqualTo(0);
        assertThat(range.shardOf(-1L)).isEqualTo(0);
        assertThat(range.shardOf(0L)).isEqualTo(1);
        assertThat(range.shardOf(100L)).isEqualTo(2);
        assertThat(range.shardOf(Long.MAX_VALUE)).isEqualTo(2);
        assertThat(range.shardOf(TWO_TO_70)).isEqualTo(2);
        assertThat(range.shardOf(TWO_TO_70.negate())).isEqualTo(0);
    }

    @Test
    void integersBeyondLongAreOutsideBoundedSpans() {
        assertThat(BY_AMOUNT.shardOf(TWO_TO_70)).isEqualTo(2);
        assertThat(BY_AMOUNT.shardOf(TWO_TO_70.negate())).isEqualTo(2);
        // a span ending at Long.MAX_VALUE excludes it (to is exclusive), unlike an unbounded one
        Range upToMax = new Range("max", List.of(new Span(0L, Long.MAX_VALUE, 0)), 1);
        assertThat(upToMax.shardOf(Long.MAX_VALUE - 1)).isEqualTo(0);
        assertThat(upToMax.shardOf(Long.MAX_VALUE)).isEqualTo(1);
    }

    @Test
    void aKeyOutsideEveryRangeWithoutDefaultHasNoShard() {
        assertThatExceptionOfType(NoShardException.class).isThrownBy(() -> NO_DEFAULT.shardOf(5000L))
                .withMessage("range function 'strict' has no shard for 5000: it is outside every range and there"
                        + " is no default");
        assertThatExceptionOfType(NoShardException.class).isThrownBy(() -> NO_DEFAULT.shardOf(TWO_TO_70))
                .withMessageContaining("no shard for " + TWO_TO_70);
    }

    @Test
    void takesOnlyIntegerKeys() {
        assertThatIllegalArgumentException().isThrownBy(() -> BY_AMOUNT.shardOf("12"))
                .withMessage("range function 'by_amount' takes integer keys, not String");
        assertThatIllegalArgumentException().isThrownBy(() -> BY_AMOUNT.shardOf(new BigDecimal("12.5")))
                .withMessage("range function 'by_amount' takes integer keys; 12.5 is not an integer");
        assertThatIllegalArgumentException().isThrownBy(() -> BY_AMOUNT.shardOf(1.0))
                .withMessage("range function 'by_amount' takes integer keys, not Double");
    }

    @Test
    void spansAreKeptSortedWhateverTheOrderGiven() {
        Range reversed = new Range("by_amount", List.of(new Span(1000L, 5000L, 1), new Span(0L, 1000L, 0)), 2);
        assertThat(reversed).isEqualTo(BY_AMOUNT);
        assertThat(reversed.spans()).extracting(Span::from).containsExactly(0L, 1000L);
    }

    @Test
    void spansMustNotOverlapOrBeEmpty() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Range("r", List.of(new Span(0L, 1000L, 0), new Span(999L, 2000L, 1)), null))
                .withMessage("span 999..2000 -> 1 overlaps span 0..1000 -> 0");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Range("r", List.of(new Span(null, 10L, 0), new Span(null, 20L, 1)), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new Span(10L, 10L, 0))
                .withMessage("from 10 must be less than to 10");
        assertThatIllegalArgumentException().isThrownBy(() -> new Span(0L, 10L, -1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Range("r", List.of(), 0));
    }

    @Test
    void overlapsNamesEveryPair() {
        List<Span> spans = List.of(new Span(0L, 10L, 0), new Span(5L, 15L, 1), new Span(20L, 30L, 2),
                new Span(null, null, 3));
        assertThat(Range.overlaps(spans)).containsExactly(new int[] {0, 1}, new int[] {0, 3}, new int[] {1, 3},
                new int[] {2, 3});
        // touching spans share no key: to is exclusive
        assertThat(Range.overlaps(List.of(new Span(0L, 10L, 0), new Span(10L, 20L, 1)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,    true,  999,  true,  '0'
            0,    true,  1000, true,  '0, 1'
            0,    true,  1000, false, '0'
            999,  false, 1000, true,  '1'
            500,  true,  6000, true,  '0, 1, 2'
            -5,   true,  10,   true,  '0, 2'
            6000, true,  7000, true,  '2'
            5,    false, 6,    false, ''
            5,    true,  5,    false, ''
            7,    true,  3,    true,  ''
            ,     true,  500,  true,  '0, 2'
            1000, true,  ,     true,  '1, 2'
            ,     true,  ,     true,  '0, 1, 2'
            """)
    void shardsBetweenAreThoseWhoseRangesMeetTheInterval(Long low, boolean lowInclusive, Long high,
            boolean highInclusive, String shards) {
        assertThat(BY_AMOUNT.shardsBetween(low, lowInclusive, high, highInclusive)).hasValue(bits(shards));
    }

    @Test
    void withoutDefaultOnlyTheRangesCount() {
        assertThat(NO_DEFAULT.shardsBetween(6000L, true, 7000L, true)).hasValue(new BitSet());
        assertThat(NO_DEFAULT.shardsBetween(500L, true, 6000L, true)).hasValue(bits("0, 1"));
        assertThat(NO_DEFAULT.shardsBetween(null, true, null, true)).hasValue(bits("0, 1"));
    }

    @Test
    void theDefaultShardCountsOnlyWhenPartOfTheIntervalIsInNoRange() {
        Range gappy = new Range("gappy", List.of(new Span(0L, 10L, 0), new Span(20L, 30L, 1)), 2);
        assertThat(gappy.shardsBetween(0L, true, 9L, true)).hasValue(bits("0"));
        assertThat(gappy.shardsBetween(0L, true, 10L, true)).hasValue(bits("0, 2"));
        assertThat(gappy.shardsBetween(10L, true, 19L, true)).hasValue(bits("2"));
        assertThat(gappy.shardsBetween(10L, true, 20L, true)).hasValue(bits("1, 2"));
        assertThat(gappy.shardsBetween(9L, false, 20L, false)).hasValue(bits("2"));
        assertThat(gappy.shardsBetween(5L, true, 25L, true)).hasValue(bits("0, 1, 2"));

        Range covering = new Range("all", List.of(new Span(null, 0L, 0), new Span(0L, null, 1)), 2);
        assertThat(covering.shardsBetween(null, true, null, true)).hasValue(bits("0, 1"));
        assertThat(covering.shardsBetween(-5L, true, -1L, true)).hasValue(bits("0"));
    }

    @Test
    void boundsOfOtherIntegerTypes() {
        assertThat(BY_AMOUNT.shardsBetween(new BigDecimal("2.5"), true, new BigDecimal("999.5"), true))
                .hasValue(bits("0"));
        // only the integer 1000 lies between
        assertThat(BY_AMOUNT.shardsBetween(new BigDecimal("999.5"), false, new BigDecimal("1000.5"), false))
                .hasValue(bits("1"));
        assertThat(BY_AMOUNT.shardsBetween(new BigDecimal("999.00"), false, 1000, true)).hasValue(bits("1"));
        assertThat(BY_AMOUNT.shardsBetween(TWO_TO_70, true, null, true)).hasValue(bits("2"));
        assertThat(BY_AMOUNT.shardsBetween(TWO_TO_70.negate(), true, 0L, true)).hasValue(bits("0, 2"));
    }

    @Test
    void cannotTellForBoundsOfOtherTypes() {
        assertThat(BY_AMOUNT.shardsBetween("a", true, "z", true)).isEmpty();
        assertThat(BY_AMOUNT.shardsBetween(null, true, 2.5, true)).isEmpty();
    }

    /** Every interval within a window, against asking shardOf for each key in it. */
    @Test
    void agreesWithShardOfForEveryKeyInTheInterval() {
        Random random = new Random(42);
        List<Range> functions = List.of(
                new Range("small", List.of(new Span(0L, 10L, 0), new Span(10L, 25L, 1)), 2),
                new Range("strict", List.of(new Span(0L, 10L, 0), new Span(10L, 25L, 1)), null),
                new Range("gappy", List.of(new Span(-10L, -5L, 0), new Span(0L, 3L, 1), new Span(3L, 8L, 0),
                        new Span(20L, 40L, 2)), 3),
                new Range("open", List.of(new Span(null, -3L, 1), new Span(10L, null, 0)), null));
        for (Range range : functions) {
            for (int i = 0; i < 1_000; i++) {
                long low = random.nextInt(-60, 60);
                long high = low + random.nextInt(-3, 40);
                boolean lowInclusive = random.nextBoolean();
                boolean highInclusive = random.nextBoolean();
                boolean unboundedLow = random.nextInt(8) == 0;
                boolean unboundedHigh = random.nextInt(8) == 0;
                // all spans of the small functions lie within -20..50, so the window stands for infinity
                long first = unboundedLow ? -200 : lowInclusive ? low : low + 1;
                long last = unboundedHigh ? 200 : highInclusive ? high : high - 1;
                BitSet expected = new BitSet();
                for (long key = first; key <= last; key++) {
                    try {
                        expected.set(range.shardOf(key));
                    } catch (NoShardException none) {
                        // no shard holds it
                    }
                }
                assertThat(range.shardsBetween(unboundedLow ? null : low, lowInclusive,
                        unboundedHigh ? null : high, highInclusive))
                        .as("%s %s%s, %s%s", range.name(), lowInclusive ? "[" : "(", unboundedLow ? "" : low,
                                unboundedHigh ? "" : high, highInclusive ? "]" : ")")
                        .hasValue(expected);
            }
        }
    }

    private static BitSet bits(String shards) {
        BitSet bits = new BitSet();
        for (String shard : shards.isBlank() ? new String[0] : shards.split(",")) {
            bits.set(Integer.parseInt(shard.strip()));
        }
        return bits;
    }
}

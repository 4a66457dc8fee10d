package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConsistentHashTest {

    private static final int KEYS = 100_000;

    @Test
    void countIsTheShardCount() {
        assertThat(new ConsistentHash(4, 160).shardCount()).isEqualTo(4);
        assertThat(new ConsistentHash(4, 160)).isEqualTo(new ConsistentHash(4, 160))
                .isNotEqualTo(new ConsistentHash(4, 100));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsistentHash(0, 160));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConsistentHash(4, 0));
    }

    @Test
    void keysSpreadRoughlyEvenly() {
        ConsistentHash ring = new ConsistentHash(4, ConsistentHash.DEFAULT_VIRTUAL_NODES);
        int[] perShard = new int[4];
        for (long key = 0; key < KEYS; key++) {
            perShard[ring.shardOf(key)]++;
        }
        double mean = KEYS / 4.0;
        assertThat(Arrays.stream(perShard).boxed().toList()).as(Arrays.toString(perShard))
                .allSatisfy(n -> assertThat(n).isBetween((int) (mean * 0.75), (int) (mean * 1.25)));
    }

    @Test
    void aFifthShardTakesAFairShareOnlyFromTheOthers() {
        ConsistentHash four = new ConsistentHash(4, ConsistentHash.DEFAULT_VIRTUAL_NODES);
        ConsistentHash five = new ConsistentHash(5, ConsistentHash.DEFAULT_VIRTUAL_NODES);
        int moved = 0;
        for (int i = 0; i < KEYS; i++) {
            String key = "user-" + i;
            int before = four.shardOf(key);
            int after = five.shardOf(key);
            if (before != after) {
                moved++;
                assertThat(after).as("key %s moved from %d", key, before).isEqualTo(4);
            }
        }
        assertThat(moved).isBetween(KEYS / 10, KEYS * 3 / 10);
    }

    @Test
    void integersAndTheirTextLandTogether() {
        ConsistentHash ring = new ConsistentHash(7, 160);
        for (long key = -500; key < 500; key++) {
            int shard = ring.shardOf(key);
            assertThat(ring.shardOf(Long.toString(key))).isEqualTo(shard);
            assertThat(ring.shardOf((int) key)).isEqualTo(shard);
            assertThat(ring.shardOf(BigInteger.valueOf(key))).isEqualTo(shard);
            assertThat(ring.shardOf(new BigDecimal(key + ".000"))).isEqualTo(shard);
        }
        BigInteger big = BigInteger.ONE.shiftLeft(80);
        assertThat(ring.shardOf(big)).isEqualTo(ring.shardOf(big.toString()));
    }

    /** The ring as the documentation defines it, built and searched the plain way. */
    @Test
    void keysGoToTheFirstRingPointAtOrAfterTheirHash() {
        int count = 3;
        int virtualNodes = 5;
        long[][] points = new long[count * virtualNodes][];
        for (int shard = 0; shard < count; shard++) {
            for (int v = 0; v < virtualNodes; v++) {
                points[shard * virtualNodes + v] = new long[] {unsigned("shard-" + shard + "-" + v), shard};
            }
        }
        Arrays.sort(points, (a, b) -> Long.compare(a[0], b[0]));
        ConsistentHash ring = new ConsistentHash(count, virtualNodes);
        for (int i = 0; i < 5_000; i++) {
            String key = "k" + i;
            long hash = unsigned(key);
            int expected = (int) Arrays.stream(points).filter(p -> p[0] >= hash).findFirst().orElse(points[0])[1];
            assertThat(ring.shardOf(key)).as(key).isEqualTo(expected);
        }
    }

    @Test
    void stringsHashTheirUtf8Bytes() {
        ConsistentHash ring = new ConsistentHash(4, 160);
        // "été" and the same text decomposed (e + combining accent) are different bytes
        assertThat(ConsistentHash.hash("\u00e9t\u00e9")).isNotEqualTo(ConsistentHash.hash("e\u0301te\u0301"));
        assertThat(ConsistentHash.hash("abc")).isEqualTo(0xB3DD93FA);
        assertThat(ring.shardOf("")).isBetween(0, 3);
    }

    @Test
    void rejectsOtherKeyTypes() {
        ConsistentHash ring = new ConsistentHash(4, 160);
        assertThatIllegalArgumentException().isThrownBy(() -> ring.shardOf(new BigDecimal("1.5")))
                .withMessage("consistent-hash takes integer keys; 1.5 is not an integer");
        assertThatIllegalArgumentException().isThrownBy(() -> ring.shardOf(2.0))
                .withMessage("consistent-hash takes integer or string keys, not Double");
        assertThat(ring.shardsBetween(1L, true, 10L, true)).isEmpty();
    }

    private static long unsigned(String text) {
        return Integer.toUnsignedLong(ConsistentHash.hash(text));
    }
}

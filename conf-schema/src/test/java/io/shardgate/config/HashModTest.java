package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashModTest {

    @Test
    void countIsTheShardCount() {
        assertThat(new HashMod(4).shardCount()).isEqualTo(4);
        assertThatIllegalArgumentException().isThrownBy(() -> new HashMod(0));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0,   4, 0
            5,   4, 1
            7,   2, 1
            -1,  4, 3
            -4,  4, 0
            -5,  4, 3
            -5,  3, 1
            42,  1, 0
            """)
    void integersGoToTheirFloorMod(long value, int count, int shard) {
        assertThat(new HashMod(count).shardOf(value)).isEqualTo(shard);
        assertThat(new HashMod(count).shardOf(BigInteger.valueOf(value))).isEqualTo(shard);
        assertThat(new HashMod(count).shardOf((int) value)).isEqualTo(shard);
    }

    @Test
    void longExtremes() {
        // 9223372036854775807 ends in 7; -9223372036854775808 = -922337203685477581 * 10 + 2
        assertThat(new HashMod(10).shardOf(Long.MAX_VALUE)).isEqualTo(7);
        assertThat(new HashMod(10).shardOf(Long.MIN_VALUE)).isEqualTo(2);
        assertThat(new HashMod(1000).shardOf(Long.MAX_VALUE)).isEqualTo(807);
        assertThat(new HashMod(1000).shardOf(Long.MIN_VALUE)).isEqualTo(192);
        assertThat(new HashMod(7).shardOf(Long.MIN_VALUE)).isEqualTo(6);
        assertThat(new HashMod(Integer.MAX_VALUE).shardOf(Long.MIN_VALUE))
                .isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).mod(BigInteger.valueOf(Integer.MAX_VALUE)).intValue());
    }

    @Test
    void integersBeyondLongAgreeWithTheSameValueAsLong() {
        BigInteger twoTo64 = BigInteger.ONE.shiftLeft(64); // 18446744073709551616
        assertThat(new HashMod(10).shardOf(twoTo64)).isEqualTo(6);
        assertThat(new HashMod(10).shardOf(twoTo64.negate())).isEqualTo(4);
        assertThat(new HashMod(3).shardOf(twoTo64)).isEqualTo(1);
        assertThat(new HashMod(7).shardOf(BigInteger.ONE.shiftLeft(100).add(BigInteger.valueOf(5)))).isEqualTo(0);
        // a BigInteger that fits a long lands where the long does
        assertThat(new HashMod(10).shardOf(BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(2);
    }

    @Test
    void theReferenceCrcIsTheStandardOne() {
        // the published CRC-32 check values
        assertThat(crc32("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xCBF43926L);
        assertThat(crc32("abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x352441C2L);
    }

    @Test
    void stringsGoByTheCrc32OfTheirUtf8Bytes() {
        // CRC32("abc") = 0x352441C2 = 891568578
        assertThat(new HashMod(2).shardOf("abc")).isEqualTo(0);
        assertThat(new HashMod(7).shardOf("abc")).isEqualTo(5);
        assertThat(new HashMod(10).shardOf("abc")).isEqualTo(8);
        assertThat(new HashMod(10).shardOf("123456789")).isEqualTo((int) (0xCBF43926L % 10));
        assertThat(new HashMod(10).shardOf("")).isEqualTo(0);
    }

    @Test
    void multibyteStringsHashTheirUtf8Encoding() {
        byte[] eAcute = {(byte) 0xC3, (byte) 0xA9};
        byte[] nihongo = {(byte) 0xE6, (byte) 0x97, (byte) 0xA5, (byte) 0xE6, (byte) 0x9C, (byte) 0xAC,
                (byte) 0xE8, (byte) 0xAA, (byte) 0x9E};
        byte[] partyPopper = {(byte) 0xF0, (byte) 0x9F, (byte) 0x8E, (byte) 0x89}; // outside the BMP

        for (int count : new int[] {2, 3, 7, 10, 1024}) {
            HashMod hashMod = new HashMod(count);
            assertThat(hashMod.shardOf("\u00e9")).isEqualTo((int) (crc32(eAcute) % count));
            assertThat(hashMod.shardOf("\u65e5\u672c\u8a9e")).isEqualTo((int) (crc32(nihongo) % count));
            assertThat(hashMod.shardOf("\ud83c\udf89")).isEqualTo((int) (crc32(partyPopper) % count));
        }
        // and not of another encoding: Latin-1 "é" (one byte 0xE9) would give shard 5 of 10
        assertThat(new HashMod(10).shardOf("\u00e9")).isEqualTo(6);
    }

    @Test
    void everyShardIsInRange() {
        HashMod hashMod = new HashMod(7);
        for (long v = -1_000; v <= 1_000; v++) {
            assertThat(hashMod.shardOf(v)).isBetween(0, 6);
            assertThat(hashMod.shardOf("key" + v)).isBetween(0, 6);
        }
    }

    @Test
    void integralDecimalsCountAsTheirInteger() {
        HashMod hashMod = new HashMod(4);
        assertThat(hashMod.shardOf(new BigDecimal("5.00"))).isEqualTo(1);
        assertThat(hashMod.shardOf(new BigDecimal("5"))).isEqualTo(1);
        assertThat(hashMod.shardOf(new BigDecimal("-1.0"))).isEqualTo(3);
        assertThat(hashMod.shardOf(new BigDecimal("1E+3"))).isEqualTo(0);
        assertThat(hashMod.shardOf(new BigDecimal("18446744073709551616.000"))).isEqualTo(0);
        assertThat(new HashMod(10).shardOf(new BigDecimal("18446744073709551616.000"))).isEqualTo(6);
    }

    @Test
    void fractionsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HashMod(4).shardOf(new BigDecimal("5.5")))
                .withMessage("hash-mod takes integer keys; 5.5 is not an integer");
        assertThatIllegalArgumentException().isThrownBy(() -> new HashMod(4).shardOf(new BigDecimal("0.001")))
                .withMessage("hash-mod takes integer keys; 0.001 is not an integer");
    }

    @Test
    void absurdlyLargeDecimalsAreRejectedQuickly() {
        // as a BigInteger this would have a billion digits
        assertThatIllegalArgumentException().isThrownBy(() -> new HashMod(4).shardOf(new BigDecimal("1E+999999999")))
                .withMessageContaining("at most 65 digits");
    }

    @Test
    void rejectsOtherKeyTypes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HashMod(2).shardOf(1.5))
                .withMessageContaining("Double");
    }

    /** Bit-at-a-time CRC-32 (reflected polynomial 0xEDB88320), independent of java.util.zip. */
    private static long crc32(byte[] bytes) {
        int crc = 0xFFFFFFFF;
        for (byte b : bytes) {
            crc ^= b & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
            }
        }
        return ~crc & 0xFFFFFFFFL;
    }
}

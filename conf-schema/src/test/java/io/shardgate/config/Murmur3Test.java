package io.shardgate.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Murmur3Test {

    /** Published MurmurHash3_x86_32 test vectors (SMHasher's verification values, as widely quoted). */
    @Test
    void matchesThePublishedVectors() {
        assertThat(Murmur3.hash32(new byte[0], 0)).isEqualTo(0);
        assertThat(Murmur3.hash32(new byte[0], 1)).isEqualTo(0x514E28B7);
        assertThat(Murmur3.hash32(new byte[0], 0xFFFFFFFF)).isEqualTo(0x81F16F39);
        assertThat(Murmur3.hash32(new byte[] {0, 0, 0, 0}, 0)).isEqualTo(0x2362F9DE);
        assertThat(Murmur3.hash32(new byte[] {0x21, 0x43, 0x65, (byte) 0x87}, 0)).isEqualTo(0xF55B516B);
        assertThat(Murmur3.hash32(new byte[] {0x21, 0x43, 0x65}, 0)).isEqualTo(0x7E4A8634);
        assertThat(hash("abc", 0)).isEqualTo(0xB3DD93FA);
        assertThat(hash("The quick brown fox jumps over the lazy dog", 0)).isEqualTo(0x2E4FF723);
    }

    @Test
    void everyTailLength() {
        int seed = 0x9747B28C;
        assertThat(hash("a", seed)).isEqualTo(0x7FA09EA6);
        assertThat(hash("ab", seed)).isEqualTo(0x74875592);
        assertThat(hash("abc", seed)).isEqualTo(0xC84A62DD);
        assertThat(hash("abcd", seed)).isEqualTo(0xF0478627);
        assertThat(hash("aaaa", seed)).isEqualTo(0x5A97808A);
        assertThat(hash("Hello, world!", seed)).isEqualTo(0x24884CBA);
        assertThat(hash("The quick brown fox jumps over the lazy dog", seed)).isEqualTo(0x2FA826CD);
    }

    private static int hash(String text, int seed) {
        return Murmur3.hash32(text.getBytes(StandardCharsets.UTF_8), seed);
    }
}

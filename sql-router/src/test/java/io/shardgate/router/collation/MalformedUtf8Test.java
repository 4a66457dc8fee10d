package io.shardgate.router.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bytes that are not well-formed UTF-8 never come from the server, so their order is our decision (see
 * the package documentation): each such byte weighs more than any character, by its value.
 */
class MalformedUtf8Test {

    private static final List<String> UTF8_AND_SINGLE_BYTE = List.of("utf8mb4_general_ci", "utf8mb4_bin",
            "utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci", "utf8mb4_general_nopad_ci", "utf8mb4_nopad_bin",
            "utf8mb3_general_ci", "utf8mb3_bin", "utf8mb3_unicode_ci", "latin1_swedish_ci", "latin1_bin",
            "latin1_general_ci", "ascii_general_ci", "ascii_bin");

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertOrdered(Collation c, byte[] lower, byte[] higher) {
        assertThat(c.compare(lower, higher)).as("%s: compare", c).isNegative();
        assertThat(c.compare(higher, lower)).as("%s: reversed", c).isPositive();
        assertThat(Arrays.compareUnsigned(c.sortKey(lower), c.sortKey(higher))).as("%s: sort keys", c).isNegative();
    }

    @Test
    void aStrayByteSortsAfterEveryCharacterAtTheSamePosition() {
        for (String name : UTF8_AND_SINGLE_BYTE) {
            Collation c = Collations.byName(name).orElseThrow();
            assertOrdered(c, utf8("a\uFFFF"), bytes('a', 0x80));
            assertOrdered(c, utf8("a\uD83D\uDE80"), bytes('a', 0x80));
            assertOrdered(c, utf8("a\u00FF"), bytes('a', 0xFF));
            assertOrdered(c, utf8("a"), bytes('a', 0xFF));
            assertOrdered(c, utf8("a "), bytes('a', 0xFF));
            // ...but the text before it still decides first
            assertOrdered(c, bytes('a', 0xFF), utf8("b"));
        }
    }

    @Test
    void strayBytesCompareByValueAndEqualOnlyThemselves() {
        for (String name : UTF8_AND_SINGLE_BYTE) {
            Collation c = Collations.byName(name).orElseThrow();
            assertOrdered(c, bytes(0x80), bytes(0x81));
            assertOrdered(c, bytes(0xC3), bytes(0xFF));
            assertThat(c.compare(bytes(0x80, 'x'), bytes(0x80, 'x'))).isZero();
            assertThat(c.sortKey(bytes(0x80, 'x'))).isEqualTo(c.sortKey(bytes(0x80, 'x')));
            // the byte is not the character '?' the server would have made of it, nor a latin1 'é'
            assertThat(c.compare(bytes(0xE9), utf8("?"))).isPositive();
            assertThat(c.compare(bytes(0xE9), utf8("\u00E9"))).isPositive();
        }
    }

    @Test
    void illFormedSequencesAreTakenOneByteAtATime() {
        Collation c = Collations.byName("utf8mb4_bin").orElseThrow();
        // overlong NUL, a surrogate, a code point past U+10FFFF, a truncated é: none is a character
        assertThat(c.compare(bytes(0xC0, 0x80), bytes(0))).isPositive();
        assertThat(c.compare(bytes(0xED, 0xA0, 0x80), utf8("\uFFFF"))).isPositive();
        assertThat(c.compare(bytes(0xF4, 0x90, 0x80, 0x80), utf8("\uDBFF\uDFFF"))).isPositive();
        assertThat(c.compare(bytes('a', 0xC3), utf8("a\u00E9"))).isPositive();
        // C3 alone weighs less than C3 A9 taken as two stray bytes, which weigh C3 then A9
        assertOrdered(c, bytes(0xC3), bytes(0xC3, 0x20, 0xA9));
        // a stray continuation byte, then well-formed text again
        assertOrdered(c, bytes(0xA9, 'a'), bytes(0xA9, 'b'));
    }

    @Test
    void binaryComparesTheRawBytes() {
        Collation binary = Collations.byId(63).orElseThrow();
        assertOrdered(binary, utf8("\u00E9"), bytes(0xE9));
        assertOrdered(binary, bytes(0x7F), bytes(0x80));
        assertThat(binary.sortKey(bytes(0xC3, 0xFF, 0))).containsExactly(0xC3, 0xFF, 0);
    }
}

package io.shardgate.router.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values that differ only in what follows the first character, in the order MariaDB 10.11.19 gave
 * them (STRCMP of each adjacent pair, in every collation listed): with PAD SPACE a value compares as if
 * padded with spaces, so a tab after the 'a' sorts it before 'a' and a 'b' after; with NO PAD a prefix
 * comes first.
 */
class PadSpaceTest {

    private static final List<String> PAD = List.of("utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_unicode_ci",
            "utf8mb4_unicode_520_ci", "utf8mb3_general_ci", "utf8mb3_bin", "utf8mb3_unicode_ci",
            "latin1_swedish_ci", "latin1_bin", "latin1_general_ci", "ascii_general_ci", "ascii_bin");
    private static final List<String> NO_PAD = List.of("binary", "utf8mb4_general_nopad_ci", "utf8mb4_nopad_bin");

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int keyOrder(Collation c, String a, String b) {
        return Integer.signum(Arrays.compareUnsigned(c.sortKey(utf8(a)), c.sortKey(utf8(b))));
    }

    private static void assertAscending(Collation c, String... values) {
        for (int i = 1; i < values.length; i++) {
            byte[] lower = utf8(values[i - 1]);
            byte[] higher = utf8(values[i]);
            assertThat(c.compare(lower, higher)).as("%s: %s < %s", c, values[i - 1], values[i]).isNegative();
            assertThat(keyOrder(c, values[i - 1], values[i])).as("%s: sort key", c).isNegative();
        }
    }

    @Test
    void padSpaceIgnoresTrailingSpacesButNotWhatFollowsThem() {
        for (String name : PAD) {
            Collation c = Collations.byName(name).orElseThrow();
            assertThat(c.padSpace()).isTrue();
            assertAscending(c, "a\t", "a\n", "a \t", "a", "a  b", "a b", "ab");
            for (String same : List.of("a ", "a  ", "a                                ")) {
                assertThat(c.compare(utf8("a"), utf8(same))).isZero();
                assertThat(c.sortKey(utf8(same))).isEqualTo(c.sortKey(utf8("a")));
            }
            assertThat(c.sortKey(utf8(""))).isEqualTo(c.sortKey(utf8("   ")));
            assertAscending(c, "\t", "", "!");
        }
    }

    @Test
    void noPadCountsEveryByte() {
        for (String name : NO_PAD) {
            Collation c = Collations.byName(name).orElseThrow();
            assertThat(c.padSpace()).isFalse();
            assertAscending(c, "", "\t", " ", "a", "a\t", "a ", "a  ", "a b", "ab");
            assertAscending(c, "a", "a\u0000");
        }
    }

    @Test
    void spaceWeightedCharactersPadLikeASpaceInUnicodeCollations() {
        // U+00A0 and U+3000 weigh exactly as a space under UCA: trailing, they are padding too
        for (String name : List.of("utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci", "utf8mb3_unicode_ci")) {
            Collation c = Collations.byName(name).orElseThrow();
            assertThat(c.compare(utf8("a\u00A0\u3000"), utf8("a"))).isZero();
            assertThat(c.sortKey(utf8("a\u00A0\u3000"))).isEqualTo(c.sortKey(utf8("a ")));
        }
        Collation general = Collations.byName("utf8mb4_general_ci").orElseThrow();
        assertThat(general.compare(utf8("a\u00A0"), utf8("a"))).isPositive();
    }
}

package io.shardgate.router.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-picked pairs whose order MariaDB 10.11.19 gave: {@code STRCMP(a, b)} with both sides converted
 * from utf8mb4 to the collation's charset ({@code _binary} literals of the UTF-8 bytes for binary). One
 * symbol per collation in {@link #COLUMNS}' order: '<', '=' or '>'.
 */
class ServerVerifiedCasesTest {

    private static final List<String> COLUMNS = List.of(
            "binary", "utf8mb4_general_ci", "utf8mb4_bin", "utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci",
            "utf8mb4_general_nopad_ci", "utf8mb4_nopad_bin", "utf8mb3_general_ci", "utf8mb3_bin",
            "utf8mb3_unicode_ci", "latin1_swedish_ci", "latin1_bin", "latin1_general_ci", "ascii_general_ci",
            "ascii_bin");

    private record Case(String a, String b, String expected) {
    }

    // Recorded from MariaDB 10.11.19-MariaDB-0+deb12u1 as the class comment says.
    private static final List<Case> CASES = List.of(
            row("abc", "ABC", ">=>===>=>==>==>"),
            row("\u00e9", "e", ">=>===>=>==>><<"),
            row("\u00c9", "e", ">=>===>=>==>><<"),
            row("\u00df", "s", ">=>>>=>=>>>>><<"),
            row("\u00df", "ss", "><>==<><>=>>><<"),
            row("\ufb01", "fi", ">>>==>>>>=<<<<<"),
            row("\ud83d\ude00", "\ud83d\ude80", "<=<=<=<========"),
            row("\ud83d\ude00", "\ufffd", ">=>>>=><<<====="),
            row("\ud83d\ude00", "?", ">>>>>>>========"),
            row("\ud83d\ude00", "a", ">>>>>>><<<<<<<<"),
            row("a", "a ", "<====<<========"),
            row("a", "a  ", "<====<<========"),
            row("a\t", "a", "><<<<>><<<<<<<<"),
            row("a\n", "a", "><<<<>><<<<<<<<"),
            row("a \t", "a", "><<<<>><<<<<<<<"),
            row("a", "a b", "<<<<<<<<<<<<<<<"),
            row("", "", "==============="),
            row("", " ", "<====<<========"),
            row("", "\t", "<>>>><<>>>>>>>>"),
            row("", "a", "<<<<<<<<<<<<<<<"),
            row("a\u0000", "a", "><<==>><<=<<<<<"),
            row("\u0000", "", "><<==>><<=<<<<<"),
            row("a\u0000b", "ab", "<<<==<<<<=<<<<<"),
            row("\u00c5", "A", ">=>===>=>=>>><<"),
            row("\u00c4", "Z", "><><<<><><>><<<"),
            row("\u00f8", "o", ">>>>=>>>>>>>><<"),
            row("\u00c6", "AE", ">>>>=>>>>>>>><<"),
            row("\u00ff", "y", ">=>===>=>=>>><<"),
            row("\u20ac", "E", ">>><<>>>><>>><<"),
            row("\u0152", "OE", ">>>==>>>>=>>><<"),
            row("\u0161", "s", ">=>===>=>=>>><<"),
            row("\u0081", "\u0080", ">>>==>>>>=>>>=="),
            row("\u03c3", "\u03c2", ">=>===>=>======"),
            row("\u03a3", "\u03c3", "<=<===<=<======"),
            row("\u0131", "I", ">=>>>=>=>><<<<<"),
            row("i", "I", ">=>===>=>==>==>"),
            row("\u0451", "\u0435", ">=>===>=>======"),
            row("\u4e2d", "\u56fd", "<<<<<<<<<<====="),
            row("\uff21", "A", ">>>==>>>>=<<<<<"),
            row("a\u00a0", "a", ">>>==>>>>=>>>>>"),
            row("\u00a0", " ", ">>>==>>>>=>>>>>"),
            row("a\u0301", "\u00e1", "<><==><><=><<>>"),
            row("x\u0301", "x", ">>>==>>>>=>>>>>"),
            row("Stra\u00dfe", "STRASSE", "><>==<><>=>>><>"),
            row("\u2126", "\u03a9", ">>>==>>>>======"),
            row("\u212a", "K", ">>>==>>>>=<<<<<"),
            row("\u01c6", "d\u017e", ">>>==>>>>=<<<<<")
    );

    private static Case row(String a, String b, String expected) {
        return new Case(a, b, expected);
    }

    @Test
    void everyCaseComparesAsTheServerDid() {
        List<String> mismatches = new ArrayList<>();
        for (Case c : CASES) {
            assertThat(c.expected()).hasSize(COLUMNS.size());
            for (int i = 0; i < COLUMNS.size(); i++) {
                Collation collation = Collations.byName(COLUMNS.get(i)).orElseThrow();
                byte[] a = c.a().getBytes(StandardCharsets.UTF_8);
                byte[] b = c.b().getBytes(StandardCharsets.UTF_8);
                char expected = c.expected().charAt(i);
                char compared = symbol(collation.compare(a, b));
                char reversed = symbol(-collation.compare(b, a));
                char keys = symbol(Arrays.compareUnsigned(collation.sortKey(a), collation.sortKey(b)));
                if (compared != expected || reversed != expected || keys != expected) {
                    mismatches.add(collation + ": " + escape(c.a()) + " vs " + escape(c.b()) + " expected " + expected
                            + ", compare " + compared + ", reversed " + reversed + ", sort keys " + keys);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void equalValuesHaveEqualSortKeys() {
        for (Case c : CASES) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (c.expected().charAt(i) == '=') {
                    Collation collation = Collations.byName(COLUMNS.get(i)).orElseThrow();
                    assertThat(collation.sortKey(c.a().getBytes(StandardCharsets.UTF_8)))
                            .as("%s: %s vs %s", collation, escape(c.a()), escape(c.b()))
                            .isEqualTo(collation.sortKey(c.b().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static char symbol(int sign) {
        return sign < 0 ? '<' : sign == 0 ? '=' : '>';
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder("'");
        s.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp)
                : String.format("\\u{%X}", cp)));
        return out.append('\'').toString();
    }
}

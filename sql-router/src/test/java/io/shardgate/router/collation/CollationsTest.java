package io.shardgate.router.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CollationsTest {

    // id, PAD SPACE: as MariaDB 10.11.19's information_schema.COLLATIONS and 'a' = 'a ' report them.
    private static final Map<String, Object[]> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("binary", new Object[] {63, false}),
            Map.entry("utf8mb4_general_ci", new Object[] {45, true}),
            Map.entry("utf8mb4_bin", new Object[] {46, true}),
            Map.entry("utf8mb4_unicode_ci", new Object[] {224, true}),
            Map.entry("utf8mb4_unicode_520_ci", new Object[] {246, true}),
            Map.entry("utf8mb4_general_nopad_ci", new Object[] {1069, false}),
            Map.entry("utf8mb4_nopad_bin", new Object[] {1070, false}),
            Map.entry("utf8mb3_general_ci", new Object[] {33, true}),
            Map.entry("utf8mb3_bin", new Object[] {83, true}),
            Map.entry("utf8mb3_unicode_ci", new Object[] {192, true}),
            Map.entry("latin1_swedish_ci", new Object[] {8, true}),
            Map.entry("latin1_bin", new Object[] {47, true}),
            Map.entry("latin1_general_ci", new Object[] {48, true}),
            Map.entry("ascii_general_ci", new Object[] {11, true}),
            Map.entry("ascii_bin", new Object[] {65, true})));

    @Test
    void findsEveryCollationByIdAndByName() {
        assertThat(Collations.all()).hasSize(EXPECTED.size());
        EXPECTED.forEach((name, idAndPad) -> {
            Collation byName = Collations.byName(name).orElseThrow();
            assertThat(byName.name()).isEqualTo(name);
            assertThat(byName.id()).isEqualTo(idAndPad[0]);
            assertThat(byName.padSpace()).as(name).isEqualTo(idAndPad[1]);
            assertThat(Collations.byId(byName.id())).containsSame(byName);
        });
    }

    @Test
    void namesAreCaseInsensitiveAndUtf8MeansUtf8mb3() {
        assertThat(Collations.byName("UTF8MB4_Unicode_CI").orElseThrow().id()).isEqualTo(224);
        assertThat(Collations.byName("utf8_general_ci").orElseThrow().name()).isEqualTo("utf8mb3_general_ci");
        assertThat(Collations.byName("utf8_bin").orElseThrow().id()).isEqualTo(83);
    }

    @Test
    void unknownCollationsAreEmpty() {
        assertThat(Collations.byId(224 + 1)).isEmpty();
        assertThat(Collations.byId(-1)).isEmpty();
        assertThat(Collations.byName("utf8mb4_czech_ci")).isEmpty();
        assertThat(Collations.byName("")).isEmpty();
    }
}

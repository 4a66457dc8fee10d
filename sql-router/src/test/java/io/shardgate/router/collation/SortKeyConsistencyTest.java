package io.shardgate.router.collation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property-style: on random values, sort keys order and equate exactly as compare does. */
class SortKeyConsistencyTest {

    private static final long SEED = 0x5EED_C011L;
    private static final int VALUES = 1_500;
    private static final int PAIRS = 20_000;

    // Few characters, many of them equal under some collation, so that ties and near-ties are common.
    private static final String[] PIECES = {
        "a", "A", "\u00e1", "\u00c1", "\u00e4", "ae", "s", "ss", "\u00df", "S", "e", "\u00e9", "o", "\u00f8",
        " ", " ", "  ", "\t", "\n", "\u0000", "\u00a0", "\u3000", "\u0301", "?", "\u20ac", "\u0152", "\u0081",
        "\u03c3", "\u03c2", "\u03a3", "\u0436", "\u0416", "\u4e2d", "\u56fd", "\ufb01", "fi", "\ufffd",
        "\ud83d\ude00", "\ud83d\ude80", "\ud83c\udf89", "\u2126", "\u212a", "k", "z", "\u01c6", "\ufdfb",
    };
    private static final byte[][] STRAY = {{(byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};

    private static List<byte[]> randomValues(Random random) {
        List<byte[]> values = new ArrayList<>();
        values.add(new byte[0]);
        while (values.size() < VALUES) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                byte[] piece = random.nextInt(40) == 0 ? STRAY[random.nextInt(STRAY.length)]
                        : PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
                value.writeBytes(piece);
            }
            values.add(value.toByteArray());
        }
        return values;
    }

    @Test
    void sortKeysAgreeWithCompareOnRandomPairs() {
        for (Collation c : Collations.all()) {
            Random random = new Random(SEED);
            List<byte[]> values = randomValues(random);
            List<byte[]> keys = values.stream().map(c::sortKey).toList();
            for (int n = 0; n < PAIRS; n++) {
                int i = random.nextInt(values.size());
                int j = random.nextInt(values.size());
                int compared = Integer.signum(c.compare(values.get(i), values.get(j)));
                assertThat(Integer.signum(c.compare(values.get(j), values.get(i)))).isEqualTo(-compared);
                assertThat(Integer.signum(Arrays.compareUnsigned(keys.get(i), keys.get(j))))
                        .as("%s: %s vs %s", c, hex(values.get(i)), hex(values.get(j)))
                        .isEqualTo(compared);
                assertThat(Arrays.equals(keys.get(i), keys.get(j))).isEqualTo(compared == 0);
            }
        }
    }

    @Test
    void sortingByCompareAndBySortKeyGiveTheSameOrder() {
        for (Collation c : Collations.all()) {
            List<byte[]> values = new ArrayList<>(randomValues(new Random(SEED + c.id())));
            values.sort(c::compare); // TimSort also notices many inconsistent orders on its own
            for (int i = 1; i < values.size(); i++) {
                byte[] previous = c.sortKey(values.get(i - 1));
                byte[] current = c.sortKey(values.get(i));
                int byCompare = Integer.signum(c.compare(values.get(i - 1), values.get(i)));
                assertThat(byCompare).isLessThanOrEqualTo(0);
                assertThat(Integer.signum(Arrays.compareUnsigned(previous, current)))
                        .as("%s: %s then %s", c, hex(values.get(i - 1)), hex(values.get(i)))
                        .isEqualTo(byCompare);
            }
            List<byte[]> byKey = new ArrayList<>(values);
            byKey.sort(Comparator.comparing(c::sortKey, Arrays::compareUnsigned));
            for (int i = 0; i < values.size(); i++) {
                assertThat(c.compare(byKey.get(i), values.get(i))).isZero();
            }
        }
    }

    private static String hex(byte[] value) {
        return HexFormat.of().formatHex(value);
    }
}

package io.shardgate.router.collation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The table format PackTables.java writes, read back from hand-made tables. */
class WeightTableTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream data;

    WeightTableTest() throws IOException {
        data = new DataOutputStream(new GZIPOutputStream(bytes));
    }

    private void header(int magic, int runs) throws IOException {
        data.writeInt(magic);
        data.writeInt(1);
        data.writeInt(runs);
    }

    private void run(int first, int length, int mask, int... base) throws IOException {
        data.writeInt(first);
        data.writeInt(length);
        data.writeByte(base.length);
        data.writeByte(mask);
        for (int w : base) {
            data.writeShort(w);
        }
    }

    private WeightTable read() throws IOException {
        data.close();
        return WeightTable.read(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static int[] weights(WeightTable table, int unit) {
        int[] out = new int[Weights.MAX_PER_CHARACTER];
        return Arrays.copyOf(out, table.weigh(unit, out));
    }

    @Test
    void expandsRunsWithTheirSteps() throws IOException {
        header(0x53475754, 6);
        run(0x00, 0x20, 0, 0x0100);              // 32 control characters, all one weight
        run(0x20, 3, 1, 0x0020);                 // space, !, " counting up
        run(0x41, 2, 0, 0x0E33, 0x0E33);         // an expansion, the same for both
        run(0x43, 1, 0);                         // an ignorable
        run(0x10000, 0x8000, 2, 0xFBC2, 0x8000); // implicit weights: the second one counts up
        run(0x20000, 1, 0, 0xFFFD);
        WeightTable table = read();

        assertThat(weights(table, 0x1F)).containsExactly(0x0100);
        assertThat(weights(table, 0x22)).containsExactly(0x0022);
        assertThat(weights(table, 0x42)).containsExactly(0x0E33, 0x0E33);
        assertThat(weights(table, 0x43)).isEmpty();
        assertThat(weights(table, 0x10005)).containsExactly(0xFBC2, 0x8005);
        assertThat(weights(table, 0x20000)).containsExactly(0xFFFD);
        assertThat(table.spaceWeight()).isEqualTo(0x20);
        assertThat(table.single(0x21, -1)).isEqualTo(0x21);
        assertThat(table.single(0x23, -1)).isEqualTo(-1);
        assertThat(table.single(0x18000, -1)).isEqualTo(-1);
        assertThatThrownBy(() -> weights(table, 0x40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> weights(table, 0x18000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> weights(table, 0x20001)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnotherFormat() throws IOException {
        header(0x12345678, 0);
        assertThatThrownBy(this::read).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsARunCrossingIntoTheSupplementaryPlanes() throws IOException {
        header(0x53475754, 1);
        run(0xFFFF, 2, 0, 0x0001);
        assertThatThrownBy(this::read).isInstanceOf(IOException.class);
    }
}

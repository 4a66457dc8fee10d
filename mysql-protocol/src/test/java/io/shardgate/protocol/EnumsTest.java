package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnumsTest {

    @Test
    void capabilityBitsAreTheProtocolsAndDistinct() {
        assertThat(Capability.LONG_PASSWORD.bit()).isEqualTo(1);
        assertThat(Capability.PROTOCOL_41.bit()).isEqualTo(512);
        assertThat(Capability.SSL.bit()).isEqualTo(2048);
        assertThat(Capability.SECURE_CONNECTION.bit()).isEqualTo(32768);
        assertThat(Capability.PLUGIN_AUTH.bit()).isEqualTo(1 << 19);
        assertThat(Capability.DEPRECATE_EOF.bit()).isEqualTo(1 << 24);
        assertThat(Arrays.stream(Capability.values()).mapToInt(Capability::bit).reduce(0, (a, b) -> a | b))
                .isEqualTo((1 << 25) - 1);

        int flags = Capability.bits(Capability.PROTOCOL_41, Capability.SECURE_CONNECTION);
        assertThat(flags).isEqualTo(0x8200);
        assertThat(Capability.PROTOCOL_41.in(flags)).isTrue();
        assertThat(Capability.SSL.in(flags)).isFalse();
        assertThat(Capability.setIn(flags | 1 << 30)).isEqualTo(EnumSet.of(Capability.PROTOCOL_41, Capability.SECURE_CONNECTION));
        assertThat(Capability.bits()).isZero();
    }

    @Test
    void serverStatusAndColumnFlagBits() {
        assertThat(ServerStatus.bits(ServerStatus.AUTOCOMMIT, ServerStatus.NO_INDEX_USED)).isEqualTo(0x22);
        assertThat(ServerStatus.SESSION_STATE_CHANGED.bit()).isEqualTo(16384);
        assertThat(ServerStatus.setIn(0x22)).containsExactly(ServerStatus.AUTOCOMMIT, ServerStatus.NO_INDEX_USED);
        assertThat(ColumnFlag.setIn(0x4203)).containsExactly(
                ColumnFlag.NOT_NULL, ColumnFlag.PRI_KEY, ColumnFlag.AUTO_INCREMENT, ColumnFlag.PART_KEY);
        assertThat(ColumnFlag.NUM.bit()).isEqualTo(32768);
        assertThat(ColumnFlag.bits(ColumnFlag.BLOB, ColumnFlag.BINARY)).isEqualTo(0x90);
    }

    @Test
    void commandsByCode() {
        assertThat(Command.of(0x03)).contains(Command.COM_QUERY);
        assertThat(Command.of(0x00)).contains(Command.COM_SLEEP);
        assertThat(Command.of(0x1f)).contains(Command.COM_RESET_CONNECTION);
        assertThat(Command.of(0x1e)).isEmpty();
        assertThat(Command.of(0xFF)).isEmpty();
        assertThat(Command.of(-1)).isEmpty();
        assertThat(Command.of(256)).isEmpty();
        for (Command c : Command.values()) {
            assertThat(Command.of(c.code())).isEqualTo(Optional.of(c));
        }
    }

}

package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packets of COM_SET_OPTION, COM_PROCESS_KILL, COM_DEBUG, COM_RESET_CONNECTION, KILL and a
 * stored procedure's several results: round trips, and the answers as MariaDB 10.11 wrote them
 * (captured by {@code tools/capture/capture_wire.py}).
 */
class WireCommandPacketsTest {

    private static final int AUTOCOMMIT = ServerStatus.AUTOCOMMIT.bit();
    private static final int MORE_RESULTS = ServerStatus.bits(ServerStatus.AUTOCOMMIT, ServerStatus.MORE_RESULTS_EXISTS);

    private static byte[] bytes(java.util.function.Consumer<ByteBuf> write) {
        ByteBuf buf = Unpooled.buffer();
        write.accept(buf);
        return ByteBufUtil.getBytes(buf);
    }

    @Test
    void setOptionRoundTripsAndRefusesATruncatedOption() {
        for (int option : new int[] {SetOption.MULTI_STATEMENTS_ON, SetOption.MULTI_STATEMENTS_OFF, 5, 0xFFFF}) {
            SetOption packet = new SetOption(option);
            byte[] written = bytes(packet::write);
            assertThat(written).hasSize(3).startsWith(0x1b);
            assertThat(CapturedPacketsTest.fully(Unpooled.wrappedBuffer(written), SetOption::read)).isEqualTo(packet);
        }
        // MariaDB takes a 1-byte option as option 0 (captured in set-option-short.hex); here it is malformed
        assertThatThrownBy(() -> SetOption.read(Unpooled.wrappedBuffer(new byte[] {0x1b, 0x00})))
                .isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> SetOption.read(Unpooled.wrappedBuffer(new byte[] {0x0c, 0, 0})))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("command 0xc");
        assertThatThrownBy(() -> new SetOption(0x10000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void processKillRoundTripsWithAnUnsignedId() {
        for (long id : new long[] {0, 7, 0xFFFF_FFFFL}) {
            ProcessKill packet = new ProcessKill(id);
            assertThat(CapturedPacketsTest.fully(Unpooled.wrappedBuffer(bytes(packet::write)), ProcessKill::read)).isEqualTo(packet);
        }
        assertThat(bytes(new ProcessKill(999_999)::write)).isEqualTo(HexFormat.of().parseHex("0c3f420f00"));
        assertThatThrownBy(() -> ProcessKill.read(Unpooled.wrappedBuffer(new byte[] {0x0c, 1, 2})))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void setOptionAndDebugAreAnsweredWithEofOrTheOkThatReplacesIt() {
        List<byte[]> plain = Captured.packets("set-option");
        List<byte[]> deprecated = Captured.packets("set-option-deprecate-eof");
        ServerPacket eof = new EofPacket(0, AUTOCOMMIT);
        ServerPacket endOk = new OkPacket(0, 0, AUTOCOMMIT, 0, "").asResultSetEnd();
        // multi-statements on, then off: each answered the same way
        assertThat(Encoded.frames(1, eof)).isEqualTo(plain.getFirst()).isEqualTo(plain.get(11))
                .isEqualTo(Captured.packet("debug"));
        assertThat(Encoded.frames(1, endOk)).isEqualTo(deprecated.getFirst()).isEqualTo(deprecated.get(9))
                .isEqualTo(Captured.packet("debug-deprecate-eof"));
        // an unknown option is an unknown command
        assertThat(Encoded.frames(1, new ErrPacket(1047, "08S01", "Unknown command"))).isEqualTo(plain.getLast())
                .isEqualTo(Captured.packet("unknown-command"));
    }

    @Test
    void resetConnectionIsAnsweredWithAPlainOk() {
        assertThat(Encoded.frames(1, OkPacket.of(AUTOCOMMIT))).isEqualTo(Captured.packets("reset-connection").getFirst());
    }

    @Test
    void killErrorsAsMariaDbWordsThem() {
        List<byte[]> captured = Captured.packets("kill-errors");
        assertThat(Encoded.frames(1, new ErrPacket(1094, "HY000", "Unknown thread id: 999999")))
                .isEqualTo(captured.get(0)).isEqualTo(captured.get(1));
        String victim = ErrPacket.read(Captured.payloadBuf(captured.get(2))).message().replaceAll("\\D+", "");
        assertThat(Encoded.frames(1, new ErrPacket(1095, "HY000", "You are not owner of thread " + victim)))
                .isEqualTo(captured.get(2)).isEqualTo(captured.get(3)).isEqualTo(captured.get(4));
        ErrPacket interrupted = new ErrPacket(1317, "70100", "Query execution was interrupted");
        assertThat(Encoded.frames(4, interrupted)).isEqualTo(Captured.packets("kill-query").get(4));
        assertThat(Encoded.frames(1, interrupted)).isEqualTo(Captured.packets("kill-self").getFirst());
        assertThat(Encoded.frames(1, new ErrPacket(1927, "70100", "Connection was killed")))
                .isEqualTo(Captured.packets("kill-self").getLast());
    }

    @Test
    void procedureResultsAreFlaggedMoreResultsUpToTheClosingOk() {
        ServerPacket[] packets = {
            new ColumnCountPacket(1), column("a", 63, 1, 3, 0x81, 0), new EofPacket(0, MORE_RESULTS),
            new TextResultRow(new byte[][] {"1".getBytes()}), new EofPacket(0, MORE_RESULTS),
            new ColumnCountPacket(2), column("b", 45, 4, 253, 0x01, 39), column("c", 63, 1, 3, 0x81, 0), new EofPacket(0, MORE_RESULTS),
            new TextResultRow(new byte[][] {"x".getBytes(), "2".getBytes()}), new EofPacket(0, MORE_RESULTS),
            OkPacket.of(AUTOCOMMIT),
        };
        assertThat(Encoded.frames(1, packets)).isEqualTo(Captured.stream("call-two-results"));
        assertThat(Encoded.frames(1, OkPacket.of(AUTOCOMMIT))).isEqualTo(Captured.packet("call-no-result"));
        assertThat(Encoded.frames(1, new ErrPacket(1312, "0A000",
                "PROCEDURE capdb.two_results can't return a result set in the given context")))
                .isEqualTo(Captured.packet("call-without-multi-results"));
    }

    /**
     * A column of a table-less SELECT, as MariaDB describes one (no schema, table or original
     * name); strings have 39 decimals, MariaDB's NOT_FIXED_DEC.
     */
    private static ColumnDefinition41 column(String name, int charset, long length, int type, int flags, int decimals) {
        return new ColumnDefinition41("", "", "", name, "", charset, length, type, flags, decimals);
    }
}

package io.shardgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.shardgate.config.ServerConfig;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ColumnCountPacket;
import io.shardgate.protocol.EofPacket;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.ProcessKill;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.SetOption;
import io.shardgate.protocol.TextResultRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The commands around SQL at the byte level, without backends: compression (plain and under TLS),
 * COM_SET_OPTION, COM_DEBUG, COM_RESET_CONNECTION, COM_STATISTICS, COM_PROCESS_KILL and KILL with
 * MariaDB's ownership rule. Replies are compared with what MariaDB 10.11 sent (the fixtures of
 * mysql-protocol's WireCommandPacketsTest) where the answer is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireCommandsProtocolTest {

    static final int COM_QUERY = 0x03;
    static final int COM_PING = 0x0e;
    static final int COM_DEBUG = 0x0d;
    static final int COM_STATISTICS = 0x09;
    static final int COM_RESET_CONNECTION = 0x1f;

    private ShardGateServer server;

    @BeforeAll
    void start() throws Exception {
        server = NoBackendProxy.start("""
                - { name: app, password: secret, schemas: [shop] }
                - { name: nopass, password: '', schemas: [shop] }
                - { name: boss, password: boss, schemas: [shop], manager: true }
                """, new ServerConfig("127.0.0.1", 0, 0, 4096));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    RawClient loggedIn(String user, String password, int extraCapabilities) throws Exception {
        return loggedIn(server.port(), user, password, extraCapabilities);
    }

    static RawClient loggedIn(int port, String user, String password, int extraCapabilities) throws Exception {
        RawClient c = new RawClient(port);
        byte[] ok = c.login(user, password, "shop", "mysql_native_password", RawClient.BASE_CAPABILITIES | extraCapabilities);
        assertThat(ok[0]).as("OK after login").isZero();
        if (Capability.COMPRESS.in(extraCapabilities)) {
            c.compress();
        }
        return c;
    }

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.replace(" ", ""));
    }

    static ErrPacket err(byte[] payload) {
        return ErrPacket.read(Unpooled.wrappedBuffer(payload));
    }

    /** The values of a one-row text result that starts with {@code first}. */
    static List<String> row(RawClient c, byte[] first, boolean deprecateEof) throws Exception {
        assertThat(first[0]).as("a result set, not %s", HexFormat.of().formatHex(first)).isNotIn((byte) 0, (byte) 0xFF);
        int columns = ColumnCountPacket.read(Unpooled.wrappedBuffer(first)).count();
        for (int i = 0; i < columns + (deprecateEof ? 0 : 1); i++) {
            c.read();
        }
        TextResultRow row = TextResultRow.read(Unpooled.wrappedBuffer(c.read()), columns);
        assertThat(c.read()[0]).as("end of the result").isEqualTo((byte) 0xFE);
        List<String> values = new ArrayList<>();
        for (byte[] v : row.values()) {
            values.add(v == null ? null : new String(v, StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void compressionStartsAfterTheLoginOkAndCarriesCommandsAndResults() throws Exception {
        try (RawClient c = loggedIn("app", "secret", Capability.COMPRESS.bit())) {
            assertThat(c.command(COM_PING, "")).isEqualTo(hex("00 0000 0200 0000"));
            assertThat(c.compressedPackets).singleElement().satisfies(p -> {
                assertThat(p.sequenceId()).isEqualTo(1); // the reply follows the client's compressed packet 0
                assertThat(p.uncompressedLength()).isZero(); // 11 bytes: under the compression threshold
            });
            assertThat(row(c, c.command(COM_QUERY, "SELECT 'a string long enough' AS a, @@version_comment AS b"), false))
                    .containsExactly("a string long enough", "ShardGate sharding proxy");
            assertThat(c.compressedPackets.getLast().uncompressedLength()).as("a result over 50 bytes is deflated").isPositive();
        }
    }

    @Test
    void twoCommandsInOneCompressedPacketAreBothAnswered() throws Exception {
        try (RawClient c = loggedIn("app", "secret", Capability.COMPRESS.bit())) {
            byte[] ping = RawClient.frame(0, new byte[] {COM_PING});
            byte[] both = new byte[ping.length * 2];
            System.arraycopy(ping, 0, both, 0, ping.length);
            System.arraycopy(ping, 0, both, ping.length, ping.length);
            c.writeRaw(CompressedFrames.packet(0, both));
            assertThat(c.read()[0]).isZero();
            assertThat(c.read()[0]).isZero();
        }
    }

    @Test
    void compressionRunsInsideTls() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            int caps = RawClient.BASE_CAPABILITIES | Capability.COMPRESS.bit();
            c.startTls(caps);
            assertThat(c.login("app", "secret", "shop", "mysql_native_password", caps)[0]).isZero();
            c.compress();
            assertThat(row(c, c.command(COM_QUERY, "SELECT DATABASE()"), false)).containsExactly("shop");
            assertThat(c.compressedPackets).isNotEmpty();
        }
    }

    @Test
    void setOptionSwitchesMultiStatementsLikeMariaDb() throws Exception {
        for (int deprecateEof : new int[] {0, Capability.DEPRECATE_EOF.bit()}) {
            try (RawClient c = loggedIn("app", "secret", deprecateEof)) {
                assertThat(err(c.command(COM_QUERY, "SELECT 1; SELECT 2")).errorCode()).isEqualTo(1064);
                byte[] answer = deprecateEof == 0 ? hex("fe 0000 0200") : hex("fe 00 00 0200 0000");
                assertThat(setOption(c, SetOption.MULTI_STATEMENTS_ON)).isEqualTo(answer);
                byte[] first = c.command(COM_QUERY, "SELECT 1; SELECT 2");
                assertThat(first[0]).isEqualTo((byte) 1);
                for (int i = 0; i < (deprecateEof == 0 ? 9 : 7); i++) {
                    c.read(); // the rest of both results
                }
                assertThat(setOption(c, SetOption.MULTI_STATEMENTS_OFF)).isEqualTo(answer);
                assertThat(err(c.command(COM_QUERY, "SELECT 1; SELECT 2")).message()).contains("CLIENT_MULTI_STATEMENTS");
                ErrPacket unknown = err(setOption(c, 5));
                assertThat(unknown.errorCode()).isEqualTo(1047);
                assertThat(unknown.sqlState()).isEqualTo("08S01");
                c.write(0, new byte[] {SetOption.COMMAND, 0});
                assertThat(err(c.read()).errorCode()).as("a truncated option").isEqualTo(1835);
                assertThat(c.command(COM_PING, "")[0]).isZero();
            }
        }
    }

    private static byte[] setOption(RawClient c, int option) throws Exception {
        byte[] payload = new byte[3];
        new SetOption(option).write(Unpooled.wrappedBuffer(payload).writerIndex(0));
        c.write(0, payload);
        return c.read();
    }

    @Test
    void debugIsAnsweredWithEofAndStatisticsInMariaDbsFormat() throws Exception {
        try (RawClient c = loggedIn("app", "secret", 0)) {
            assertThat(c.command(COM_DEBUG, "")).isEqualTo(hex("fe 0000 0200"));
            assertThat(new String(c.command(COM_STATISTICS, ""), StandardCharsets.UTF_8)).matches(
                    "Uptime: \\d+  Threads: \\d+  Questions: \\d+  Slow queries: 0  Opens: 0  Open tables: 0"
                            + "  Queries per second avg: \\d+\\.\\d{3}");
        }
        try (RawClient c = loggedIn("app", "secret", Capability.DEPRECATE_EOF.bit())) {
            assertThat(c.command(COM_DEBUG, "")).isEqualTo(hex("fe 00 00 0200 0000"));
        }
    }

    @Test
    void resetConnectionForgetsTheSessionButKeepsUserSchemaAndOptions() throws Exception {
        try (RawClient c = loggedIn("app", "secret", 0)) {
            assertThat(setOption(c, SetOption.MULTI_STATEMENTS_ON)[0]).isEqualTo((byte) 0xFE);
            assertThat(c.command(COM_QUERY, "SET @myvar = 7")[0]).isZero();
            OkPacket off = OkPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SET autocommit = 0")));
            assertThat(off.statusFlags() & ServerStatus.AUTOCOMMIT.bit()).isZero();
            // MariaDB's answer exactly (reset-connection.hex)
            assertThat(c.command(COM_RESET_CONNECTION, "")).isEqualTo(hex("00 0000 0200 0000"));
            assertThat(c.lastSequence).isEqualTo(1);
            assertThat(row(c, c.command(COM_QUERY, "SELECT @myvar"), false)).containsExactly((String) null);
            assertThat(row(c, c.command(COM_QUERY, "SELECT DATABASE(), @@autocommit, USER()"), false))
                    .containsExactly("shop", "1", "app@127.0.0.1");
            byte[] multi = c.command(COM_QUERY, "SELECT 1; SELECT 2");
            assertThat(multi[0]).as("multi-statements stay on, as MariaDB keeps the client's options").isEqualTo((byte) 1);
        }
    }

    @Test
    void resetConnectionClosesPreparedStatementsOfBothKinds() throws Exception {
        try (RawClient c = loggedIn("app", "secret", 0)) {
            byte[] prepared = c.command(io.shardgate.protocol.Command.COM_STMT_PREPARE.code(), "SELECT 1");
            long id = io.shardgate.protocol.StmtPrepareOk.read(Unpooled.wrappedBuffer(prepared)).statementId();
            c.read(); // the column
            c.read(); // EOF
            assertThat(c.command(COM_QUERY, "PREPARE s FROM 'SELECT 2'")[0]).isZero();
            assertThat(c.command(COM_RESET_CONNECTION, "")[0]).isZero();
            c.write(0, RawClient.bytes(new io.shardgate.protocol.StmtExecute(id, 0, 1, List.of(), true, List.of())));
            assertThat(err(c.read()).errorCode()).as("the protocol statement is gone").isEqualTo(1243);
            assertThat(err(c.command(COM_QUERY, "EXECUTE s")).errorCode()).as("the SQL statement is gone").isEqualTo(1243);
        }
    }

    private static byte[] processKill(RawClient c, long id) throws Exception {
        byte[] payload = new byte[5];
        new ProcessKill(id).write(Unpooled.wrappedBuffer(payload).writerIndex(0));
        c.write(0, payload);
        return c.read();
    }

    @Test
    void killNeedsTheSameUserOrAManagerAndNamesUnknownIds() throws Exception {
        try (RawClient victim = loggedIn("app", "secret", 0);
             RawClient stranger = loggedIn("nopass", "", 0);
             RawClient colleague = loggedIn("app", "secret", 0)) {
            long id = victim.greeting.connectionId();
            for (byte[] refused : List.of(stranger.command(COM_QUERY, "KILL " + id),
                    stranger.command(COM_QUERY, "KILL QUERY " + id), processKill(stranger, id))) {
                assertThat(refused).isEqualTo(RawClient.bytes(new ErrPacket(1095, "HY000", "You are not owner of thread " + id)));
            }
            for (byte[] unknown : List.of(colleague.command(COM_QUERY, "KILL 999999"), processKill(colleague, 999999))) {
                assertThat(unknown).isEqualTo(RawClient.bytes(new ErrPacket(1094, "HY000", "Unknown thread id: 999999")));
            }
            // an idle connection's KILL QUERY changes nothing for it (kill-query-idle.hex)
            assertThat(colleague.command(COM_QUERY, "KILL QUERY " + id)[0]).isZero();
            assertThat(victim.command(COM_PING, "")[0]).isZero();
            assertThat(processKill(colleague, id)).isEqualTo(hex("00 0000 0200 0000"));
            assertThat(victim.closedByServer()).as("killed connection closed without a word").isTrue();
            assertThat(colleague.command(COM_PING, "")[0]).isZero();
        }
    }

    @Test
    void managersKillAnyConnectionFromEitherPort() throws Exception {
        try (RawClient victim = loggedIn("nopass", "", 0); RawClient other = loggedIn("app", "secret", 0);
             RawClient boss = loggedIn("boss", "boss", 0)) {
            assertThat(boss.command(COM_QUERY, "KILL CONNECTION " + victim.greeting.connectionId())[0]).isZero();
            assertThat(victim.closedByServer()).isTrue();
            try (RawClient manager = new RawClient(server.managerPort())) {
                assertThat(manager.login("boss", "boss", null, "mysql_native_password", RawClient.BASE_CAPABILITIES)[0]).isZero();
                assertThat(manager.command(COM_QUERY, "kill query " + other.greeting.connectionId())[0]).isZero();
                assertThat(other.command(COM_PING, "")[0]).isZero();
                assertThat(manager.command(COM_QUERY, "kill " + other.greeting.connectionId())[0]).isZero();
                assertThat(other.closedByServer()).isTrue();
            }
        }
    }

    @Test
    void killingTheOwnQueryOrConnectionAnswersAsMariaDb() throws Exception {
        try (RawClient c = loggedIn("app", "secret", 0)) {
            long id = c.greeting.connectionId();
            // the KILL QUERY statement interrupts itself (kill-self.hex), and the connection goes on
            assertThat(c.command(COM_QUERY, "KILL QUERY " + id))
                    .isEqualTo(RawClient.bytes(new ErrPacket(1317, "70100", "Query execution was interrupted")));
            assertThat(row(c, c.command(COM_QUERY, "SELECT 1"), false)).containsExactly("1");
            assertThat(c.command(COM_QUERY, "KILL " + id))
                    .isEqualTo(RawClient.bytes(new ErrPacket(1927, "70100", "Connection was killed")));
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = loggedIn("app", "secret", 0)) {
            assertThat(err(processKill(c, c.greeting.connectionId())).errorCode()).isEqualTo(1927);
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void eofPacketsAnsweringCommandsCarryTheSessionStatus() throws Exception {
        try (RawClient c = loggedIn("app", "secret", 0)) {
            c.command(COM_QUERY, "SET autocommit = 0");
            assertThat(EofPacket.read(Unpooled.wrappedBuffer(c.command(COM_DEBUG, ""))).statusFlags()).isZero();
        }
    }
}

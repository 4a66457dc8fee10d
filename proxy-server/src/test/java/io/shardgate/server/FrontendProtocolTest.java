package io.shardgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardgate.config.ServerConfig;
import io.shardgate.protocol.AuthSwitchRequest;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ColumnCountPacket;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.EofPacket;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.NativePassword;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.TextResultRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The front end at the byte level, without backends: login, the auth switch, locally answered
 * queries, multi-statements, and what happens to broken or oversized input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FrontendProtocolTest {

    private static final int COM_QUIT = 0x01;
    private static final int COM_INIT_DB = 0x02;
    private static final int COM_QUERY = 0x03;
    private static final int COM_PING = 0x0e;

    private ShardGateServer server;

    @BeforeAll
    void start() throws Exception {
        server = NoBackendProxy.start("""
                - { name: app, password: secret, schemas: [shop] }
                - { name: nopass, password: '', schemas: [shop] }
                """, new ServerConfig("127.0.0.1", 0, 0, 4096));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private RawClient loggedIn(int extraCapabilities) throws Exception {
        RawClient c = new RawClient(server.port());
        byte[] ok = c.login("app", "secret", "shop", "mysql_native_password", RawClient.BASE_CAPABILITIES | extraCapabilities);
        assertThat(ok[0]).as("OK after login").isEqualTo((byte) 0x00);
        return c;
    }

    @Test
    void greetingAnnouncesNativePasswordAndMariaDbStyleVersion() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.greeting.authPluginName()).isEqualTo("mysql_native_password");
            assertThat(c.greeting.authPluginData()).hasSize(20);
            assertThat(c.greeting.serverVersion()).startsWith("5.5.5-").endsWith("-ShardGate");
            assertThat(Capability.PROTOCOL_41.in(c.greeting.capabilities())).isTrue();
            assertThat(Capability.SSL.in(c.greeting.capabilities())).isTrue(); // a generated certificate
        }
    }

    @Test
    void wrongPasswordGets1045AndTheConnectionIsClosed() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.login("app", "nope", null, "mysql_native_password", RawClient.BASE_CAPABILITIES);
            ErrPacket err = ErrPacket.read(Unpooled.wrappedBuffer(reply));
            assertThat(err.errorCode()).isEqualTo(1045);
            assertThat(err.sqlState()).isEqualTo("28000");
            assertThat(err.message()).isEqualTo("Access denied for user 'app'@'127.0.0.1' (using password: YES)");
            assertThat(c.lastSequence).isEqualTo(2);
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.login("ghost", "", null, "mysql_native_password", RawClient.BASE_CAPABILITIES);
            assertThat(ErrPacket.read(Unpooled.wrappedBuffer(reply)).message()).endsWith("(using password: NO)");
        }
    }

    @Test
    void emptyPasswordAccountsLogInWithAnEmptyResponse() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.login("nopass", "", null, "mysql_native_password", RawClient.BASE_CAPABILITIES)[0]).isZero();
        }
    }

    @Test
    void clientOfferingAnotherPluginIsSwitchedToNativePassword() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.login("app", "secret", null, "caching_sha2_password", RawClient.BASE_CAPABILITIES);
            AuthSwitchRequest sw = AuthSwitchRequest.read(Unpooled.wrappedBuffer(reply));
            assertThat(sw.pluginName()).isEqualTo("mysql_native_password");
            byte[] seed = java.util.Arrays.copyOf(sw.pluginData(), 20);
            assertThat(seed).isEqualTo(c.greeting.authPluginData());
            c.write(c.lastSequence + 1, NativePassword.scramble("secret".getBytes(StandardCharsets.UTF_8), seed));
            byte[] ok = c.read();
            assertThat(ok[0]).isZero();
            assertThat(c.lastSequence).isEqualTo(4);
        }
    }

    @Test
    void unknownSchemaAtLoginGets1049() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            byte[] reply = c.login("app", "secret", "nowhere", "mysql_native_password", RawClient.BASE_CAPABILITIES);
            ErrPacket err = ErrPacket.read(Unpooled.wrappedBuffer(reply));
            assertThat(err.errorCode()).isEqualTo(1049);
            assertThat(err.sqlState()).isEqualTo("42000");
        }
    }

    @Test
    void localQueryResultWithAndWithoutDeprecateEof() throws Exception {
        for (int deprecate : new int[] {0, Capability.DEPRECATE_EOF.bit()}) {
            try (RawClient c = loggedIn(deprecate)) {
                List<byte[]> packets = resultSet(c, c.command(COM_QUERY, "SELECT @@version_comment LIMIT 1"), deprecate != 0);
                ColumnDefinition41 column = ColumnDefinition41.read(Unpooled.wrappedBuffer(packets.get(1)));
                assertThat(column.name()).isEqualTo("@@version_comment");
                int rowIndex = deprecate != 0 ? 2 : 3;
                TextResultRow row = TextResultRow.read(Unpooled.wrappedBuffer(packets.get(rowIndex)), 1);
                assertThat(new String(row.values()[0], StandardCharsets.UTF_8)).isEqualTo("ShardGate sharding proxy");
                byte[] end = packets.getLast();
                assertThat(end[0]).isEqualTo((byte) 0xFE);
                if (deprecate != 0) {
                    assertThat(end.length).isGreaterThan(5);
                } else {
                    assertThat(EofPacket.read(Unpooled.wrappedBuffer(end)).statusFlags() & ServerStatus.AUTOCOMMIT.bit()).isNotZero();
                }
            }
        }
    }

    @Test
    void unknownCommandsGet1047AndTheConnectionStaysUsable() throws Exception {
        try (RawClient c = loggedIn(0)) {
            for (int code : new int[] {0x1d, 0x99, 0xff}) {
                ErrPacket err = ErrPacket.read(Unpooled.wrappedBuffer(c.command(code, "")));
                assertThat(err.errorCode()).isEqualTo(1047);
                assertThat(err.sqlState()).isEqualTo("08S01");
            }
            assertThat(c.command(COM_PING, "")[0]).isZero();
            assertThat(c.lastSequence).isEqualTo(1);
        }
    }

    @Test
    void emptyAndBrokenQueriesGetClearErrors() throws Exception {
        try (RawClient c = loggedIn(0)) {
            assertThat(ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "  /* nothing */ "))).errorCode()).isEqualTo(1065);
            ErrPacket unterminated = ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SELECT 'abc")));
            assertThat(unterminated.errorCode()).isEqualTo(1064);
            assertThat(unterminated.message()).contains("unterminated string");
            ErrPacket unknown = ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "FLUSH TABLES")));
            assertThat(unknown.errorCode()).isEqualTo(1235);
            assertThat(unknown.message()).contains("FLUSH");
            assertThat(ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_INIT_DB, "nowhere"))).errorCode()).isEqualTo(1049);
            assertThat(c.command(COM_INIT_DB, "shop")[0]).isZero();
        }
    }

    @Test
    void multiStatementsNeedTheCapabilityAndFlagMoreResults() throws Exception {
        try (RawClient c = loggedIn(0)) {
            ErrPacket err = ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SELECT 1; SELECT 2")));
            assertThat(err.errorCode()).isEqualTo(1064);
            assertThat(err.message()).contains("CLIENT_MULTI_STATEMENTS");
        }
        try (RawClient c = loggedIn(Capability.MULTI_STATEMENTS.bit())) {
            List<byte[]> first = resultSet(c, c.command(COM_QUERY, "SELECT 1; SET @x = 5; SELECT @x"), false);
            assertThat(EofPacket.read(Unpooled.wrappedBuffer(first.getLast())).statusFlags()
                    & ServerStatus.MORE_RESULTS_EXISTS.bit()).isNotZero();
            OkPacket set = OkPacket.read(Unpooled.wrappedBuffer(c.read()));
            assertThat(set.statusFlags() & ServerStatus.MORE_RESULTS_EXISTS.bit()).isNotZero();
            List<byte[]> last = resultSet(c, c.read(), false);
            assertThat(new String(TextResultRow.read(Unpooled.wrappedBuffer(last.get(3)), 1).values()[0], StandardCharsets.UTF_8))
                    .isEqualTo("5");
            assertThat(EofPacket.read(Unpooled.wrappedBuffer(last.getLast())).statusFlags()
                    & ServerStatus.MORE_RESULTS_EXISTS.bit()).isZero();
        }
    }

    @Test
    void autocommitIsTrackedInStatusFlags() throws Exception {
        try (RawClient c = loggedIn(0)) {
            OkPacket off = OkPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SET autocommit = 0")));
            assertThat(off.statusFlags() & ServerStatus.AUTOCOMMIT.bit()).isZero();
            List<byte[]> value = resultSet(c, c.command(COM_QUERY, "SELECT @@autocommit"), false);
            assertThat(new String(TextResultRow.read(Unpooled.wrappedBuffer(value.get(3)), 1).values()[0], StandardCharsets.UTF_8))
                    .isEqualTo("0");
            OkPacket on = OkPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SET autocommit = ON")));
            assertThat(on.statusFlags() & ServerStatus.AUTOCOMMIT.bit()).isNotZero();
            ErrPacket bad = ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SET autocommit = 'maybe'")));
            assertThat(bad.errorCode()).isEqualTo(1231);
            ErrPacket unknown = ErrPacket.read(Unpooled.wrappedBuffer(c.command(COM_QUERY, "SET no_such_variable = 1")));
            assertThat(unknown.errorCode()).isEqualTo(1193);
        }
    }

    @Test
    void oversizedPacketGets1153AndClose() throws Exception {
        try (RawClient c = loggedIn(0)) {
            byte[] big = new byte[8192];
            big[0] = COM_QUERY;
            java.util.Arrays.fill(big, 1, big.length, (byte) 'x');
            c.write(0, big);
            ErrPacket err = ErrPacket.read(Unpooled.wrappedBuffer(c.read()));
            assertThat(err.errorCode()).isEqualTo(1153);
            assertThat(err.sqlState()).isEqualTo("08S01");
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient other = loggedIn(0)) {
            assertThat(other.command(COM_PING, "")[0]).isZero();
        }
    }

    @Test
    void garbageHandshakeGetsAnErrorAndTheServerKeepsServing() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            c.write(1, new byte[] {1, 2, 3});
            ErrPacket err = ErrPacket.read(Unpooled.wrappedBuffer(c.read()));
            assertThat(err.errorCode()).isEqualTo(1043);
            assertThat(c.closedByServer()).isTrue();
        }
        try (RawClient c = loggedIn(0)) {
            c.write(0, new byte[] {COM_QUIT});
            assertThat(c.closedByServer()).isTrue();
        }
    }

    /** Reads a text result set that starts with {@code first}: count, definitions, [EOF], rows, end. */
    private static List<byte[]> resultSet(RawClient c, byte[] first, boolean deprecateEof) throws Exception {
        List<byte[]> packets = new ArrayList<>();
        packets.add(first);
        ByteBuf countBuf = Unpooled.wrappedBuffer(first);
        int columns = ColumnCountPacket.read(countBuf).count();
        for (int i = 0; i < columns; i++) {
            packets.add(c.read());
        }
        if (!deprecateEof) {
            packets.add(c.read());
        }
        while (true) {
            byte[] p = c.read();
            packets.add(p);
            if ((p[0] & 0xff) == 0xFE && p.length < 0xFFFFFF) {
                return packets;
            }
        }
    }
}

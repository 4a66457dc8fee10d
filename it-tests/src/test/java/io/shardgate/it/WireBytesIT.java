package io.shardgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.ProcessKill;
import io.shardgate.protocol.SetOption;
import io.shardgate.server.CompressedFrames;
import io.shardgate.server.RawClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same bytes sent to ShardGate and to one of its MariaDB backends, and the answers compared
 * packet by packet (headers included): COM_SET_OPTION, COM_DEBUG, COM_RESET_CONNECTION, KILL's
 * errors, what a killed statement's client receives, a procedure's several results, and compressed
 * replies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WireBytesIT {

    private static final int COM_QUERY = 0x03;

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.twoShards();
        try (Connection d = cluster.direct(0, "shop_0"); Statement st = d.createStatement()) {
            st.execute("CREATE PROCEDURE two_results() BEGIN SELECT 1 AS a; SELECT 'x' AS b, 2 AS c; END");
        }
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A client of ShardGate (true) or of backend 0 directly (false), logged in with {@code capabilities}. */
    private RawClient client(boolean proxy, int capabilities) throws Exception {
        RawClient c = new RawClient(proxy ? cluster.port() : cluster.backend(0).port());
        byte[] ok = proxy
                ? c.login(ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop", "mysql_native_password", capabilities)
                : c.login("test", "test", "shop_0", "mysql_native_password", capabilities);
        assertThat(ok[0]).as("login to %s", proxy ? "ShardGate" : "MariaDB").isZero();
        if (Capability.COMPRESS.in(capabilities)) {
            c.compress();
        }
        return c;
    }

    /** Every packet the server sends for {@code exchange}, up to a quiet moment, as hex with its sequence id. */
    private static List<String> replies(RawClient c, Exchange exchange, int packets) throws Exception {
        exchange.run(c);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < packets; i++) {
            byte[] p = c.read();
            out.add(c.lastSequence + ":" + HexFormat.of().formatHex(p));
        }
        return out;
    }

    private interface Exchange {
        void run(RawClient c) throws Exception;
    }

    private static Exchange send(int command, String argument) {
        return c -> c.write(0, payload(command, argument.getBytes(StandardCharsets.UTF_8)));
    }

    private static Exchange send(Consumer<io.netty.buffer.ByteBuf> write) {
        return c -> {
            io.netty.buffer.ByteBuf buf = Unpooled.buffer();
            write.accept(buf);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            c.write(0, bytes);
        };
    }

    private static byte[] payload(int command, byte[] argument) {
        byte[] p = new byte[1 + argument.length];
        p[0] = (byte) command;
        System.arraycopy(argument, 0, p, 1, argument.length);
        return p;
    }

    /** Runs the exchanges against both servers with the same capabilities and compares the answers. */
    private void sameAnswers(int capabilities, List<Exchange> exchanges, List<Integer> packets) throws Exception {
        try (RawClient proxy = client(true, capabilities); RawClient mariaDb = client(false, capabilities)) {
            for (int i = 0; i < exchanges.size(); i++) {
                List<String> expected = replies(mariaDb, exchanges.get(i), packets.get(i));
                assertThat(replies(proxy, exchanges.get(i), packets.get(i))).as("exchange %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void setOptionDebugResetAndUnknownCommandsAnswerAsMariaDb() throws Exception {
        for (int caps : new int[] {RawClient.BASE_CAPABILITIES, RawClient.BASE_CAPABILITIES | Capability.DEPRECATE_EOF.bit()}) {
            sameAnswers(caps, List.of(
                    send(new SetOption(SetOption.MULTI_STATEMENTS_ON)::write),
                    send(new SetOption(SetOption.MULTI_STATEMENTS_OFF)::write),
                    send(new SetOption(7)::write),
                    send(0x0d, ""), // COM_DEBUG
                    send(0x1f, ""), // COM_RESET_CONNECTION
                    send(0x1d, ""), // COM_DAEMON: unknown to clients
                    send(COM_QUERY, "KILL 999999"),
                    send(new ProcessKill(999_999)::write)),
                    List.of(1, 1, 1, 1, 1, 1, 1, 1));
        }
    }

    @Test
    void aKilledStatementsClientSeesTheResultHeaderThenErr1317() throws Exception {
        List<List<String>> seen = new ArrayList<>();
        for (boolean proxy : new boolean[] {false, true}) {
            try (RawClient victim = client(proxy, RawClient.BASE_CAPABILITIES);
                 RawClient killer = client(proxy, RawClient.BASE_CAPABILITIES)) {
                victim.write(0, payload(COM_QUERY, "SELECT SLEEP(10)".getBytes(StandardCharsets.UTF_8)));
                BackendSleeps.awaitRunning(cluster, "SLEEP(10)");
                long id = victim.greeting.connectionId();
                assertThat(killer.command(COM_QUERY, "KILL QUERY " + id)[0]).as("KILL answered OK").isZero();
                List<String> got = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    got.add(victim.lastSequence + ":" + HexFormat.of().formatHex(victim.read()));
                }
                seen.add(got);
                // and the session goes on
                assertThat(victim.command(COM_QUERY, "SELECT 1")[0]).isEqualTo((byte) 1);
            }
        }
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
        assertThat(ErrPacket.read(Unpooled.wrappedBuffer(HexFormat.of().parseHex(seen.get(1).getLast().split(":")[1])))
                .errorCode()).isEqualTo(1317);
    }

    @Test
    void aProcedureSendsEachResultThenTheOkWithTheSameFlags() throws Exception {
        for (int caps : new int[] {RawClient.BASE_CAPABILITIES, RawClient.BASE_CAPABILITIES | Capability.DEPRECATE_EOF.bit()}) {
            try (RawClient proxy = client(true, caps); RawClient mariaDb = client(false, caps)) {
                int packets = Capability.DEPRECATE_EOF.in(caps) ? 10 : 12;
                List<String> expected = replies(mariaDb, send(COM_QUERY, "CALL two_results()"), packets);
                assertThat(replies(proxy, send(COM_QUERY, "/*+ shardgate: dataNode=dn0 */ CALL two_results()"), packets))
                        .isEqualTo(expected);
            }
        }
        // a client that cannot take several results
        int single = RawClient.BASE_CAPABILITIES & ~Capability.MULTI_RESULTS.bit();
        try (RawClient proxy = client(true, single); RawClient mariaDb = client(false, single)) {
            ErrPacket theirs = ErrPacket.read(Unpooled.wrappedBuffer(mariaDb.command(COM_QUERY, "CALL two_results()")));
            ErrPacket ours = ErrPacket.read(Unpooled.wrappedBuffer(
                    proxy.command(COM_QUERY, "/*+ shardgate: dataNode=dn0 */ CALL two_results()")));
            assertThat(ours.errorCode()).isEqualTo(theirs.errorCode()).isEqualTo(1312);
            assertThat(ours.sqlState()).isEqualTo(theirs.sqlState());
            assertThat(ours.message()).isEqualTo(theirs.message().replace("shop_0.", "shop."));
            // the backend connection whose results were refused unread goes on serving: the
            // session's next statement on dn0 (which takes the same pooled connection) is answered
            for (int i = 0; i < 3; i++) {
                RawResult next = RawResult.query(proxy, "/*+ shardgate: dataNode=dn0 */ SELECT 1");
                assertThat(next.error()).as("the next statement on dn0").isNull();
                assertThat(next.rows()).hasSize(1);
            }
        }
    }

    @Test
    void compressedRepliesCarryTheSamePacketsWithTheSameCompressedHeaders() throws Exception {
        int caps = RawClient.BASE_CAPABILITIES | Capability.COMPRESS.bit();
        for (String sql : List.of("SELECT REPEAT('abc', 40) AS r", "SELECT 1 + 1 AS two")) {
            try (RawClient proxy = client(true, caps); RawClient mariaDb = client(false, caps)) {
                List<String> expected = replies(mariaDb, send(COM_QUERY, sql), 5);
                assertThat(replies(proxy, send(COM_QUERY, sql), 5)).as(sql).isEqualTo(expected);
                CompressedFrames.Packet theirs = mariaDb.compressedPackets.getLast();
                CompressedFrames.Packet ours = proxy.compressedPackets.getLast();
                assertThat(ours.sequenceId()).isEqualTo(theirs.sequenceId());
                assertThat(ours.uncompressedLength()).isEqualTo(theirs.uncompressedLength());
                assertThat(ours.data()).isEqualTo(theirs.data());
            }
        }
    }
}

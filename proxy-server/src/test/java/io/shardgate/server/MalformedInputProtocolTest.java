package io.shardgate.server;

import static io.shardgate.server.WireCommandsProtocolTest.COM_PING;
import static io.shardgate.server.WireCommandsProtocolTest.err;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.config.ServerConfig;
import io.shardgate.protocol.Capability;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Broken and hostile input at the socket: every case ends in an ERR or a clean close within a
 * bounded time, never a hang, and a well-behaved client keeps being served meanwhile. The proxy
 * runs with max_allowed_packet 4K, a read timeout of 500 ms and a login timeout of 2 s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputProtocolTest {

    private static final long READ_TIMEOUT_MILLIS = 500;
    private static final long CONNECT_TIMEOUT_MILLIS = 2000;

    private ShardGateServer server;

    @BeforeAll
    void start() throws Exception {
        server = NoBackendProxy.start("- { name: app, password: secret, schemas: [shop] }",
                new ServerConfig("127.0.0.1", 0, 0, 4096).withNetReadTimeout(READ_TIMEOUT_MILLIS)
                        .withConnectTimeout(CONNECT_TIMEOUT_MILLIS));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private RawClient loggedIn(int extraCapabilities) throws Exception {
        return WireCommandsProtocolTest.loggedIn(server.port(), "app", "secret", extraCapabilities);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** What the server sent until it closed: payloads, in order. The socket's 10 s timeout bounds it. */
    private static List<byte[]> untilClosed(RawClient c) throws Exception {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            try {
                packets.add(c.read());
            } catch (java.io.EOFException | java.net.SocketException closed) {
                return packets;
            }
        }
        throw new AssertionError("still sending after " + packets.size() + " packets");
    }

    private void othersAreServed() throws Exception {
        try (RawClient other = loggedIn(0)) {
            assertThat(other.command(COM_PING, "")[0]).isZero();
        }
    }

    @Test
    void aConnectionThatNeverLogsInIsClosedAfterTheConnectTimeout() throws Exception {
        try (RawClient silent = new RawClient(server.port())) {
            long began = System.nanoTime();
            assertThat(untilClosed(silent)).as("closed without a word, as MariaDB after connect_timeout").isEmpty();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertThat(millis).isBetween(CONNECT_TIMEOUT_MILLIS - 50, CONNECT_TIMEOUT_MILLIS + 3000);
        }
        // a login that completes before the timeout is not touched by it afterwards
        try (RawClient c = loggedIn(0)) {
            Thread.sleep(CONNECT_TIMEOUT_MILLIS + 300);
            assertThat(c.command(COM_PING, "")[0]).isZero();
        }
        othersAreServed();
    }

    @Test
    void anUnfinishedPacketIsAnsweredWith1159AfterTheReadTimeout() throws Exception {
        try (RawClient c = loggedIn(0)) {
            long began = System.nanoTime();
            c.writeRaw(concat(new byte[] {100, 0, 0, 0}, "SELECT".getBytes()));
            List<byte[]> got = untilClosed(c);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
            assertThat(got).singleElement().satisfies(p -> {
                assertThat(err(p).errorCode()).isEqualTo(1159);
                assertThat(err(p).message()).isEqualTo("Got timeout reading communication packets");
            });
            assertThat(millis).isBetween(READ_TIMEOUT_MILLIS - 50, READ_TIMEOUT_MILLIS + 3000);
        }
        // also during login: half a handshake response
        try (RawClient c = new RawClient(server.port())) {
            c.writeRaw(new byte[] {60, 0, 0, 1, 5, 2});
            assertThat(untilClosed(c)).singleElement().satisfies(p -> assertThat(err(p).errorCode()).isEqualTo(1159));
        }
        othersAreServed();
    }

    @Test
    void aHeaderShorterThanItsPacketEndsInErrorsAndAClose() throws Exception {
        try (RawClient c = loggedIn(0)) {
            // the header says 3 bytes: COM_QUERY "SE" runs, then "LECT 1..." is read as a header
            // claiming 0x43454c bytes, over max_allowed_packet
            c.writeRaw(concat(new byte[] {3, 0, 0, 0}, "\u0003SELECT 1".getBytes()));
            List<byte[]> got = untilClosed(c);
            assertThat(got).extracting(p -> err(p).errorCode()).containsExactly(1064, 1153); // "SE" starts no statement
        }
        othersAreServed();
    }

    @Test
    void garbageAfterAValidPacketNeverLeavesTheConnectionHanging() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            try (RawClient c = loggedIn(0)) {
                c.writeRaw(concat(RawClient.frame(0, new byte[] {COM_PING}), garbage));
                assertThat(c.read()[0]).as("the ping before the garbage").isZero();
                // Garbage may read as commands (answered), as a claim over the limit (1153 and a
                // close) or as a packet never finished (1159 and a close after the read timeout).
                // Whatever it was, within a bounded time the connection is closed or answers.
                c.timeout((int) READ_TIMEOUT_MILLIS * 4);
                if (!answersOrCloses(c)) {
                    c.write(0, new byte[] {COM_PING});
                    assertThat(answersOrCloses(c)).as("silent after garbage %s", java.util.HexFormat.of().formatHex(garbage))
                            .isTrue();
                }
            }
        }
        othersAreServed();
    }

    /** Reads until the server closes (true) or has been quiet for the socket timeout (false if it sent nothing). */
    private static boolean answersOrCloses(RawClient c) throws Exception {
        boolean answered = false;
        for (int i = 0; i < 20; i++) {
            try {
                c.read();
                answered = true;
            } catch (java.io.EOFException | java.net.SocketException closed) {
                return true;
            } catch (java.net.SocketTimeoutException quiet) {
                return answered;
            }
        }
        return true;
    }

    @Test
    void aLengthClaimOverTheLimitIsRefusedAtOnceWithoutWaitingForTheBytes() throws Exception {
        try (RawClient c = loggedIn(0)) {
            long began = System.nanoTime();
            // one full 16 MiB frame announced (a chain would go on to any size); 10 bytes sent
            c.writeRaw(concat(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}, new byte[10]));
            assertThat(untilClosed(c)).singleElement().satisfies(p -> assertThat(err(p).errorCode()).isEqualTo(1153));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).isLessThan(READ_TIMEOUT_MILLIS);
        }
        othersAreServed();
    }

    @Test
    void compressedPacketsThatLieAboutTheirLengthsEndTheConnection() throws Exception {
        record Case(byte[] packet, int error) {
        }
        List<Case> cases = List.of(
                // claims 16 MiB inflated: refused from the header, over max_allowed_packet
                new Case(CompressedFrames.packet(10, 0, 0xFFFFFF, new byte[10]), 1153),
                // claims 100 bytes, holds 10 bytes that are no zlib stream
                new Case(CompressedFrames.packet(10, 0, 100, "not zlib!!".getBytes()), 1157),
                // a real zlib stream of a 60-byte packet, claimed as 61
                new Case(CompressedFrames.packet(deflatedPing().length, 0, 61, deflatedPing()), 1157));
        for (Case k : cases) {
            try (RawClient c = loggedIn(Capability.COMPRESS.bit())) {
                c.writeRaw(k.packet());
                assertThat(untilClosed(c)).singleElement().satisfies(p -> assertThat(err(p).errorCode()).isEqualTo(k.error()));
            }
        }
        othersAreServed();
    }

    /** COM_PING padded into a 60-byte frame, deflated: a valid zlib stream of 60 bytes. */
    private static byte[] deflatedPing() {
        byte[] frame = RawClient.frame(0, new byte[56]);
        frame[4] = COM_PING;
        return CompressedFrames.deflate(frame);
    }

    @Test
    void bytesAfterQuitAreIgnored() throws Exception {
        try (RawClient c = loggedIn(0)) {
            c.writeRaw(concat(RawClient.frame(0, new byte[] {0x01}), RawClient.frame(0, new byte[] {COM_PING}),
                    new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 1, 2, 3}));
            assertThat(untilClosed(c)).isEmpty();
        }
        othersAreServed();
    }

    @Test
    void anEmptyCommandPacketIsMalformedAndTheConnectionGoesOn() throws Exception {
        try (RawClient c = loggedIn(0)) {
            c.write(0, new byte[0]);
            assertThat(err(c.read()).errorCode()).isEqualTo(1835);
            assertThat(c.command(COM_PING, "")[0]).isZero();
        }
    }

    @Test
    void aWellBehavedClientIsServedWhileOthersSendGarbage() throws Exception {
        ExecutorService abusers = Executors.newFixedThreadPool(4);
        try (RawClient good = loggedIn(0)) {
            List<Future<?>> abuse = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                abuse.add(abusers.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 25; i++) {
                        try (RawClient bad = new RawClient(server.port())) {
                            byte[] garbage = new byte[random.nextInt(300)];
                            random.nextBytes(garbage);
                            bad.writeRaw(garbage);
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 200; i++) {
                assertThat(good.command(COM_PING, "")[0]).isZero();
            }
            for (Future<?> f : abuse) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            abusers.shutdownNow();
        }
        othersAreServed();
    }
}

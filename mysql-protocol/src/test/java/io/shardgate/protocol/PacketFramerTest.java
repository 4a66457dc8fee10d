package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacketFramerTest {

    private static final int MAX_FRAME = 0xFFFFFF;

    private PacketFramer framer;
    private EmbeddedChannel channel;

    private void open(long maxPayloadBytes) {
        framer = new PacketFramer(maxPayloadBytes, 30_000);
        channel = new EmbeddedChannel(framer);
    }

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] frame(int sequenceId, byte[] payload) {
        return frame(sequenceId, payload, 0, payload.length);
    }

    private static byte[] frame(int sequenceId, byte[] payload, int from, int length) {
        byte[] frame = new byte[4 + length];
        frame[0] = (byte) length;
        frame[1] = (byte) (length >>> 8);
        frame[2] = (byte) (length >>> 16);
        frame[3] = (byte) sequenceId;
        System.arraycopy(payload, from, frame, 4, length);
        return frame;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf buf = Unpooled.buffer();
        for (byte[] p : parts) {
            buf.writeBytes(p);
        }
        return ByteBufUtil.getBytes(buf);
    }

    /** Every inbound message, packets as (sequence id, payload bytes), released. */
    private List<Object> inbound() {
        List<Object> result = new ArrayList<>();
        for (Object m; (m = channel.readInbound()) != null; ) {
            if (m instanceof Packet p) {
                result.add(new Received(p.sequenceId(), ByteBufUtil.getBytes(p.payload())));
                p.release();
            } else {
                result.add(m);
            }
        }
        return result;
    }

    record Received(int sequenceId, byte[] payload) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Received r && r.sequenceId == sequenceId && Arrays.equals(r.payload, payload);
        }

        @Override
        public int hashCode() {
            return sequenceId * 31 + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Received[" + sequenceId + ", " + payload.length + " bytes]";
        }
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 16));
        }
        return bytes;
    }

    @Test
    void singleFrame() {
        open(1024);
        channel.writeInbound(Unpooled.wrappedBuffer(frame(0, new byte[] {3, 'S', 'E', 'L'})));
        assertThat(inbound()).containsExactly(new Received(0, new byte[] {3, 'S', 'E', 'L'}));
        assertThat(framer.bufferedBytes()).isZero();
    }

    @Test
    void emptyFrameIsAnEmptyPacket() {
        open(1024);
        channel.writeInbound(Unpooled.wrappedBuffer(frame(7, new byte[0])));
        assertThat(inbound()).containsExactly(new Received(7, new byte[0]));
    }

    @Test
    void severalFramesInOneBuffer() {
        open(1024);
        channel.writeInbound(Unpooled.wrappedBuffer(Captured.stream("resultset-eof")));
        List<byte[]> captured = Captured.packets("resultset-eof");
        List<Object> received = inbound();
        assertThat(received).hasSize(captured.size());
        for (int i = 0; i < captured.size(); i++) {
            assertThat(received.get(i)).isEqualTo(
                    new Received(Captured.sequenceId(captured.get(i)), Captured.payload(captured.get(i))));
        }
    }

    @Test
    void framesSplitByteByByte() {
        open(1024);
        byte[] stream = Captured.stream("resultset-eof");
        List<Object> received = new ArrayList<>();
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
            received.addAll(inbound());
        }
        assertThat(received).hasSize(Captured.packets("resultset-eof").size());
        assertThat(received.getLast()).isEqualTo(new Received(11, new byte[] {(byte) 0xFE, 0, 0, 0x22, 0}));
        assertThat(framer.bufferedBytes()).isZero();
    }

    @Test
    void continuationFramesAreJoined() {
        open(64L << 20);
        byte[] payload = pattern(MAX_FRAME + 6); // 16 MiB + 5
        channel.writeInbound(Unpooled.wrappedBuffer(frame(3, payload, 0, MAX_FRAME)));
        assertThat(inbound()).isEmpty();
        channel.writeInbound(Unpooled.wrappedBuffer(concat(frame(4, payload, MAX_FRAME, 6), frame(0, new byte[] {1}))));
        // the reply continues from the last frame's sequence id
        assertThat(inbound()).containsExactly(new Received(4, payload), new Received(0, new byte[] {1}));
    }

    @Test
    void exactMultipleOfMaxFrameEndsWithEmptyFrame() {
        open(64L << 20);
        byte[] payload = pattern(MAX_FRAME);
        channel.writeInbound(Unpooled.wrappedBuffer(frame(0, payload)));
        assertThat(inbound()).isEmpty();
        channel.writeInbound(Unpooled.wrappedBuffer(frame(1, new byte[0])));
        assertThat(inbound()).containsExactly(new Received(1, payload));
        assertThat(framer.bufferedBytes()).isZero();
    }

    @Test
    void oversizedPacketIsSkippedWithoutBufferingThenTheNextOneDecodes() {
        open(1024);
        byte[] big = frame(0, pattern(20_000));
        List<Object> received = new ArrayList<>();
        long maxBuffered = 0;
        for (int i = 0; i < big.length; i += 1000) {
            channel.writeInbound(Unpooled.wrappedBuffer(big, i, Math.min(1000, big.length - i)));
            received.addAll(inbound());
            maxBuffered = Math.max(maxBuffered, framer.bufferedBytes());
        }
        channel.writeInbound(Unpooled.wrappedBuffer(frame(0, new byte[] {0x0e})));
        received.addAll(inbound());

        assertThat(received).containsExactly(new OversizedPacket(0, 20_000), new Received(0, new byte[] {0x0e}));
        assertThat(maxBuffered).isLessThan(1000);
    }

    @Test
    void oversizedMultiFramePacketReleasesWhatWasJoinedAndSkipsTheRest() {
        open(MAX_FRAME + 10L);
        byte[] payload = pattern(3 * MAX_FRAME + 100);
        ByteBuf first = Unpooled.wrappedBuffer(frame(0, payload, 0, MAX_FRAME));
        channel.writeInbound(first);
        assertThat(inbound()).isEmpty();
        assertThat(framer.bufferedBytes()).isEqualTo(MAX_FRAME); // within the limit, so joined
        // the header of a second full frame, and only the first 1000 bytes of its payload
        byte[] secondHeader = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1};
        channel.writeInbound(Unpooled.wrappedBuffer(concat(secondHeader, Arrays.copyOfRange(payload, MAX_FRAME, MAX_FRAME + 1000))));
        // the second header crosses the limit: reported at once, joined bytes dropped
        assertThat(inbound()).containsExactly(new OversizedPacket(1, MAX_FRAME + (long) MAX_FRAME));
        assertThat(framer.bufferedBytes()).isZero();
        assertThat(first.refCnt()).isZero();

        // the rest of frame 1 and whole frames 2 and 3 arrive in 1 MiB pieces and are skipped
        byte[] rest = concat(
                Arrays.copyOfRange(payload, MAX_FRAME + 1000, 2 * MAX_FRAME),
                frame(2, payload, 2 * MAX_FRAME, MAX_FRAME),
                frame(3, payload, 3 * MAX_FRAME, 100),
                frame(0, new byte[] {0x01}));
        long maxBuffered = 0;
        for (int i = 0; i < rest.length; i += 1 << 20) {
            channel.writeInbound(Unpooled.wrappedBuffer(rest, i, Math.min(1 << 20, rest.length - i)));
            maxBuffered = Math.max(maxBuffered, framer.bufferedBytes());
        }
        assertThat(inbound()).containsExactly(new Received(0, new byte[] {0x01}));
        assertThat(maxBuffered).isLessThan(16);
    }

    @Test
    void packetExactlyAtTheLimitIsAccepted() {
        open(100);
        channel.writeInbound(Unpooled.wrappedBuffer(concat(frame(0, pattern(100)), frame(1, pattern(101)))));
        assertThat(inbound()).containsExactly(new Received(0, pattern(100)), new OversizedPacket(1, 101));
    }

    @Test
    void pendingFramesAreReleasedWhenTheChannelCloses() {
        open(64L << 20);
        ByteBuf in = Unpooled.wrappedBuffer(frame(0, pattern(MAX_FRAME)));
        channel.writeInbound(in);
        assertThat(framer.bufferedBytes()).isEqualTo(MAX_FRAME);
        assertThat(in.refCnt()).isPositive();
        assertThat(channel.finishAndReleaseAll()).isFalse();
        channel = null;
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void anUnfinishedPacketTimesOutButProgressAndIdleTimeDoNot() {
        framer = new PacketFramer(1 << 20, 1000);
        channel = new EmbeddedChannel(framer);
        channel.freezeTime();
        byte[] whole = frame(3, pattern(100));
        // idle between packets: no timeout
        channel.advanceTimeBy(5, java.util.concurrent.TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(inbound()).isEmpty();
        // half a packet, then more within the timeout: still no timeout
        channel.writeInbound(Unpooled.wrappedBuffer(whole, 0, 40));
        channel.advanceTimeBy(900, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        channel.writeInbound(Unpooled.wrappedBuffer(whole, 40, 40));
        channel.advanceTimeBy(900, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(inbound()).isEmpty();
        // then nothing for longer than the timeout
        channel.advanceTimeBy(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(inbound()).containsExactly(new ReadTimedOut(3, 1000));
        assertThat(new ReadTimedOut(3, 1000).error().errorCode()).isEqualTo(1159);
    }

    @Test
    void aFinishedPacketCancelsTheTimeout() {
        framer = new PacketFramer(1 << 20, 1000);
        channel = new EmbeddedChannel(framer);
        channel.freezeTime();
        byte[] whole = frame(0, pattern(10));
        channel.writeInbound(Unpooled.wrappedBuffer(whole, 0, 5));
        channel.writeInbound(Unpooled.wrappedBuffer(whole, 5, whole.length - 5));
        channel.advanceTimeBy(10, java.util.concurrent.TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(inbound()).containsExactly(new Received(0, pattern(10)));
    }
}

package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The compressed packet layer at the byte level, against MariaDB 10.11's compressed packets (captured). */
class CompressionCodecTest {

    private static final long MAX_PACKET = 64L << 20;
    private static final long READ_TIMEOUT = 30_000;

    private EmbeddedChannel channel;

    @AfterEach
    void close() {
        if (channel != null) {
            channel.finishAndReleaseAll();
        }
    }

    /** A channel with compression in front of a framer, as the proxy's pipeline has it. */
    private EmbeddedChannel open(long maxPacket) {
        channel = new EmbeddedChannel();
        channel.pipeline().addLast("framer", new PacketFramer(maxPacket, READ_TIMEOUT));
        CompressionCodec.install(channel.pipeline(), maxPacket, READ_TIMEOUT);
        return channel;
    }

    /** One compressed packet as a client sends it: deflated when asked, else stored with length 0. */
    static byte[] compressedPacket(int sequenceId, byte[] data, boolean deflate) {
        byte[] body = deflate ? zlib(data) : data;
        ByteBuf buf = Unpooled.buffer();
        buf.writeMediumLE(body.length).writeByte(sequenceId).writeMediumLE(deflate ? data.length : 0).writeBytes(body);
        return ByteBufUtil.getBytes(buf);
    }

    static byte[] zlib(byte[] data) {
        Deflater d = new Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[65536];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.toByteArray();
    }

    static byte[] frame(int sequenceId, byte[] payload) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeMediumLE(payload.length).writeByte(sequenceId).writeBytes(payload);
        return ByteBufUtil.getBytes(buf);
    }

    /** A compressed packet split into its header fields and its data, inflated. */
    record Compressed(int compressedLength, int sequenceId, int uncompressedLength, byte[] data) {
    }

    /** Every compressed packet the channel wrote, parsed. */
    private List<Compressed> outbound() {
        byte[] bytes = Encoded.drain(channel);
        return parse(bytes);
    }

    static List<Compressed> parse(byte[] bytes) {
        List<Compressed> out = new ArrayList<>();
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        while (in.isReadable()) {
            int length = in.readUnsignedMediumLE();
            int sequenceId = in.readUnsignedByte();
            int uncompressed = in.readUnsignedMediumLE();
            byte[] body = new byte[length];
            in.readBytes(body);
            out.add(new Compressed(length, sequenceId, uncompressed, uncompressed == 0 ? body : inflate(body, uncompressed)));
        }
        return out;
    }

    static byte[] inflate(byte[] body, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            byte[] out = new byte[length];
            int n = inflater.inflate(out);
            assertThat(n).isEqualTo(length);
            assertThat(inflater.finished()).isTrue();
            return out;
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(e);
        } finally {
            inflater.end();
        }
    }

    /** Every inbound message: packets as (sequence id, payload), stream errors as they are. */
    private List<Object> inbound() {
        List<Object> result = new ArrayList<>();
        for (Object m; (m = channel.readInbound()) != null; ) {
            if (m instanceof Packet p) {
                result.add(new PacketFramerTest.Received(p.sequenceId(), ByteBufUtil.getBytes(p.payload())));
                p.release();
            } else {
                result.add(m);
            }
        }
        return result;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void smallReplyGoesStoredAndMatchesMariaDbByteForByte() {
        List<byte[]> captured = Captured.packets("compressed");
        open(MAX_PACKET);
        // the client's two COM_PINGs, stored in one compressed packet with sequence id 0
        channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(0, concat(List.of(frame(0, new byte[] {0x0e}),
                frame(0, new byte[] {0x0e}))), false)));
        assertThat(inbound()).containsExactly(new PacketFramerTest.Received(0, new byte[] {0x0e}),
                new PacketFramerTest.Received(0, new byte[] {0x0e}));
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame(1, Captured.payload(captured.getFirst()))));
        assertThat(Encoded.drain(channel)).isEqualTo(captured.get(3));
    }

    @Test
    void compressedReplyHasMariaDbsHeaderAndInflatesToTheSamePackets() {
        List<byte[]> captured = Captured.packets("compressed");
        for (byte[] mariaDb : List.of(captured.get(1), captured.get(2))) {
            Compressed theirs = parse(mariaDb).getFirst();
            open(MAX_PACKET);
            channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(0, frame(0, new byte[] {3, 'x'}), false)));
            inbound();
            channel.writeAndFlush(Unpooled.wrappedBuffer(theirs.data()));
            List<Compressed> ours = outbound();
            assertThat(ours).hasSize(1);
            assertThat(ours.getFirst().sequenceId()).isEqualTo(theirs.sequenceId()).isEqualTo(1);
            assertThat(ours.getFirst().uncompressedLength()).isEqualTo(theirs.uncompressedLength()).isGreaterThan(0);
            assertThat(ours.getFirst().data()).isEqualTo(theirs.data());
            // same zlib level as MariaDB's compress(): within a few bytes of its size
            assertThat(ours.getFirst().compressedLength()).isBetween(theirs.compressedLength() - 8, theirs.compressedLength() + 8);
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void mariaDbsCompressedPacketsDecodeToItsPackets() {
        List<byte[]> captured = Captured.packets("compressed");
        open(MAX_PACKET);
        channel.writeInbound(Unpooled.wrappedBuffer(captured.get(2)));
        List<Object> packets = inbound();
        // SELECT REPEAT('abc', 40) AS r: column count, definition, EOF, row, EOF
        assertThat(packets).hasSize(5);
        PacketFramerTest.Received row = (PacketFramerTest.Received) packets.get(3);
        assertThat(row.sequenceId()).isEqualTo(4);
        assertThat(TextResultRow.read(Unpooled.wrappedBuffer(row.payload()), 1).values()[0]).isEqualTo("abc".repeat(40).getBytes());
    }

    @Test
    void belowFiftyBytesOrIncompressibleDataGoesStored() {
        open(MAX_PACKET);
        byte[] small = frame(1, new byte[45]);
        channel.writeAndFlush(Unpooled.wrappedBuffer(small));
        byte[] random = new byte[5000];
        new Random(7).nextBytes(random);
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame(2, random)));
        byte[] text = frame(3, "hello world ".repeat(100).getBytes());
        channel.writeAndFlush(Unpooled.wrappedBuffer(text));
        List<Compressed> out = outbound();
        assertThat(out).extracting(Compressed::uncompressedLength).containsExactly(0, 0, text.length);
        assertThat(out).extracting(Compressed::sequenceId).containsExactly(0, 1, 2);
        assertThat(out.get(0).data()).isEqualTo(small);
        assertThat(out.get(1).data()).isEqualTo(frame(2, random));
        assertThat(out.get(2).compressedLength()).isLessThan(100);
        assertThat(out.get(2).data()).isEqualTo(text);
    }

    @Test
    void replySequenceFollowsTheClientsLastCompressedPacketAndCountsCompressedPackets() {
        open(MAX_PACKET);
        channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(5, frame(0, new byte[] {0x0e}), false)));
        inbound();
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame(1, new byte[7])));
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame(2, new byte[7])));
        channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(0xFF, frame(0, new byte[] {0x0e}), false)));
        inbound();
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame(1, new byte[7])));
        assertThat(outbound()).extracting(Compressed::sequenceId).containsExactly(6, 7, 0);
    }

    @Test
    void manySmallPacketsShareCompressedPacketsOfAboutMariaDbsBufferSize() {
        open(MAX_PACKET);
        channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(0, frame(0, new byte[] {3}), false)));
        inbound();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) {
            byte[] row = frame(i, ("\u0064" + "y".repeat(100)).getBytes());
            plain.writeBytes(row);
            channel.write(Unpooled.wrappedBuffer(row));
        }
        channel.flush();
        List<Compressed> out = outbound();
        // MariaDB sent 20 packets of 16384 bytes for the same rows (compressed-headers-3000-rows.hex)
        int mariaDb = Captured.packets("compressed-headers-3000-rows").size();
        assertThat(out.size()).isBetween(mariaDb - 2, mariaDb);
        out.subList(0, out.size() - 1).forEach(c -> assertThat(c.uncompressedLength()).isBetween(16384, 16384 + 200));
        assertThat(concat(out.stream().map(Compressed::data).toList())).isEqualTo(plain.toByteArray());
    }

    @Test
    void twentyMebibytePacketRoundTripsThroughEncoderAndDecoder() {
        byte[] payload = new byte[20 << 20];
        new Random(11).nextBytes(payload);
        Arrays.fill(payload, 0, 8 << 20, (byte) 'a'); // part compressible, part not
        EmbeddedChannel server = new EmbeddedChannel();
        server.pipeline().addLast("framer", new PacketFramer(MAX_PACKET, READ_TIMEOUT));
        CompressionCodec.install(server.pipeline(), MAX_PACKET, READ_TIMEOUT);
        // the two frames PacketWriter makes of it: 0xFFFFFF bytes, then the rest
        server.write(Unpooled.wrappedBuffer(frame(1, Arrays.copyOf(payload, 0xFFFFFF))));
        server.write(Unpooled.wrappedBuffer(frame(2, Arrays.copyOfRange(payload, 0xFFFFFF, payload.length))));
        server.flush();
        byte[] wire = Encoded.drain(server);
        server.finishAndReleaseAll();
        List<Compressed> packets = parse(wire);
        assertThat(packets).allSatisfy(c -> assertThat(Math.max(c.compressedLength(), c.uncompressedLength())).isLessThanOrEqualTo(0xFFFFFF));
        assertThat(packets).extracting(Compressed::sequenceId).containsExactly(0, 1);

        open(MAX_PACKET);
        // fed back in small pieces, as a network would deliver them
        for (int at = 0; at < wire.length; at += 1 << 20) {
            channel.writeInbound(Unpooled.wrappedBuffer(wire, at, Math.min(1 << 20, wire.length - at)));
        }
        List<Object> in = inbound();
        assertThat(in).hasSize(1);
        PacketFramerTest.Received got = (PacketFramerTest.Received) in.getFirst();
        assertThat(got.sequenceId()).isEqualTo(2); // frames 1 and 2
        assertThat(got.payload()).isEqualTo(payload);
    }

    /**
     * An incompressible packet of two full frames and a tail, written as PacketWriter writes it
     * (the first frame with its header, then each header and frame apart): its chunks go stored and
     * wait in the outbound buffer while the bytes behind them are compacted and more arrive; each
     * must still send its own bytes. No compressed packet is 0xFFFFFF bytes long: Connector/J cannot
     * read a stored one of that length (CompressionIT).
     */
    @Test
    void storedChunksOfALargeIncompressiblePacketKeepTheirBytesAndStayUnder16MiB() {
        byte[] payload = new byte[2 * 0xFFFFFF + 9];
        new Random(13).nextBytes(payload);
        open(MAX_PACKET);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        List<byte[]> writes = List.of(frame(1, Arrays.copyOf(payload, 0xFFFFFF)),
                header(0xFFFFFF, 2), Arrays.copyOfRange(payload, 0xFFFFFF, 2 * 0xFFFFFF),
                header(9, 3), Arrays.copyOfRange(payload, 2 * 0xFFFFFF, payload.length),
                frame(4, new byte[] {(byte) 0xFE, 0, 0, 2, 0}));
        for (byte[] bytes : writes) {
            plain.writeBytes(bytes);
            channel.write(Unpooled.wrappedBuffer(bytes));
        }
        channel.flush();
        List<Compressed> out = outbound();
        assertThat(out).extracting(Compressed::uncompressedLength).as("incompressible: stored").contains(0);
        assertThat(out).allSatisfy(c -> assertThat(c.compressedLength()).isLessThan(0xFFFFFF));
        assertThat(concat(out.stream().map(Compressed::data).toList())).isEqualTo(plain.toByteArray());
    }

    private static byte[] header(int length, int sequenceId) {
        return new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) sequenceId};
    }

    @Test
    void claimOverTheLimitIsRefusedFromTheHeaderAloneAndTheRestDiscarded() {
        open(4096);
        // 7 header bytes claiming 0xFFFFFF: refused before any body arrives
        channel.writeInbound(Unpooled.wrappedBuffer(hex("0a0000 00 ffffff")));
        assertThat(inbound()).containsExactly(new OversizedPacket(0, 0xFFFFFF));
        channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(1, frame(0, new byte[] {0x0e}), false)));
        assertThat(inbound()).isEmpty();
        // the compressed length alone can be the oversized claim too
        channel.finishAndReleaseAll();
        open(4096);
        channel.writeInbound(Unpooled.wrappedBuffer(hex("ffff00 03 000000")));
        assertThat(inbound()).containsExactly(new OversizedPacket(3, 0xFFFF));
    }

    @Test
    void packetAtTheLimitPlusItsFrameHeaderIsAccepted() {
        open(4096);
        byte[] data = frame(0, new byte[4096]);
        channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(0, data, true)));
        assertThat(inbound()).containsExactly(new PacketFramerTest.Received(0, new byte[4096]));
    }

    @Test
    void bodiesThatDoNotInflateToTheClaimedLengthAreCorrupt() {
        byte[] data = frame(0, "SELECT 'some text that compresses well' ".repeat(20).getBytes());
        byte[] deflated = zlib(data);
        byte[] zeros = zlib(new byte[50 << 20]); // a zip bomb: 50 MiB from about 50 KiB
        List<byte[]> bad = List.of(
                hex("0a0000 00 ffffff 01010101010101010101"), // captured: MariaDB just closes
                header(deflated.length, 0, data.length + 1, deflated),
                header(deflated.length, 0, data.length - 1, deflated),
                header(deflated.length - 5, 0, data.length, Arrays.copyOf(deflated, deflated.length - 5)),
                header(deflated.length + 3, 0, data.length, concat(List.of(deflated, new byte[] {1, 2, 3}))),
                header(zeros.length, 0, 1000, zeros));
        for (byte[] packet : bad) {
            open(MAX_PACKET);
            channel.writeInbound(Unpooled.wrappedBuffer(packet));
            List<Object> in = inbound();
            assertThat(in).hasSize(1);
            assertThat(in.getFirst()).isInstanceOf(CorruptCompressedPacket.class);
            assertThat(((StreamError) in.getFirst()).error().errorCode()).isEqualTo(1157);
            // nothing after it is decoded: the stream has lost its framing
            channel.writeInbound(Unpooled.wrappedBuffer(compressedPacket(1, frame(0, new byte[] {0x0e}), false)));
            assertThat(inbound()).isEmpty();
            channel.finishAndReleaseAll();
        }
    }

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static byte[] header(int compressedLength, int sequenceId, int uncompressedLength, byte[] body) {
        ByteBuf buf = Unpooled.buffer();
        buf.writeMediumLE(compressedLength).writeByte(sequenceId).writeMediumLE(uncompressedLength).writeBytes(body);
        return ByteBufUtil.getBytes(buf);
    }

    @Test
    void writePromisesCompleteWhenTheirCompressedPacketIsWritten() {
        open(MAX_PACKET);
        ChannelPromise first = channel.newPromise();
        ChannelPromise second = channel.newPromise();
        channel.write(Unpooled.wrappedBuffer(frame(1, new byte[10])), first);
        channel.write(Unpooled.wrappedBuffer(frame(2, "x".repeat(200).getBytes())), second);
        assertThat(first.isDone()).isFalse();
        channel.flush();
        assertThat(first.isSuccess()).isTrue();
        assertThat(second.isSuccess()).isTrue();
        assertThat(outbound()).hasSize(1);
    }

    @Test
    void unflushedDataIsReleasedWhenTheChannelCloses() {
        open(MAX_PACKET);
        ByteBuf data = Unpooled.buffer().writeBytes(frame(1, new byte[100]));
        ChannelPromise promise = channel.newPromise();
        channel.write(data, promise);
        channel.close();
        assertThat(data.refCnt()).isZero();
        assertThat(promise.isDone()).isTrue();
        assertThat(promise.isSuccess()).isFalse();
    }

    @Test
    void anUnfinishedCompressedPacketTimesOut() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast("framer", new PacketFramer(MAX_PACKET, 1000));
        CompressionCodec.install(channel.pipeline(), MAX_PACKET, 1000);
        byte[] packet = compressedPacket(4, frame(0, "SELECT 'compressible compressible compressible'".getBytes()), true);
        channel.writeInbound(Unpooled.wrappedBuffer(packet, 0, 10));
        channel.advanceTimeBy(1100, java.util.concurrent.TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
        assertThat(inbound()).containsExactly(new ReadTimedOut(4, 1000));
    }
}

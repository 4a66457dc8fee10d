package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacketWriterTest {

    private static final int MAX_FRAME = 0xFFFFFF;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final PacketWriter writer = new PacketWriter(channel);

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private static ServerPacket bytes(byte[] payload) {
        return out -> out.writeBytes(payload);
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + (i >>> 12));
        }
        return bytes;
    }

    /** Cuts the written stream into frames: [length, sequence id, payload]. */
    private List<Object[]> frames() {
        byte[] stream = Encoded.drain(channel);
        List<Object[]> frames = new ArrayList<>();
        int at = 0;
        while (at < stream.length) {
            int length = (stream[at] & 0xFF) | (stream[at + 1] & 0xFF) << 8 | (stream[at + 2] & 0xFF) << 16;
            frames.add(new Object[] {length, stream[at + 3] & 0xFF, Arrays.copyOfRange(stream, at + 4, at + 4 + length)});
            at += 4 + length;
        }
        assertThat(at).isEqualTo(stream.length);
        return frames;
    }

    @Test
    void smallPacketIsOneBufferWithItsHeaderInFront() {
        writer.sequence(1);
        writer.writeFromEventLoop(new ErrPacket(1146, "42S02", "x"));
        writer.flush();
        ByteBuf only = channel.readOutbound();
        assertThat(HexFormat.of().formatHex(ByteBufUtil.getBytes(only))).isEqualTo("0a000001ff7a042334325330327" + "8");
        only.release();
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(writer.nextSequence()).isEqualTo(2);
    }

    @Test
    void payloadOverOneFrameIsSplitWithConsecutiveSequenceIds() {
        byte[] payload = pattern(MAX_FRAME + 5);
        writer.sequence(3);
        writer.writeFromEventLoop(bytes(payload));
        writer.flush();
        List<Object[]> frames = frames();
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)[0]).isEqualTo(MAX_FRAME);
        assertThat(frames.get(0)[1]).isEqualTo(3);
        assertThat((byte[]) frames.get(0)[2]).isEqualTo(Arrays.copyOf(payload, MAX_FRAME));
        assertThat(frames.get(1)[0]).isEqualTo(5);
        assertThat(frames.get(1)[1]).isEqualTo(4);
        assertThat((byte[]) frames.get(1)[2]).isEqualTo(Arrays.copyOfRange(payload, MAX_FRAME, MAX_FRAME + 5));
        assertThat(writer.nextSequence()).isEqualTo(5);
    }

    @Test
    void exactMultipleOfMaxFrameEndsWithAnEmptyFrame() {
        byte[] payload = pattern(2 * MAX_FRAME);
        writer.sequence(0);
        writer.writeFromEventLoop(bytes(payload));
        writer.flush();
        List<Object[]> frames = frames();
        assertThat(frames).extracting(f -> f[0]).containsExactly(MAX_FRAME, MAX_FRAME, 0);
        assertThat(frames).extracting(f -> f[1]).containsExactly(0, 1, 2);
        assertThat((byte[]) frames.get(1)[2]).isEqualTo(Arrays.copyOfRange(payload, MAX_FRAME, 2 * MAX_FRAME));
    }

    @Test
    void oneByteUnderAFrameStaysOneFrame() {
        writer.writeFromEventLoop(bytes(pattern(MAX_FRAME - 1)));
        writer.flush();
        assertThat(frames()).extracting(f -> f[0]).containsExactly(MAX_FRAME - 1);
    }

    @Test
    void sequenceIdsWrapAt256() {
        writer.sequence(255);
        writer.writeFromEventLoop(bytes(new byte[] {1}));
        writer.writeFromEventLoop(bytes(new byte[] {2}));
        writer.flush();
        assertThat(frames()).extracting(f -> f[1]).containsExactly(255, 0);
        assertThatThrownBy(() -> writer.sequence(256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blockingWriteRefusesTheEventLoop() {
        // EmbeddedChannel's event loop is "every thread", so write() must refuse here
        assertThatThrownBy(() -> writer.write(OkPacket.of(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event loop");
        ByteBuf raw = Unpooled.wrappedBuffer(new byte[] {1});
        assertThatThrownBy(() -> writer.writeRaw(raw)).isInstanceOf(IllegalStateException.class);
        assertThat(raw.refCnt()).as("writeRaw owns its payload even when it refuses").isZero();
        assertThat(writer.nextSequence()).isZero();
    }

    @Test
    void aPacketThatFailsToEncodeWritesNothing() {
        assertThatThrownBy(() -> writer.writeFromEventLoop(out -> {
                    out.writeByte(1);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        writer.flush();
        assertThat(frames()).isEmpty();
        assertThat(writer.nextSequence()).isZero();
    }

    @Test
    void writesToAClosedChannelFromTheEventLoopAreDropped() {
        channel.close();
        writer.writeFromEventLoop(OkPacket.of(2));
        assertThat(writer.nextSequence()).isZero();
    }
}

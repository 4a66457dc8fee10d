package io.shardgate.protocol;

import static io.shardgate.protocol.Packet.HEADER_LENGTH;
import static io.shardgate.protocol.Packet.MAX_FRAME_LENGTH;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Turns the inbound byte stream into {@link Packet}s (or {@link OversizedPacket}s).
 *
 * <p>Each frame has a 4-byte header: int&lt;3&gt; payload length and int&lt;1&gt; sequence id. A
 * frame of length 0xFFFFFF means the logical packet continues in the next frame, so a packet whose
 * size is an exact multiple of 0xFFFFFF ends with an empty frame.
 *
 * <p>Memory is bounded by {@code maxPayloadBytes} plus one frame: the size check happens on each
 * frame header, before the frame is buffered, and an oversized packet's remaining bytes are
 * skipped as they arrive rather than accumulated.
 *
 * <p>A packet begun but not finished within the read timeout is answered with a {@link
 * ReadTimedOut} (see {@link PartialPacketTimer}).
 *
 * <p>Sequence ids are passed through, not checked: only the command handler knows which id it
 * expects.
 *
 * <p>Each {@code decode} call emits at most one message, so {@link ByteToMessageDecoder} hands it
 * to the next handler before looking at the following bytes, and stops if that handler removed
 * this one (a TLS upgrade must see the bytes after an SSLRequest unframed).
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/0-packet">MariaDB: packet format</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL: sending more than 16 MiB</a>
 */
public final class PacketFramer extends ByteToMessageDecoder {

    private final long maxPayloadBytes;
    private final PartialPacketTimer timer;
    /** Sequence id of the last frame header seen, for the error a timeout answers with. */
    private int lastSequenceId;

    /** Frames of the logical packet being joined; null while none is pending. Event loop only. */
    private CompositeByteBuf pending;

    /** Payload bytes of the current frame still to be discarded. */
    private long skipRemaining;

    /** Whether the frame being discarded had length 0xFFFFFF, so its packet goes on after it. */
    private boolean skipContinues;

    public PacketFramer(long maxPayloadBytes, long readTimeoutMillis) {
        if (maxPayloadBytes < 1) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive: " + maxPayloadBytes);
        }
        this.maxPayloadBytes = maxPayloadBytes;
        this.timer = new PartialPacketTimer(readTimeoutMillis);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        timer.afterRead(ctx, actualReadableBytes() > 0 || pending != null || skipRemaining > 0, lastSequenceId);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            if (skipRemaining > 0) {
                int n = (int) Math.min(skipRemaining, in.readableBytes());
                in.skipBytes(n);
                skipRemaining -= n;
                if (skipRemaining > 0) {
                    return;
                }
            }
            if (in.readableBytes() < HEADER_LENGTH) {
                return;
            }
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int sequenceId = in.getUnsignedByte(start + 3);
            lastSequenceId = sequenceId;
            if (skipContinues) {
                discardFrame(in, length);
                continue;
            }
            long soFar = (pending == null ? 0 : pending.readableBytes()) + (long) length;
            if (soFar > maxPayloadBytes) {
                releasePending();
                discardFrame(in, length);
                out.add(new OversizedPacket(sequenceId, soFar));
                return;
            }
            if (in.readableBytes() < HEADER_LENGTH + length) {
                return;
            }
            in.skipBytes(HEADER_LENGTH);
            ByteBuf frame = in.readRetainedSlice(length);
            if (length == MAX_FRAME_LENGTH) {
                if (pending == null) {
                    pending = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
                }
                pending.addComponent(true, frame);
            } else if (pending == null) {
                out.add(new Packet(sequenceId, frame));
                return;
            } else {
                CompositeByteBuf joined = pending.addComponent(true, frame);
                pending = null;
                out.add(new Packet(sequenceId, joined));
                return;
            }
        }
    }

    /** Consumes the header and arranges for the frame's payload to be skipped, however it arrives. */
    private void discardFrame(ByteBuf in, int length) {
        in.skipBytes(HEADER_LENGTH);
        skipRemaining = length;
        skipContinues = length == MAX_FRAME_LENGTH;
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        timer.cancel();
        releasePending();
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /** Bytes held for not-yet-emitted packets: cumulation plus joined frames. For tests. */
    long bufferedBytes() {
        ByteBuf cumulation = internalBuffer();
        return cumulation.readableBytes() + (pending == null ? 0L : pending.readableBytes());
    }
}

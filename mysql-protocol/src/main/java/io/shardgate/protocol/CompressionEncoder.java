package io.shardgate.protocol;

import static io.shardgate.protocol.CompressionCodec.HEADER_LENGTH;
import static io.shardgate.protocol.Packet.MAX_FRAME_LENGTH;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Outbound half of {@link CompressionCodec}: collects the framed packets written to the channel and
 * sends them as compressed packets, like MariaDB's network layer: several small packets share one
 * compressed packet (MariaDB fills its 16 KiB net buffer first; captured in {@code
 * compressed-headers-3000-rows.hex}), a compressed packet holds less than 0xFFFFFF bytes, and data
 * under 50 bytes, or that deflate would not shrink, goes as it is with uncompressed length 0.
 *
 * <p>Bytes wait here only until a flush or until {@link #BATCH} have gathered, so what the channel's
 * write buffer counts for backpressure lags by at most one batch.
 */
final class CompressionEncoder extends ChannelOutboundHandlerAdapter {

    /** MariaDB's MIN_COMPRESS_LENGTH: shorter data is not worth deflating. */
    static final int MIN_COMPRESS_LENGTH = 50;

    /** Bytes gathered before compressing without waiting for a flush: MariaDB's net_buffer_length. */
    static final int BATCH = 16 * 1024;

    private static final int DEFLATE_STEP = 64 * 1024;

    /**
     * Bytes of the packet stream one compressed packet carries at most: one less than its 3-byte
     * length fields allow. Connector/J (26.10) loses its place in the stream after a stored
     * compressed packet of 0xFFFFFF bytes (an incompressible 17 MiB row then fails with "Packets
     * received out of order"; CompressionIT), and MariaDB sends none for the same row.
     */
    static final int MAX_CHUNK = MAX_FRAME_LENGTH - 1;

    private final CompressedSequence sequence;
    private final Deflater deflater = new Deflater();
    private final List<ChannelPromise> promises = new ArrayList<>();
    private CompositeByteBuf pending;

    CompressionEncoder(CompressedSequence sequence) {
        this.sequence = sequence;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf buf)) {
            emit(ctx, true);
            ctx.write(msg, promise);
            return;
        }
        if (pending == null) {
            pending = ctx.alloc().compositeBuffer(64);
        }
        pending.addComponent(true, buf);
        if (!promise.isVoid()) {
            promises.add(promise);
        }
        if (pending.readableBytes() >= BATCH) {
            emit(ctx, false);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        emit(ctx, true);
        ctx.flush();
    }

    /**
     * Sends pending bytes as compressed packets of at most {@link #MAX_CHUNK} bytes: all of them
     * on a flush; otherwise full-size packets, and the rest too if it makes a batch, so that the
     * tail of a large packet waits to share a compressed packet with what follows.
     */
    private void emit(ChannelHandlerContext ctx, boolean all) {
        if (pending == null) {
            return;
        }
        ChannelPromise last = ctx.voidPromise();
        boolean sent = false;
        while (pending.readableBytes() >= MAX_CHUNK || pending.readableBytes() >= (all ? 1 : BATCH)) {
            ByteBuf chunk = take(ctx, Math.min(pending.readableBytes(), MAX_CHUNK));
            last = writePacket(ctx, chunk, !pending.isReadable() && !promises.isEmpty());
            sent = true;
        }
        if (!pending.isReadable()) {
            pending.release();
            pending = null;
        } else {
            pending.discardReadComponents();
        }
        if (sent && pending == null && !promises.isEmpty()) {
            List<ChannelPromise> waiting = List.copyOf(promises);
            promises.clear();
            last.addListener(f -> waiting.forEach(p -> {
                if (f.isSuccess()) {
                    p.trySuccess();
                } else {
                    p.tryFailure(f.cause());
                }
            }));
        }
    }

    /**
     * The next {@code length} pending bytes as a buffer of their own. Not a slice of {@code pending}:
     * a stored chunk waits in the channel's outbound buffer, and a slice of a composite reads through
     * its indexes, which {@code discardReadComponents} shifts, so the chunk would then send other
     * bytes. The parts are slices of the components themselves, retained.
     */
    private ByteBuf take(ChannelHandlerContext ctx, int length) {
        List<ByteBuf> parts = pending.decompose(pending.readerIndex(), length);
        pending.skipBytes(length);
        if (parts.size() == 1) {
            return parts.getFirst().retain();
        }
        CompositeByteBuf chunk = ctx.alloc().compositeBuffer(parts.size());
        for (ByteBuf part : parts) {
            chunk.addComponent(true, part.retain());
        }
        return chunk;
    }

    /** Writes one compressed packet holding {@code chunk}, which it consumes. */
    private ChannelPromise writePacket(ChannelHandlerContext ctx, ByteBuf chunk, boolean tracked) {
        ChannelPromise promise = tracked ? ctx.newPromise() : ctx.voidPromise();
        int length = chunk.readableBytes();
        ByteBuf deflated = length < MIN_COMPRESS_LENGTH ? null : deflate(ctx, chunk);
        if (deflated != null) {
            chunk.release();
            deflated.setMediumLE(0, deflated.readableBytes() - HEADER_LENGTH);
            deflated.setByte(3, sequence.advance());
            deflated.setMediumLE(4, length);
            ctx.write(deflated, promise);
            return promise;
        }
        ByteBuf header = ctx.alloc().ioBuffer(HEADER_LENGTH);
        header.writeMediumLE(length).writeByte(sequence.advance()).writeMediumLE(0);
        ctx.write(header, ctx.voidPromise());
        ctx.write(chunk, promise);
        return promise;
    }

    /**
     * The compressed packet for {@code chunk}, header space reserved in front, or null when deflate
     * would not make it smaller (the output is capped there, so incompressible data costs no more).
     */
    private ByteBuf deflate(ChannelHandlerContext ctx, ByteBuf chunk) {
        int length = chunk.readableBytes();
        int cap = HEADER_LENGTH + length - 1;
        ByteBuf out = ctx.alloc().heapBuffer(Math.min(cap, HEADER_LENGTH + DEFLATE_STEP), cap);
        out.writerIndex(HEADER_LENGTH);
        deflater.reset();
        deflater.setInput(chunk.nioBuffer());
        deflater.finish();
        while (!deflater.finished()) {
            if (out.writerIndex() == cap) {
                out.release();
                return null;
            }
            out.ensureWritable(Math.min(DEFLATE_STEP, cap - out.writerIndex()));
            int n = deflater.deflate(out.array(), out.arrayOffset() + out.writerIndex(), out.writableBytes());
            out.writerIndex(out.writerIndex() + n);
        }
        return out;
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        discardPending(new java.nio.channels.ClosedChannelException());
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        discardPending(new java.nio.channels.ClosedChannelException());
        deflater.end();
    }

    /** Unflushed writes die with the channel, as they would in Netty's own outbound buffer. */
    private void discardPending(Throwable cause) {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        promises.forEach(p -> p.tryFailure(cause));
        promises.clear();
    }
}

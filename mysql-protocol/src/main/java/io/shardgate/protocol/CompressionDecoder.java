package io.shardgate.protocol;

import static io.shardgate.protocol.CompressionCodec.HEADER_LENGTH;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inbound half of {@link CompressionCodec}: turns compressed packets back into the plain byte
 * stream, which {@link PacketFramer} then frames.
 *
 * <p>Memory is bounded by the claim limit (at most 0xFFFFFF, the header's range): a header
 * claiming more, compressed or uncompressed, is answered with an {@link OversizedPacket} before its
 * body is read. The inflated buffer grows as data actually inflates rather than being sized by the
 * claim, and never beyond it, so neither a lying header nor a zip bomb allocates more than the
 * limit. A body that does not inflate to exactly the claimed length is a {@link
 * CorruptCompressedPacket}. After either error every further byte is discarded: the stream cannot
 * be resynchronised, and the connection is being closed.
 */
final class CompressionDecoder extends ByteToMessageDecoder {

    /** Growth step of an inflated buffer: small packets stay small, garbage fails early. */
    private static final int INFLATE_STEP = 64 * 1024;

    private final int claimLimit;
    private final CompressedSequence sequence;
    private final PartialPacketTimer timer;
    private final Inflater inflater = new Inflater();
    private boolean failed;
    private int lastSequenceId;

    CompressionDecoder(int claimLimit, CompressedSequence sequence, long readTimeoutMillis) {
        this.claimLimit = claimLimit;
        this.sequence = sequence;
        this.timer = new PartialPacketTimer(readTimeoutMillis);
    }

    /** An unfinished compressed packet waits here, before the framer sees any of it: time it too. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        timer.afterRead(ctx, !failed && actualReadableBytes() > 0, lastSequenceId);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < HEADER_LENGTH) {
            return;
        }
        int start = in.readerIndex();
        int compressedLength = in.getUnsignedMediumLE(start);
        int sequenceId = in.getUnsignedByte(start + 3);
        lastSequenceId = sequenceId;
        int uncompressedLength = in.getUnsignedMediumLE(start + 4);
        if (compressedLength > claimLimit || uncompressedLength > claimLimit) {
            fail(in, out, new OversizedPacket(sequenceId, Math.max(compressedLength, uncompressedLength)));
            return;
        }
        if (in.readableBytes() < HEADER_LENGTH + compressedLength) {
            return;
        }
        in.skipBytes(HEADER_LENGTH);
        sequence.received(sequenceId);
        if (uncompressedLength == 0) {
            // sent as it is: below the compression threshold, or it would not have shrunk
            out.add(in.readRetainedSlice(compressedLength));
            return;
        }
        ByteBuf body = in.readSlice(compressedLength);
        ByteBuf inflated = ctx.alloc().heapBuffer(Math.min(uncompressedLength, INFLATE_STEP), uncompressedLength);
        String problem = inflate(body, inflated, uncompressedLength);
        if (problem != null) {
            inflated.release();
            fail(in, out, new CorruptCompressedPacket(sequenceId, problem));
            return;
        }
        out.add(inflated);
    }

    /** Inflates {@code body} into {@code into}; returns what was wrong, or null if it held exactly {@code expected} bytes. */
    private String inflate(ByteBuf body, ByteBuf into, int expected) {
        inflater.reset();
        inflater.setInput(body.nioBuffer());
        try {
            while (!inflater.finished()) {
                if (into.writerIndex() == expected) {
                    return "inflates to more than the " + expected + " bytes claimed";
                }
                into.ensureWritable(Math.min(INFLATE_STEP, expected - into.writerIndex()));
                int n = inflater.inflate(into.array(), into.arrayOffset() + into.writerIndex(), into.writableBytes());
                into.writerIndex(into.writerIndex() + n);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return "zlib data ends after " + into.writerIndex() + " of " + expected + " bytes";
                }
            }
        } catch (DataFormatException e) {
            return "not zlib data: " + e.getMessage();
        }
        if (into.writerIndex() != expected) {
            return "inflates to " + into.writerIndex() + " bytes, header claims " + expected;
        }
        if (inflater.getRemaining() > 0) {
            return inflater.getRemaining() + " bytes after the end of the zlib data";
        }
        return null;
    }

    private void fail(ByteBuf in, List<Object> out, StreamError error) {
        failed = true;
        in.skipBytes(in.readableBytes());
        out.add(error);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        timer.cancel();
        inflater.end();
    }
}

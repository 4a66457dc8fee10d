package io.shardgate.protocol;

import static io.shardgate.protocol.Packet.HEADER_LENGTH;
import static io.shardgate.protocol.Packet.MAX_FRAME_LENGTH;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.channel.VoidChannelPromise;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Frames outbound packets for one channel: sequence ids, splitting at 16 MiB, and backpressure.
 *
 * <p>Two ways in. {@link #write} and {@link #writeRaw} run on the session's virtual thread and
 * block while the channel is not writable, so a slow client slows the backend reads that feed it
 * instead of filling memory. {@link #writeFromEventLoop} never blocks, for the few small packets
 * the event loop itself sends (greeting, auth exchange, an error before closing).
 *
 * <p>A failed write is not reported by itself: it means the connection is gone (Netty closes the
 * channel on an I/O error), which the next {@link #write} reports as {@link ChannelClosedException}
 * and the handler sees as {@code channelInactive}. Reporting each one would fire {@code
 * exceptionCaught} once per packet still queued when a client disconnects mid-result.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/0-packet">MariaDB: packet format</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL: sending more than 16 MiB</a>
 */
public final class PacketWriter {

    private final Channel channel;

    /** Completes no one and reports nothing: see the class comment. Saves a promise per packet. */
    private final ChannelPromise silent;

    /**
     * Guards no field of ours: it makes "check writability, then await" atomic with respect to
     * {@link #writabilityChanged}'s signal, so a wake-up between the two is not lost.
     */
    private final ReentrantLock lock = new ReentrantLock();

    /** Signalled when the channel's writability changes or the channel closes. */
    private final Condition writabilityChanged = lock.newCondition();

    /**
     * Sequence id of the next frame. Not locked: only one thread writes at a time (the event loop
     * during the handshake, then the session thread); the hand-off between them goes through an
     * executor, which orders it.
     */
    private int sequence;

    public PacketWriter(Channel channel) {
        this.channel = channel;
        this.silent = new VoidChannelPromise(channel, false);
        channel.closeFuture().addListener(f -> writabilityChanged());
    }

    /** The sequence id the next frame will carry; does not advance it. */
    public int nextSequence() {
        return sequence;
    }

    /** Sets the next frame's sequence id: a command's reply starts at the command's id + 1. */
    public void sequence(int next) {
        if (next < 0 || next > 0xFF) {
            throw new IllegalArgumentException("sequence id out of range: " + next);
        }
        sequence = next;
    }

    /**
     * Encodes and queues one packet, first waiting (flushing) while the channel is not writable.
     *
     * @throws IllegalStateException on the event loop, which must never block
     * @throws ChannelClosedException if the channel is or becomes closed
     * @throws CancellationException if the thread is interrupted while waiting (interrupt kept)
     */
    public void write(ServerPacket packet) {
        awaitWritable();
        ByteBuf buf = encode(packet);
        writeFramed(buf, HEADER_LENGTH, buf.readableBytes() - HEADER_LENGTH, true);
    }

    /**
     * Frames and queues a payload that is already encoded, taking ownership of it. Blocks like
     * {@link #write}.
     */
    public void writeRaw(ByteBuf payload) {
        try {
            awaitWritable();
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
        writeFramed(payload, payload.readerIndex(), payload.readableBytes(), false);
    }

    /**
     * Encodes and queues one packet without waiting for writability. Meant for the event loop;
     * does nothing if the channel is already closed, as there is nobody left to tell.
     */
    public void writeFromEventLoop(ServerPacket packet) {
        if (!channel.isActive()) {
            return;
        }
        ByteBuf buf = encode(packet);
        writeFramed(buf, HEADER_LENGTH, buf.readableBytes() - HEADER_LENGTH, true);
    }

    public void flush() {
        channel.flush();
    }

    /** The channel handler calls this from {@code channelWritabilityChanged}. */
    public void writabilityChanged() {
        lock.lock();
        try {
            writabilityChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitWritable() {
        if (channel.eventLoop().inEventLoop()) {
            throw new IllegalStateException("PacketWriter.write may block; call it off the event loop"
                    + " or use writeFromEventLoop");
        }
        if (channel.isWritable()) {
            return;
        }
        channel.flush();
        lock.lock();
        try {
            while (!channel.isWritable() && channel.isActive()) {
                writabilityChanged.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the client to read");
        } finally {
            lock.unlock();
        }
        if (!channel.isActive()) {
            throw new ChannelClosedException();
        }
    }

    /** Encodes into a buffer whose first 4 bytes are reserved for the header, so nothing is copied. */
    private ByteBuf encode(ServerPacket packet) {
        ByteBuf buf = channel.alloc().ioBuffer();
        try {
            buf.writeZero(HEADER_LENGTH);
            packet.writePayload(buf);
            return buf;
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
    }

    /**
     * Writes the {@code length} payload bytes of {@code buf} starting at {@code offset} as frames,
     * consuming {@code buf}. When {@code headerReserved}, the 4 bytes before {@code offset} are free
     * for the first header; otherwise every header is a separate small buffer.
     */
    private void writeFramed(ByteBuf buf, int offset, int length, boolean headerReserved) {
        if (length < MAX_FRAME_LENGTH && headerReserved) {
            buf.setMediumLE(offset - HEADER_LENGTH, length);
            buf.setByte(offset - 1, advance());
            channel.write(buf, silent);
            return;
        }
        try {
            int frame;
            do {
                frame = Math.min(length, MAX_FRAME_LENGTH);
                if (headerReserved) {
                    buf.setMediumLE(offset - HEADER_LENGTH, frame);
                    buf.setByte(offset - 1, advance());
                    channel.write(buf.retainedSlice(offset - HEADER_LENGTH, HEADER_LENGTH + frame), silent);
                    headerReserved = false;
                } else {
                    ByteBuf header = channel.alloc().ioBuffer(HEADER_LENGTH);
                    header.writeMediumLE(frame).writeByte(advance());
                    channel.write(header, silent);
                    if (frame > 0) {
                        channel.write(buf.retainedSlice(offset, frame), silent);
                    }
                }
                offset += frame;
                length -= frame;
            } while (frame == MAX_FRAME_LENGTH); // a full frame says "more follows", even if that is an empty frame
        } finally {
            buf.release();
        }
    }

    private int advance() {
        int current = sequence;
        sequence = (sequence + 1) & 0xFF;
        return current;
    }
}

package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * One inbound logical packet: the payloads of its frames joined, without headers.
 *
 * <p>{@code sequenceId} is that of the last frame, so the reply continues from {@code sequenceId + 1}
 * (modulo 256) whether the packet came in one frame or several. The packet owns {@code payload};
 * it is {@link ReferenceCounted} so that Netty's {@code ReferenceCountUtil.release} frees one that
 * no handler consumed.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/0-packet">MariaDB: packet format</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL: MySQL packets</a>
 */
public record Packet(int sequenceId, ByteBuf payload) implements ReferenceCounted {

    /** Largest payload of one frame; a frame this long says the logical packet continues. */
    public static final int MAX_FRAME_LENGTH = 0xFFFFFF;

    /** Bytes of the frame header: int&lt;3&gt; payload length, int&lt;1&gt; sequence id. */
    public static final int HEADER_LENGTH = 4;

    @Override
    public int refCnt() {
        return payload.refCnt();
    }

    @Override
    public Packet retain() {
        payload.retain();
        return this;
    }

    @Override
    public Packet retain(int increment) {
        payload.retain(increment);
        return this;
    }

    @Override
    public Packet touch() {
        payload.touch();
        return this;
    }

    @Override
    public Packet touch(Object hint) {
        payload.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return payload.release();
    }

    @Override
    public boolean release(int decrement) {
        return payload.release(decrement);
    }
}

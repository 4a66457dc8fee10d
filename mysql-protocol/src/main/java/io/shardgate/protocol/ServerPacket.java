package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A packet the server sends. It writes only its payload; {@link PacketWriter} adds the frame
 * header and splits payloads of 16 MiB or more.
 */
public interface ServerPacket {

    void writePayload(ByteBuf out);
}

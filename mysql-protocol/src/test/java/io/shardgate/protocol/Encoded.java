package io.shardgate.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;

/** Encodes packets the way production does, through a {@link PacketWriter}, and returns the bytes. */
final class Encoded {

    private Encoded() {}

    /** Frames as sent on the wire, headers included, the first with sequence id {@code firstSequence}. */
    static byte[] frames(int firstSequence, ServerPacket... packets) {
        EmbeddedChannel channel = new EmbeddedChannel();
        try {
            PacketWriter writer = new PacketWriter(channel);
            writer.sequence(firstSequence);
            for (ServerPacket p : packets) {
                writer.writeFromEventLoop(p);
            }
            writer.flush();
            return drain(channel);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Just the payload {@code packet} writes. */
    static byte[] payload(ServerPacket packet) {
        ByteBuf buf = Unpooled.buffer();
        try {
            packet.writePayload(buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    static byte[] drain(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf b; (b = channel.readOutbound()) != null; ) {
            out.writeBytes(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out.toByteArray();
    }
}

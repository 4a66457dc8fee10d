package io.shardgate.protocol;

import io.netty.channel.ChannelPipeline;
import io.netty.channel.CombinedChannelDuplexHandler;

/**
 * The compressed packet layer (CLIENT_COMPRESS, zlib), below the packet framing: each compressed
 * packet has a 7-byte header, int&lt;3&gt; length of its body, int&lt;1&gt; compressed sequence id,
 * int&lt;3&gt; length before compression (0: the body is not compressed), and carries any slice of
 * the plain packet stream, headers included. Under TLS it sits inside TLS: bytes are compressed,
 * then encrypted.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/0-packet#compressed-packet">MariaDB: compressed packet</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression_packet.html">MySQL: compressed packet</a>
 */
public final class CompressionCodec extends CombinedChannelDuplexHandler<CompressionDecoder, CompressionEncoder> {

    public static final String NAME = "compression";

    /** int&lt;3&gt; compressed length, int&lt;1&gt; sequence id, int&lt;3&gt; uncompressed length. */
    public static final int HEADER_LENGTH = 7;

    /**
     * @param maxPayloadBytes   the largest packet the framer accepts: a compressed packet may claim
     *                          that plus one frame header, never more than its 3-byte lengths allow
     * @param readTimeoutMillis how long a compressed packet may stay unfinished
     */
    public CompressionCodec(long maxPayloadBytes, long readTimeoutMillis) {
        CompressedSequence sequence = new CompressedSequence();
        int claimLimit = (int) Math.min(Packet.MAX_FRAME_LENGTH, maxPayloadBytes + Packet.HEADER_LENGTH);
        init(new CompressionDecoder(claimLimit, sequence, readTimeoutMillis), new CompressionEncoder(sequence));
    }

    /**
     * Puts compression in front of the channel's {@link PacketFramer}, behind TLS if there is TLS.
     * Call it on the event loop, after the packet that must still go uncompressed (the OK ending
     * the login) has been written, and before the client's next bytes are read.
     */
    public static void install(ChannelPipeline pipeline, long maxPayloadBytes, long readTimeoutMillis) {
        String framer = pipeline.context(PacketFramer.class).name();
        pipeline.addBefore(framer, NAME, new CompressionCodec(maxPayloadBytes, readTimeoutMillis));
    }
}

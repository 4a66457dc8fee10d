package io.shardgate.protocol;

/**
 * Emitted by {@link PacketFramer} instead of a {@link Packet} whose payload would exceed the
 * configured maximum (and by {@link CompressionDecoder} for a compressed packet claiming more). The framer emits it as soon as a frame header shows the limit is crossed and
 * discards the rest of that logical packet as it arrives, so the handler can answer at once with
 * {@link #error()} and close, as MariaDB does.
 *
 * @param sequenceId the sequence id of the frame that crossed the limit; the ERR goes out with
 *     {@code sequenceId + 1}, as MariaDB's does (captured in {@code err-packet-too-large.hex})
 * @param declaredBytesSoFar payload bytes announced by the headers read so far, including that
 *     frame's; the logical packet may be longer still
 */
public record OversizedPacket(int sequenceId, long declaredBytesSoFar) implements StreamError {

    private static final ErrPacket ERROR =
            new ErrPacket(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes");

    /** ER_NET_PACKET_TOO_LARGE, exactly as MariaDB words it. */
    @Override
    public ErrPacket error() {
        return ERROR;
    }
}

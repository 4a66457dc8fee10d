package io.shardgate.protocol;

/**
 * Emitted by {@link CompressionDecoder} for a compressed packet whose body does not inflate to
 * exactly the length its header claims (not zlib data, truncated, or longer). The stream cannot be
 * resynchronised after it, so the connection ends.
 *
 * @param reason what was wrong, for the log
 */
public record CorruptCompressedPacket(int sequenceId, String reason) implements StreamError {

    private static final ErrPacket ERROR = new ErrPacket(1157, "08S01", "Couldn't uncompress communication packet");

    /** ER_NET_UNCOMPRESS_ERROR, as MariaDB words it. */
    @Override
    public ErrPacket error() {
        return ERROR;
    }
}

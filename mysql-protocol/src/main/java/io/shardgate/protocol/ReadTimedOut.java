package io.shardgate.protocol;

/**
 * Emitted when a client began a packet and did not finish it within the read timeout (MariaDB's
 * {@code net_read_timeout}): the connection is answered with ER_NET_READ_INTERRUPTED and closed,
 * so a client that stalls mid-packet cannot hold buffered bytes forever.
 *
 * @param sequenceId the sequence id of the unfinished frame, or of the last one read
 */
public record ReadTimedOut(int sequenceId, long timeoutMillis) implements StreamError {

    private static final ErrPacket ERROR = new ErrPacket(1159, "08S01", "Got timeout reading communication packets");

    @Override
    public ErrPacket error() {
        return ERROR;
    }
}

package io.shardgate.protocol;

/**
 * Emitted by a decoder instead of a packet when the inbound byte stream cannot go on: the handler
 * answers with {@link #error()} (sequence id {@code sequenceId() + 1}) and closes the connection,
 * as MariaDB does. The decoder has already arranged to discard what follows.
 */
public sealed interface StreamError permits OversizedPacket, CorruptCompressedPacket, ReadTimedOut {

    /** The sequence id of the frame (or compressed packet) that failed. */
    int sequenceId();

    ErrPacket error();
}

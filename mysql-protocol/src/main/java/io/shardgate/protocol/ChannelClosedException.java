package io.shardgate.protocol;

import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

/**
 * Thrown by {@link PacketWriter} when the client connection is closed, so that code streaming a
 * result stops (and releases its backend resources) instead of writing into nothing. Unchecked so
 * that it passes through row iteration callbacks; the cause is always a {@link
 * ClosedChannelException} for code that tests for that.
 */
public final class ChannelClosedException extends UncheckedIOException {

    public ChannelClosedException() {
        super("client connection closed", new ClosedChannelException());
    }
}

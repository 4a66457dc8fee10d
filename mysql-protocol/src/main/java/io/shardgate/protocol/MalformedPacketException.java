package io.shardgate.protocol;

/**
 * A payload that does not hold what its type says: truncated, a length pointing past the end, a
 * wrong header byte. Unchecked because a peer sending one is not something a caller can retry; the
 * connection handler answers with an error and closes.
 */
public final class MalformedPacketException extends RuntimeException {

    public MalformedPacketException(String message) {
        super(message);
    }
}

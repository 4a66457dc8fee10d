package io.shardgate.protocol;

/**
 * The sequence id of compressed packets, shared by the two halves of {@link CompressionCodec}.
 * It counts compressed packets, independently of the sequence ids inside them: a reply continues
 * from the id of the client's last compressed packet, one more per compressed packet sent, as
 * MariaDB does (captured in {@code compressed.hex}) and libmariadb checks. Event loop only.
 */
final class CompressedSequence {

    private int next;

    /** A compressed packet came in: what goes out next answers it. */
    void received(int sequenceId) {
        next = (sequenceId + 1) & 0xFF;
    }

    int advance() {
        int current = next;
        next = (next + 1) & 0xFF;
        return current;
    }
}

package io.shardgate.backend;

/**
 * Backend connections differ by what the client's handshake asked for: with CLIENT_FOUND_ROWS an
 * UPDATE reports rows matched, without it rows changed. The flag is fixed per connection at
 * login, so each flavor has its own pool, created when first needed.
 */
public enum ConnectionFlavor {
    FOUND_ROWS, AFFECTED_ROWS
}

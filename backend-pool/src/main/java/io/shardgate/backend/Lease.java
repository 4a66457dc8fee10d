package io.shardgate.backend;

import io.shardgate.config.HostPort;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A connection a statement runs on. Outside a transaction it came from the pool and goes back
 * when the statement's result is closed; inside one it stays pinned to the session.
 */
final class Lease {

    private final Connection connection;
    private final boolean pinned;
    private final HostPort member;

    Lease(Connection connection, boolean pinned, HostPort member) {
        this.connection = connection;
        this.pinned = pinned;
        this.member = member;
    }

    Connection connection() {
        return connection;
    }

    /** The member the connection goes to, {@code host:port}, as error messages name it. */
    String member() {
        return member.toString();
    }

    HostPort address() {
        return member;
    }

    /** Returns a borrowed connection to its pool; a pinned one stays with the session. */
    void release() {
        if (!pinned) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // HikariCP evicts a connection whose close failed; nothing is left to release
            }
        }
    }
}

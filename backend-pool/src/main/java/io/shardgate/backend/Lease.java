package io.shardgate.backend;

import com.mysql.cj.jdbc.ConnectionImpl;
import com.zaxxer.hikari.HikariDataSource;
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
    private final HikariDataSource pool;

    Lease(Connection connection, boolean pinned, HostPort member, HikariDataSource pool) {
        this.connection = connection;
        this.pinned = pinned;
        this.member = member;
        this.pool = pool;
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

    /** The same connection, held by the session (pinned) or not. */
    Lease pinned(boolean pin) {
        return new Lease(connection, pin, member, pool);
    }

    /**
     * Returns a borrowed connection to its pool; a pinned one stays with the session. A connection
     * whose streamed result Connector/J still holds open (a read that ended in an error part-way,
     * a result abandoned mid-stream) is discarded instead: its next borrower could issue nothing
     * on it.
     */
    void release() {
        if (pinned) {
            return;
        }
        if (streamingResultOpen()) {
            discard();
        } else {
            close();
        }
    }

    /** Whether Connector/J still holds a streamed result open on the connection (unknown: yes). */
    private boolean streamingResultOpen() {
        try {
            return connection.unwrap(ConnectionImpl.class).getSession().getProtocol().getStreamingData() != null;
        } catch (SQLException | RuntimeException unknown) {
            return true;
        }
    }

    /** Returns the connection to its pool, pinned or not. */
    void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // HikariCP evicts a connection whose close failed; nothing is left to release
        }
    }

    /**
     * Closes the connection for good: its state is unknown (a transaction that did not end, a SET
     * that failed), and the next borrower must not inherit it.
     */
    void discard() {
        // Marked evicted while in use; HikariCP closes it instead of pooling it when it comes back.
        pool.evictConnection(connection);
        close();
    }
}

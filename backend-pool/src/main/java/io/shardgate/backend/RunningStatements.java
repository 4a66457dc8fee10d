package io.shardgate.backend;

import com.mysql.cj.jdbc.JdbcConnection;
import io.shardgate.router.DataNode;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend statements one session is running, from execution until their result is closed, so
 * that a KILL QUERY from another connection (or Connector/J's query timeout) can stop them with
 * MariaDB's own {@code KILL QUERY thread_id} on the member.
 *
 * <p>{@code Statement.cancel()} is not enough: Connector/J only cancels while {@code execute} is
 * in progress, not while a streamed result is being read.
 *
 * <p>A kill must never reach a backend connection after it went back to the pool, where it would
 * stop another session's statement. So {@link Running#close} (called before the lease is released)
 * waits for a kill in progress, and a kill skips a statement already closed. A kill that arrives
 * just after the backend finished the statement is harmless: MariaDB ignores KILL QUERY on an idle
 * connection (captured in {@code kill-query-idle.hex}).
 */
final class RunningStatements {

    private static final Logger log = LoggerFactory.getLogger(RunningStatements.class);

    private final DataSourceRegistry registry;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    RunningStatements(DataSourceRegistry registry) {
        this.registry = registry;
    }

    /** Registers a statement about to run on {@code lease}'s connection. */
    Running start(Lease lease, DataNode node) {
        long threadId;
        try {
            threadId = lease.connection().unwrap(JdbcConnection.class).getId();
        } catch (SQLException e) {
            threadId = -1; // not a Connector/J connection: nothing to kill by id
        }
        Running r = new Running(lease, node, threadId);
        running.add(r);
        return r;
    }

    /** KILL QUERY on every statement running now; returns how many were asked to stop. */
    int cancelAll() {
        int n = 0;
        for (Running r : running) {
            if (r.cancel()) {
                n++;
            }
        }
        return n;
    }

    /** One statement while it runs or its result is read. */
    final class Running implements AutoCloseable {
        private final Lease lease;
        private final DataNode node;
        private final long threadId;
        /** Held while a kill is sent and while closing: see the class comment. */
        private final ReentrantLock lock = new ReentrantLock();
        private boolean closed;

        private Running(Lease lease, DataNode node, long threadId) {
            this.lease = lease;
            this.node = node;
            this.threadId = threadId;
        }

        private boolean cancel() {
            lock.lock();
            try {
                if (closed || threadId < 0) {
                    return false;
                }
                registry.killQuery(node.dataHost(), lease.address(), threadId);
                return true;
            } catch (SQLException e) {
                log.warn("KILL QUERY {} on {} ({}) failed: {}", threadId, lease.member(), node.name(), e.getMessage());
                return false;
            } finally {
                lock.unlock();
            }
        }

        /** The statement is over: call before its connection goes back to the pool. Idempotent. */
        @Override
        public void close() {
            lock.lock();
            try {
                closed = true;
            } finally {
                lock.unlock();
            }
            running.remove(this);
        }
    }
}

package io.shardgate.config;

/**
 * Connection pool settings applied to the pool of every member of a data host.
 *
 * @param maxConnections      upper bound of open connections per member
 * @param minIdle             idle connections kept open per member
 * @param connectTimeoutMillis how long a statement waits for a connection (and a new connection for
 *                            its TCP connect) before it fails
 */
public record PoolConfig(int maxConnections, int minIdle, long connectTimeoutMillis) {

    public static final PoolConfig DEFAULT = new PoolConfig(32, 2, 5_000);
}

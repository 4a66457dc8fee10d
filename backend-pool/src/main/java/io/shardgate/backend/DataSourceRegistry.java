package io.shardgate.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shardgate.config.DataHostConfig;
import io.shardgate.config.HostPort;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.router.DataNode;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.BackendSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HikariCP pool per data-host member in use (and per {@link ConnectionFlavor}), created on
 * first use. Each data host has an active member, the master until failover switches it; the
 * switch is one atomic map update, so a statement uses either the old or the new member, never a
 * mix.
 */
public final class DataSourceRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DataSourceRegistry.class);

    private record PoolKey(String dataHost, HostPort member, ConnectionFlavor flavor) {
    }

    private final Map<String, DataHostConfig> hosts = new ConcurrentHashMap<>();
    private final Map<String, HostPort> activeMember = new ConcurrentHashMap<>();
    private final Map<PoolKey, HikariDataSource> pools = new ConcurrentHashMap<>();
    private final ConnectionSettings settings = new ConnectionSettings();
    private volatile boolean closed;

    public DataSourceRegistry(ShardGateConfig config) {
        for (DataHostConfig h : config.dataHosts()) {
            hosts.put(h.name(), h);
            activeMember.put(h.name(), h.master());
        }
    }

    public HostPort activeMember(String dataHost) {
        HostPort m = activeMember.get(dataHost);
        if (m == null) {
            throw new IllegalArgumentException("unknown data host " + dataHost);
        }
        return m;
    }

    /** The pool statements for {@code node} use now. */
    HikariDataSource dataSource(DataNode node, ConnectionFlavor flavor) {
        if (closed) {
            throw new ShardGateException(ErrorCode.BACKEND_UNAVAILABLE, node.name(), node.dataHost(), "proxy is shutting down");
        }
        HostPort member = activeMember(node.dataHost());
        return pools.computeIfAbsent(new PoolKey(node.dataHost(), member, flavor), this::createPool);
    }

    /** A connection of {@code node}'s pool as a session's statement holds it. */
    Lease borrow(DataNode node, ConnectionFlavor flavor, boolean pin) {
        HostPort member = activeMember(node.dataHost());
        HikariDataSource pool = dataSource(node, flavor);
        try {
            return new Lease(pool.getConnection(), pin, member, pool);
        } catch (SQLException e) {
            throw BackendErrors.translate(e, node, member.toString());
        }
    }

    /**
     * A connection for the proxy's own statements (catalog, sequences), with the backend's default
     * session variables whatever session used it last. Close it to give it back.
     */
    public Connection connection(DataNode node, ConnectionFlavor flavor) throws SQLException {
        Connection c = dataSource(node, flavor).getConnection();
        try {
            settings.ensure(c, BackendSettings.DEFAULTS);
            return c;
        } catch (SQLException e) {
            dataSource(node, flavor).evictConnection(c);
            c.close();
            throw e;
        }
    }

    ConnectionSettings settings() {
        return settings;
    }

    private HikariDataSource createPool(PoolKey key) {
        DataHostConfig host = hosts.get(key.dataHost());
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(key.dataHost() + "/" + key.member() + (key.flavor() == ConnectionFlavor.AFFECTED_ROWS ? "/affected" : ""));
        hc.setJdbcUrl(jdbcUrl(key.member()));
        hc.setUsername(host.user());
        hc.setPassword(host.password());
        hc.setMaximumPoolSize(host.pool().maxConnections());
        hc.setMinimumIdle(host.pool().minIdle());
        hc.setConnectionTimeout(host.pool().connectTimeoutMillis());
        // A backend that is down at start must not stop the proxy: the pool retries as it is used.
        hc.setInitializationFailTimeout(-1);
        hc.setDataSourceProperties(connectorProperties(key.flavor(), host.pool().connectTimeoutMillis()));
        log.info("opening pool {} for data host {} member {}", hc.getPoolName(), key.dataHost(), key.member());
        return new HikariDataSource(hc);
    }

    /**
     * The character set every backend connection keeps: statements are sent and results read in
     * utf8mb4, whatever the client's character set (the proxy converts at its front end), so merge
     * primitives always see UTF-8. A client's collation_connection is applied on top, which changes
     * how the backend treats literals but not the bytes on the wire.
     */
    static final String CONNECTION_COLLATION = "utf8mb4_general_ci";

    /**
     * Connector/J settings for a proxy that streams values through as raw text bytes: no client-side
     * conversions, no statement rewriting, results in utf8mb4, one round trip per statement.
     */
    static Properties connectorProperties(ConnectionFlavor flavor, long connectTimeoutMillis) {
        Properties p = new Properties();
        p.setProperty("useAffectedRows", Boolean.toString(flavor == ConnectionFlavor.AFFECTED_ROWS));
        p.setProperty("useServerPrepStmts", "false");
        p.setProperty("characterEncoding", "UTF-8");
        p.setProperty("characterSetResults", "UTF-8");
        p.setProperty("connectionCollation", CONNECTION_COLLATION);
        p.setProperty("sslMode", "DISABLED");
        p.setProperty("allowPublicKeyRetrieval", "true");
        p.setProperty("allowLoadLocalInfile", "false");
        p.setProperty("allowMultiQueries", "false");
        p.setProperty("jdbcCompliantTruncation", "false");
        p.setProperty("tinyInt1isBit", "false");
        p.setProperty("yearIsDateType", "false");
        p.setProperty("cacheServerConfiguration", "true");
        p.setProperty("useLocalSessionState", "true");
        p.setProperty("elideSetAutoCommits", "true");
        p.setProperty("maintainTimeStats", "false");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("connectTimeout", Long.toString(connectTimeoutMillis));
        return p;
    }

    /**
     * {@code KILL QUERY threadId} on one member, over a connection opened for it: a pooled one
     * might have to be waited for, and the statement to stop may be what holds the pool.
     */
    public void killQuery(String dataHost, HostPort member, long threadId) throws SQLException {
        DataHostConfig host = hosts.get(dataHost);
        Properties p = connectorProperties(ConnectionFlavor.FOUND_ROWS, host.pool().connectTimeoutMillis());
        p.setProperty("user", host.user());
        p.setProperty("password", host.password());
        try (Connection c = DriverManager.getConnection(jdbcUrl(member), p); Statement st = c.createStatement()) {
            st.execute("KILL QUERY " + threadId);
        }
    }

    private static String jdbcUrl(HostPort member) {
        String host = member.host();
        return "jdbc:mysql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + member.port() + "/";
    }

    /** Connection counts of one open pool, for the management port. */
    public record PoolStatus(String dataHost, HostPort member, ConnectionFlavor flavor, int active, int idle,
                             int total, int waiting) {
    }

    public java.util.List<PoolStatus> poolStatus() {
        java.util.List<PoolStatus> out = new java.util.ArrayList<>();
        pools.forEach((key, ds) -> {
            var mx = ds.getHikariPoolMXBean();
            if (mx != null) {
                out.add(new PoolStatus(key.dataHost(), key.member(), key.flavor(), mx.getActiveConnections(),
                        mx.getIdleConnections(), mx.getTotalConnections(), mx.getThreadsAwaitingConnection()));
            }
        });
        out.sort(java.util.Comparator.comparing(PoolStatus::dataHost).thenComparing(p -> p.member().toString())
                .thenComparing(PoolStatus::flavor));
        return out;
    }

    public java.util.List<DataHostConfig> dataHosts() {
        return hosts.values().stream().sorted(java.util.Comparator.comparing(DataHostConfig::name)).toList();
    }

    @Override
    public void close() {
        closed = true;
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}

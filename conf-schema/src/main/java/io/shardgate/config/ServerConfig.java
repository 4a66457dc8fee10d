package io.shardgate.config;

import java.util.Objects;

/**
 * Listening addresses, protocol limits and login settings of the proxy.
 *
 * @param bindAddress           address both ports listen on
 * @param port                  MySQL protocol port for applications
 * @param managerPort           MySQL protocol port for operators' management commands
 * @param maxAllowedPacket      largest client packet payload accepted, in bytes (also reported as
 *                              {@code @@max_allowed_packet})
 * @param maxPreparedStatements prepared statements one client connection may hold at a time,
 *                              protocol-level and SQL-level together (reported as
 *                              {@code @@max_prepared_stmt_count})
 * @param defaultAuthPlugin     the plugin the greeting names, and of users that name none
 * @param tls                   TLS on both ports
 * @param netReadTimeoutMillis  how long a client may leave a packet unfinished (MariaDB's
 *                              {@code net_read_timeout}); then it gets ERR 1159 and is disconnected
 * @param connectTimeoutMillis  how long a new connection may take to log in (MariaDB's
 *                              {@code connect_timeout}); then it is closed, as MariaDB closes it
 */
public record ServerConfig(String bindAddress, int port, int managerPort, long maxAllowedPacket,
                           int maxPreparedStatements, AuthPlugin defaultAuthPlugin, TlsConfig tls,
                           long netReadTimeoutMillis, long connectTimeoutMillis) {

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 8066;
    public static final int DEFAULT_MANAGER_PORT = 9066;
    public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L * 1024 * 1024;
    public static final AuthPlugin DEFAULT_AUTH_PLUGIN = AuthPlugin.MYSQL_NATIVE_PASSWORD;
    /** MariaDB's default max_prepared_stmt_count (there for the whole server, here per connection). */
    public static final int DEFAULT_MAX_PREPARED_STATEMENTS = 16382;
    /** MariaDB's upper bound of max_prepared_stmt_count. */
    public static final int MAX_PREPARED_STATEMENTS = 1_048_576;
    /** MariaDB's default net_read_timeout, 30 s. */
    public static final long DEFAULT_NET_READ_TIMEOUT_MILLIS = 30_000;
    /** MariaDB's default connect_timeout, 10 s. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;

    public ServerConfig {
        Objects.requireNonNull(defaultAuthPlugin, "defaultAuthPlugin");
        Objects.requireNonNull(tls, "tls");
        if (netReadTimeoutMillis <= 0) {
            throw new IllegalArgumentException("netReadTimeoutMillis must be positive: " + netReadTimeoutMillis);
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connectTimeoutMillis must be positive: " + connectTimeoutMillis);
        }
    }

    /** The default login timeout. */
    public ServerConfig(String bindAddress, int port, int managerPort, long maxAllowedPacket, int maxPreparedStatements,
                        AuthPlugin defaultAuthPlugin, TlsConfig tls, long netReadTimeoutMillis) {
        this(bindAddress, port, managerPort, maxAllowedPacket, maxPreparedStatements, defaultAuthPlugin, tls,
                netReadTimeoutMillis, DEFAULT_CONNECT_TIMEOUT_MILLIS);
    }

    /** The default timeouts for the rest. */
    public ServerConfig(String bindAddress, int port, int managerPort, long maxAllowedPacket,
                        int maxPreparedStatements, AuthPlugin defaultAuthPlugin, TlsConfig tls) {
        this(bindAddress, port, managerPort, maxAllowedPacket, maxPreparedStatements, defaultAuthPlugin, tls,
                DEFAULT_NET_READ_TIMEOUT_MILLIS);
    }

    /** Defaults for the rest: the prepared statement bound, mysql_native_password, TLS with a generated certificate. */
    public ServerConfig(String bindAddress, int port, int managerPort, long maxAllowedPacket) {
        this(bindAddress, port, managerPort, maxAllowedPacket, DEFAULT_MAX_PREPARED_STATEMENTS);
    }

    /** Default login settings, this bound of prepared statements. */
    public ServerConfig(String bindAddress, int port, int managerPort, long maxAllowedPacket, int maxPreparedStatements) {
        this(bindAddress, port, managerPort, maxAllowedPacket, maxPreparedStatements, DEFAULT_AUTH_PLUGIN, TlsConfig.DEFAULT);
    }

    /** The same settings on other addresses (tests bind ephemeral ports). */
    public ServerConfig listening(String newBindAddress, int newPort, int newManagerPort) {
        return new ServerConfig(newBindAddress, newPort, newManagerPort, maxAllowedPacket, maxPreparedStatements,
                defaultAuthPlugin, tls, netReadTimeoutMillis, connectTimeoutMillis);
    }

    /** The same settings with another read timeout (tests shorten it). */
    public ServerConfig withNetReadTimeout(long millis) {
        return new ServerConfig(bindAddress, port, managerPort, maxAllowedPacket, maxPreparedStatements,
                defaultAuthPlugin, tls, millis, connectTimeoutMillis);
    }

    /** The same settings with another login timeout (tests shorten it). */
    public ServerConfig withConnectTimeout(long millis) {
        return new ServerConfig(bindAddress, port, managerPort, maxAllowedPacket, maxPreparedStatements,
                defaultAuthPlugin, tls, netReadTimeoutMillis, millis);
    }
}

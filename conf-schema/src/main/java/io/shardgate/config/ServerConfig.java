package io.shardgate.config;

/**
 * Listening addresses and protocol limits of the proxy.
 *
 * @param bindAddress      address both ports listen on
 * @param port             MySQL protocol port for applications
 * @param managerPort      MySQL protocol port for operators' management commands
 * @param maxAllowedPacket largest client packet payload accepted, in bytes (also reported as
 *                         {@code @@max_allowed_packet})
 */
public record ServerConfig(String bindAddress, int port, int managerPort, long maxAllowedPacket) {

    public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
    public static final int DEFAULT_PORT = 8066;
    public static final int DEFAULT_MANAGER_PORT = 9066;
    public static final long DEFAULT_MAX_ALLOWED_PACKET = 64L * 1024 * 1024;
}

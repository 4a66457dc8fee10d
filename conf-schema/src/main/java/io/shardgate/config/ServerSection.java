package io.shardgate.config;

import static io.shardgate.config.ServerConfig.DEFAULT_BIND_ADDRESS;
import static io.shardgate.config.ServerConfig.DEFAULT_MANAGER_PORT;
import static io.shardgate.config.ServerConfig.DEFAULT_MAX_ALLOWED_PACKET;
import static io.shardgate.config.ServerConfig.DEFAULT_MAX_PREPARED_STATEMENTS;
import static io.shardgate.config.ServerConfig.MAX_PREPARED_STATEMENTS;
import static io.shardgate.config.ServerConfig.DEFAULT_PORT;

import java.util.Set;

/** Reads {@code server}: optional as a whole and key by key. */
final class ServerSection {

    private static final Set<String> KEYS = Set.of("bindAddress", "port", "managerPort", "maxAllowedPacket", "maxPreparedStatements");
    // MySQL and MariaDB accept max_allowed_packet between 1K and 1G; a client would not expect more
    static final long MIN_PACKET = 1L << 10;
    static final long MAX_PACKET = 1L << 30;

    private ServerSection() {
    }

    static ServerConfig read(YamlValue section) {
        if (section.absent()) {
            return new ServerConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_MANAGER_PORT, DEFAULT_MAX_ALLOWED_PACKET);
        }
        YamlMapping server = section.mapping(KEYS);
        if (server == null) {
            return null;
        }
        String bindAddress = server.optional("bindAddress", DEFAULT_BIND_ADDRESS, YamlValue::nonEmptyString);
        Integer port = server.optional("port", DEFAULT_PORT, v -> v.integer(1, 65535));
        Integer managerPort = server.optional("managerPort", DEFAULT_MANAGER_PORT, v -> v.integer(1, 65535));
        Long maxAllowedPacket = server.optional("maxAllowedPacket", DEFAULT_MAX_ALLOWED_PACKET,
                v -> Units.size(v, MIN_PACKET, MAX_PACKET));
        Integer maxPrepared = server.optional("maxPreparedStatements", DEFAULT_MAX_PREPARED_STATEMENTS,
                v -> v.integer(0, MAX_PREPARED_STATEMENTS));
        if (port != null && port.equals(managerPort)) {
            server.get("managerPort").problem("must differ from port, both are " + port);
            return null;
        }
        if (bindAddress == null || port == null || managerPort == null || maxAllowedPacket == null || maxPrepared == null) {
            return null;
        }
        return new ServerConfig(bindAddress, port, managerPort, maxAllowedPacket, maxPrepared);
    }
}

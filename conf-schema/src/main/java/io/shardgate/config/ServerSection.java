package io.shardgate.config;

import static io.shardgate.config.ServerConfig.DEFAULT_AUTH_PLUGIN;
import static io.shardgate.config.ServerConfig.DEFAULT_BIND_ADDRESS;
import static io.shardgate.config.ServerConfig.DEFAULT_MANAGER_PORT;
import static io.shardgate.config.ServerConfig.DEFAULT_MAX_ALLOWED_PACKET;
import static io.shardgate.config.ServerConfig.DEFAULT_MAX_PREPARED_STATEMENTS;
import static io.shardgate.config.ServerConfig.MAX_PREPARED_STATEMENTS;
import static io.shardgate.config.ServerConfig.DEFAULT_PORT;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/** Reads {@code server}: optional as a whole and key by key. */
final class ServerSection {

    private static final Set<String> KEYS = Set.of("bindAddress", "port", "managerPort", "maxAllowedPacket",
            "maxPreparedStatements", "defaultAuthPlugin", "tls", "netReadTimeout", "connectTimeout");
    private static final Set<String> TLS_KEYS = Set.of("enabled", "certificate", "key");
    // MySQL and MariaDB accept max_allowed_packet between 1K and 1G; a client would not expect more
    static final long MIN_PACKET = 1L << 10;
    static final long MAX_PACKET = 1L << 30;
    // MariaDB takes net_read_timeout in whole seconds from 1 up; tests want less than a second
    static final long MIN_NET_READ_TIMEOUT_MILLIS = 100;
    static final long MAX_NET_READ_TIMEOUT_MILLIS = 24L * 3600 * 1000;

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
        AuthPlugin plugin = server.optional("defaultAuthPlugin", DEFAULT_AUTH_PLUGIN, AuthPlugin::read);
        TlsConfig tls = server.optional("tls", TlsConfig.DEFAULT, ServerSection::tls);
        Integer maxPrepared = server.optional("maxPreparedStatements", DEFAULT_MAX_PREPARED_STATEMENTS,
                v -> v.integer(0, MAX_PREPARED_STATEMENTS));
        Long netReadTimeout = server.optional("netReadTimeout", ServerConfig.DEFAULT_NET_READ_TIMEOUT_MILLIS,
                v -> Units.duration(v, MIN_NET_READ_TIMEOUT_MILLIS, MAX_NET_READ_TIMEOUT_MILLIS));
        Long connectTimeout = server.optional("connectTimeout", ServerConfig.DEFAULT_CONNECT_TIMEOUT_MILLIS,
                v -> Units.duration(v, MIN_NET_READ_TIMEOUT_MILLIS, MAX_NET_READ_TIMEOUT_MILLIS));
        if (port != null && port.equals(managerPort)) {
            server.get("managerPort").problem("must differ from port, both are " + port);
            return null;
        }
        if (bindAddress == null || port == null || managerPort == null || maxAllowedPacket == null || maxPrepared == null
                || plugin == null || tls == null || netReadTimeout == null || connectTimeout == null) {
            return null;
        }
        return new ServerConfig(bindAddress, port, managerPort, maxAllowedPacket, maxPrepared, plugin, tls, netReadTimeout,
                connectTimeout);
    }

    private static TlsConfig tls(YamlValue value) {
        YamlMapping tls = value.mapping(TLS_KEYS);
        if (tls == null) {
            return null;
        }
        Boolean enabled = tls.optional("enabled", true, YamlValue::bool);
        Path certificate = tls.optional("certificate", null, ServerSection::readableFile);
        Path key = tls.optional("key", null, ServerSection::readableFile);
        YamlValue certificateValue = tls.get("certificate");
        YamlValue keyValue = tls.get("key");
        if (certificateValue.absent() != keyValue.absent()) {
            (certificateValue.absent() ? certificateValue : keyValue)
                    .problem("required with " + (certificateValue.absent() ? "key" : "certificate")
                            + " (give both, or neither for a generated self-signed certificate)");
            return null;
        }
        if (enabled == null || (!certificateValue.absent() && (certificate == null || key == null))) {
            return null;
        }
        return new TlsConfig(enabled, certificate, key);
    }

    /** A file path, relative to the proxy's working directory; it must be readable now. */
    private static Path readableFile(YamlValue value) {
        String text = value.nonEmptyString();
        if (text == null) {
            return null;
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            value.problem("not a file path: " + e.getMessage());
            return null;
        }
        if (!Files.isRegularFile(path)) {
            value.problem("no such file: " + path.toAbsolutePath());
            return null;
        }
        if (!Files.isReadable(path)) {
            value.problem("cannot read " + path.toAbsolutePath() + ": permission denied");
            return null;
        }
        return path;
    }
}

package io.shardgate.mariadb;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link LocalMariaDb} is asked to be; built by {@link LocalMariaDb.Builder}.
 *
 * @param baseDirectory the directory the instance owns; empty for a fresh temporary one
 * @param port          the TCP port, 0 for a free one picked at the first start
 * @param extraOptions  mariadbd options appended after ShardGate's, so they override them
 */
record ServerOptions(
        MariaDbInstallation installation,
        int serverId,
        boolean binlog,
        List<String> extraOptions,
        String user,
        String password,
        Optional<Path> baseDirectory,
        int port) {

    ServerOptions {
        Objects.requireNonNull(installation, "installation");
        if (serverId < 1) {
            // 0 would make a binlogging server refuse to act as a master or a replica
            throw new IllegalArgumentException("server id must be positive, was " + serverId);
        }
        extraOptions = List.copyOf(extraOptions);
        for (String option : extraOptions) {
            if (!option.startsWith("--")) {
                throw new IllegalArgumentException("mariadbd options start with '--', got '" + option + "'");
            }
        }
        if (user == null || user.isEmpty() || user.length() > 80) {
            throw new IllegalArgumentException(
                    "the account's user name must have 1 to 80 characters, was '" + user + "'");
        }
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 (pick a free one) and 65535, was " + port);
        }
    }
}

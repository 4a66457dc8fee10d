package io.shardgate.mariadb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Where one instance keeps its files: everything lives under its base directory. */
record InstanceFiles(Path baseDir) {

    // sun_path holds 108 bytes including the terminating NUL
    private static final int MAX_SOCKET_PATH_BYTES = 107;

    InstanceFiles {
        baseDir = baseDir.toAbsolutePath().normalize();
    }

    Path dataDir() {
        return baseDir.resolve("data");
    }

    /**
     * The instance's own temporary directory. Not the shared /tmp: a starting mariadbd deletes every
     * {@code #sql*} file in its tmpdir, which would be the temporary tables other servers are using.
     */
    Path tmpDir() {
        return baseDir.resolve("tmp");
    }

    Path log() {
        return baseDir.resolve("mariadbd.log");
    }

    Path pidFile() {
        return baseDir.resolve("mariadbd.pid");
    }

    Path initFile() {
        return baseDir.resolve("init.sql");
    }

    /**
     * The Unix socket the server must create even though we only use TCP. A deep base directory can make
     * the absolute path too long for a socket; a relative one is then created in the data directory,
     * where the server has changed to before it binds.
     */
    String socket() {
        String absolute = baseDir.resolve("mysqld.sock").toString();
        return absolute.getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES ? absolute : "mysqld.sock";
    }
}

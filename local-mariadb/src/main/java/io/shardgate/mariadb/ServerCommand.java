package io.shardgate.mariadb;

import java.util.ArrayList;
import java.util.List;

/** The {@code mariadbd} command line and init file of one instance. */
final class ServerCommand {

    static final String INNODB_LOG_FILE_SIZE = "8M";
    static final String INNODB_BUFFER_POOL_SIZE = "32M";

    private ServerCommand() {
    }

    /** mariadbd refuses to run as root unless told {@code --user=root}, and rejects that option otherwise. */
    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static List<String> arguments(ServerOptions options, InstanceFiles files, int port) {
        List<String> command = new ArrayList<>();
        command.add(options.installation().server().toString());
        command.add("--no-defaults"); // must come first; the machine's my.cnf must not change test servers
        options.installation().home().ifPresent(home -> command.add("--basedir=" + home));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        command.add("--datadir=" + files.dataDir());
        command.add("--port=" + port);
        command.add("--bind-address=127.0.0.1");
        command.add("--socket=" + files.socket());
        command.add("--pid-file=" + files.pidFile());
        command.add("--tmpdir=" + files.tmpDir());
        command.add("--log-error=" + files.log());
        command.add("--init-file=" + files.initFile());
        command.add("--skip-name-resolve");
        command.add("--server-id=" + options.serverId());

        // Small and quick: many of these run side by side in tests.
        command.add("--innodb-buffer-pool-size=" + INNODB_BUFFER_POOL_SIZE);
        command.add("--innodb-log-file-size=" + INNODB_LOG_FILE_SIZE);
        command.add("--performance-schema=OFF");
        // A commit reaches the OS page cache before it is acknowledged, so a kill -9 of the server loses
        // nothing; only a crash of the whole machine could, and no test simulates that.
        command.add("--innodb-flush-log-at-trx-commit=2");
        // io_uring/libaio are refused in many containers (Docker's default seccomp profile blocks
        // io_uring); the simulated AIO threads are plenty for these data sizes.
        command.add("--innodb-use-native-aio=OFF");

        command.add("--max-allowed-packet=64M");
        command.add("--character-set-server=utf8mb4");
        command.add("--collation-server=utf8mb4_general_ci");

        if (options.binlog()) {
            // Fixed file names: the defaults derive from the host name, which would break replication
            // positions and relay logs when the machine is renamed.
            command.add("--log-bin=mysql-bin");
            command.add("--relay-log=relay-bin");
            command.add("--log-slave-updates");
            command.add("--binlog-format=ROW");
            command.add("--gtid-strict-mode=ON");
        }
        command.addAll(options.extraOptions()); // last, so they override everything above
        return command;
    }

    /**
     * Creates the account on every start (idempotently). {@code sql_log_bin=0} keeps it out of the binary
     * log: each server creates its own account, and a GTID for it would make a standby's history diverge
     * from its master's, which GTID strict mode rejects.
     */
    static String initSql(String user, String password) {
        String account = quote(user) + "@'%'";
        return "SET sql_log_bin = 0;\n"
                + "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY " + quote(password) + ";\n"
                + "GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;\n";
    }

    private static String quote(String text) {
        // the init file holds one statement per line, so line breaks must stay escaped
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}

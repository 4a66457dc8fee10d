package io.shardgate.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMariaDbTest {

    @Test
    void twoInstancesStartedAtOnceServeTheirOwnData() throws Exception {
        CompletableFuture<LocalMariaDb> first = CompletableFuture.supplyAsync(() -> LocalMariaDb.builder().start());
        CompletableFuture<LocalMariaDb> second = CompletableFuture.supplyAsync(() -> LocalMariaDb.builder().start());
        try (LocalMariaDb a = first.join(); LocalMariaDb b = second.join()) {
            assertThat(a.port()).isNotEqualTo(b.port());
            assertThat(a.dataDir()).isNotEqualTo(b.dataDir());
            assertThat(a.serverId()).isNotEqualTo(b.serverId());

            update(a, "", "CREATE DATABASE shop", "CREATE TABLE shop.item (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.item VALUES (1, 'apple'), (2, 'pear')");
            update(b, "", "CREATE DATABASE shop", "CREATE TABLE shop.item (id INT PRIMARY KEY, name VARCHAR(20))",
                    "INSERT INTO shop.item VALUES (1, 'plum')");

            assertThat(query(a, "shop", "SELECT name FROM item ORDER BY id")).containsExactly("apple", "pear");
            assertThat(query(b, "shop", "SELECT name FROM item ORDER BY id")).containsExactly("plum");
        }
    }

    @Test
    void stopThenStartKeepsDataAndPort() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            update(db, "", "CREATE DATABASE kept", "CREATE TABLE kept.t (v INT)", "INSERT INTO kept.t VALUES (42)");
            int port = db.port();
            long firstPid = db.pid();

            db.stop();
            assertThat(db.isRunning()).isFalse();
            assertThat(Files.readString(db.logFile())).as("a graceful shutdown").contains("Shutdown complete");
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThatThrownBy(() -> connect(db, "")).isInstanceOf(SQLException.class);

            db.start();
            assertThat(db.port()).isEqualTo(port);
            assertThat(db.pid()).isNotEqualTo(firstPid);
            assertThat(query(db, "kept", "SELECT v FROM t")).containsExactly("42");
        }
    }

    @Test
    void killLeavesTheDataDirectoryAndStartRecovers() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            update(db, "", "CREATE DATABASE crash", "CREATE TABLE crash.t (v INT) ENGINE=InnoDB",
                    "INSERT INTO crash.t VALUES (1), (2), (3)");
            int port = db.port();
            long pid = db.pid();

            db.kill();

            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(db.isRunning()).isFalse();
            assertThat(db.dataDir().resolve("crash")).isDirectory();

            db.start();
            assertThat(db.port()).isEqualTo(port);
            assertThat(query(db, "crash", "SELECT COUNT(*) FROM t")).containsExactly("3");
            assertThat(Files.readString(db.logFile())).contains("InnoDB: Starting crash recovery");
        }
    }

    @Test
    void closeEndsTheProcessAndDeletesTheBaseDirectory() {
        LocalMariaDb db = LocalMariaDb.builder().start();
        long pid = db.pid();
        Path baseDir = db.baseDir();
        assertThat(db.dataDir()).startsWith(baseDir).isDirectory();

        db.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(baseDir).doesNotExist();
        assertThatThrownBy(db::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        db.close(); // idempotent
    }

    @Test
    void extraOptionsReachTheServer() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().option("--max-connections=77").start()) {
            assertThat(query(db, "", "SELECT @@max_connections")).containsExactly("77");
        }
    }

    @Test
    void extraOptionsOverrideTheDefaults() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().option("--max-allowed-packet=8M").start()) {
            assertThat(query(db, "", "SELECT @@max_allowed_packet")).containsExactly(String.valueOf(8 * 1024 * 1024));
        }
    }

    @Test
    void serversAreSmallAndUseUtf8mb4() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            assertThat(firstRow(db, "SELECT @@innodb_buffer_pool_size, @@performance_schema, @@character_set_server,"
                    + " @@collation_server, @@max_allowed_packet, @@log_bin, @@bind_address"))
                    .containsExactly("33554432", "0", "utf8mb4", "utf8mb4_general_ci", "67108864", "0", "127.0.0.1");
        }
    }

    /** A starting server deletes the #sql* files of its tmpdir: each must have its own, not /tmp. */
    @Test
    void temporaryFilesStayInTheInstancesOwnDirectory() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            assertThat(query(db, "", "SELECT @@tmpdir")).containsExactly(db.baseDir().resolve("tmp").toString());
        }
    }

    @Test
    void binlogTurnsOnGtidReplicationSettingsWithoutLoggingTheAccount() throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder().binlog(true).serverId(17).start()) {
            assertThat(firstRow(db, "SELECT @@log_bin, @@gtid_strict_mode, @@server_id, @@binlog_format,"
                    + " @@log_slave_updates"))
                    .containsExactly("1", "1", "17", "ROW", "1");
            // The account exists on every server by itself; a GTID for it would split a standby's history.
            assertThat(query(db, "", "SELECT @@gtid_binlog_pos")).containsExactly("");

            update(db, "", "CREATE DATABASE logged");
            assertThat(query(db, "", "SELECT @@gtid_binlog_pos")).containsExactly("0-17-1");
        }
    }

    @Test
    void executeRunsStatementsThroughTheCommandLineClient() {
        try (LocalMariaDb db = LocalMariaDb.builder().start()) {
            assertThat(db.execute("CREATE DATABASE cli", "CREATE TABLE cli.t (id INT, name VARCHAR(10));",
                    "INSERT INTO cli.t VALUES (1, 'ä'), (2, NULL)")).isEmpty();

            assertThat(db.execute("SELECT id, name FROM cli.t ORDER BY id")).isEqualTo("1\tä\n2\tNULL");
            assertThatThrownBy(() -> db.execute("SELECT * FROM cli.missing"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ERROR 1146")
                    .hasMessageContaining("cli.missing");
        }
    }

    @Test
    void theAccountMayHoldQuotesAndBackslashes(@TempDir Path dir) throws Exception {
        try (LocalMariaDb db = LocalMariaDb.builder()
                .account("o'neil", "it's a \\secret\\")
                .baseDirectory(dir.resolve("db"))
                .start()) {
            assertThat(db.baseDir()).isEqualTo(dir.resolve("db"));
            assertThat(query(db, "", "SELECT CURRENT_USER()")).containsExactly("o'neil@%");
            assertThat(db.execute("SELECT 1")).isEqualTo("1");
        }
        assertThat(dir.resolve("db")).doesNotExist();
    }

    @Test
    void aBaseDirectoryTooDeepForASocketPathStillWorks(@TempDir Path dir) throws Exception {
        Path deep = dir.resolve("a".repeat(60)).resolve("b".repeat(60));
        try (LocalMariaDb db = LocalMariaDb.builder().baseDirectory(deep).start()) {
            assertThat(query(db, "", "SELECT 1")).containsExactly("1");
        }
    }

    @Test
    void aFailedStartReportsTheServerLog() {
        assertThatThrownBy(() -> LocalMariaDb.builder().option("--no-such-option=1").start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("unknown variable 'no-such-option=1'")
                .hasMessageContaining("last lines of");
    }

    @Test
    void aFixedPortHeldByAnotherProcessIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> LocalMariaDb.builder().port(taken.getLocalPort()).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is used by another process");
        }
    }

    @Test
    void misuseIsReported() {
        try (LocalMariaDb db = LocalMariaDb.builder().build()) {
            assertThatThrownBy(db::port).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(db::pid).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> db.execute("SELECT 1")).isInstanceOf(IllegalStateException.class);
            db.stop(); // stopping what never ran is harmless
            db.kill();

            db.start();
            assertThatThrownBy(db::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
            assertThat(db.jdbcUrl("shop")).isEqualTo("jdbc:mysql://127.0.0.1:" + db.port() + "/shop");
        }
        assertThatThrownBy(() -> LocalMariaDb.builder().option("max-connections=5").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Connection connect(LocalMariaDb db, String database) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
    }

    static void update(LocalMariaDb db, String database, String... statements) throws SQLException {
        try (Connection connection = connect(db, database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }

    /** Every column of the first row, as text. */
    static List<String> firstRow(LocalMariaDb db, String sql) throws SQLException {
        try (Connection connection = connect(db, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                values.add(rows.getString(column));
            }
            return values;
        }
    }

    /** The first column of every row, as text. */
    static List<String> query(LocalMariaDb db, String database, String sql) throws SQLException {
        try (Connection connection = connect(db, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}

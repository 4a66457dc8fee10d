package io.shardgate.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The client compatibility scenario ({@code it-tests/src/test/clients/SCENARIO.md}) through a JDBC
 * driver: each step checks its own results and reports {@code ok <step>}, or {@code FAILED <step>:}
 * with what came instead of what was expected.
 * Data steps live in {@link ScenarioDataSteps}, the others here.
 */
final class ClientScenario {

    static final List<String> STEPS = List.of("connect", "ddl", "prepared-types", "crud-sharded", "crud-unsharded",
            "blob", "utf8mb4", "transaction", "multi-statement", "metadata", "errors", "cleanup");

    /** Opens the connection the scenario runs on (the driver, its URL and properties, the user). */
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * @param user         the user the source logs in as
     * @param tls          whether the connection is expected to be encrypted
     * @param compressed   whether it is expected to use the compressed protocol
     * @param batched      inserts through {@code addBatch}/{@code executeBatch} (rewriteBatchedStatements)
     * @param wholeSeconds the driver drops the fraction of temporal parameters: Connector/J does for
     *                     servers it reads as older than 5.6.4, and it reads MariaDB's {@code 5.5.5-10.11...}
     *                     greeting (ShardGate's, too) as 5.5.5 ({@code ClientMatrixIT} shows it against MariaDB)
     * @param keep         leave the tables for the caller to inspect on the backends (SG_KEEP=1)
     */
    record Settings(String prefix, String user, boolean tls, boolean compressed, boolean batched, boolean wholeSeconds,
                    boolean keep) {
    }

    /** A step whose results differ from the scenario's. */
    static final class StepFailed extends AssertionError {
        StepFailed(String step, String message, Throwable cause) {
            super("FAILED " + step + ": " + message, cause);
        }
    }

    interface Step {
        void run(Connection c) throws SQLException;
    }

    private final ConnectionSource source;
    private final Settings settings;
    private final ScenarioDataSteps data;
    private final List<String> lines = new ArrayList<>();
    private String step = "connect";

    ClientScenario(ConnectionSource source, Settings settings) {
        this.source = source;
        this.settings = settings;
        this.data = new ScenarioDataSteps(this, settings);
    }

    /** Runs every step in order; returns an {@code ok <step>} or {@code FAILED <step>: ...} line per step. */
    List<String> run() {
        Connection c;
        try {
            c = source.open();
        } catch (SQLException e) {
            throw failure("cannot connect: " + describe(e), e);
        }
        try (c) {
            step("connect", this::connect, c);
            step("ddl", this::ddl, c);
            step("prepared-types", data::preparedTypes, c);
            step("crud-sharded", data::crudSharded, c);
            step("crud-unsharded", data::crudUnsharded, c);
            step("blob", data::blob, c);
            step("utf8mb4", data::utf8mb4, c);
            step("transaction", data::transaction, c);
            step("multi-statement", this::multiStatement, c);
            step("metadata", this::metadata, c);
            step("errors", this::errors, c);
            step("cleanup", this::cleanup, c);
        } catch (SQLException e) {
            throw failure("closing the connection: " + describe(e), e);
        }
        return List.copyOf(lines);
    }

    /**
     * Runs one step. A failed step is reported and the run goes on, so one run shows every step
     * that differs; most steps need only the tables of the steps before them.
     */
    private void step(String name, Step body, Connection c) {
        step = name;
        try {
            body.run(c);
            report("ok " + name);
        } catch (SQLException e) {
            report(failure(describe(e), e).getMessage());
        } catch (StepFailed e) {
            report(e.getMessage());
        }
    }

    private void report(String line) {
        lines.add(line);
        System.out.println("[" + settings.prefix() + "] " + line);
    }

    StepFailed failure(String message, Throwable cause) {
        return new StepFailed(step, message, cause);
    }

    /** Fails the current step unless {@code actual} equals {@code expected}. */
    void expect(String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            throw failure(what + ": expected " + expected + ", got " + actual, null);
        }
    }

    static String describe(SQLException e) {
        return e.getErrorCode() + " (" + e.getSQLState() + ") " + e.getMessage();
    }

    String table(String name) {
        return settings.prefix() + name;
    }

    private void connect(Connection c) throws SQLException {
        String user = ScenarioSql.single(c, "SELECT CURRENT_USER()");
        if (user == null || !user.startsWith(settings.user() + "@")) {
            throw failure("CURRENT_USER() is " + user + ", not " + settings.user() + "@...", null);
        }
        List<List<String>> cipher = ScenarioSql.rows(c, "SHOW SESSION STATUS LIKE 'Ssl_cipher'");
        expect("rows of SHOW SESSION STATUS LIKE 'Ssl_cipher'", 1, cipher.size());
        String value = cipher.getFirst().get(1);
        if (settings.tls() == (value == null || value.isEmpty())) {
            throw failure("Ssl_cipher is '" + value + "' on a connection " + (settings.tls() ? "with" : "without") + " TLS",
                    null);
        }
        expect("SHOW SESSION STATUS LIKE 'Compression'", List.of(List.of("Compression", settings.compressed() ? "ON" : "OFF")),
                ScenarioSql.rows(c, "SHOW SESSION STATUS LIKE 'Compression'"));
    }

    private void ddl(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table("items") + ", " + table("notes"));
            st.execute("CREATE TABLE " + table("items") + " (id BIGINT NOT NULL PRIMARY KEY, t TINYINT, sm SMALLINT,"
                    + " i INT, bi BIGINT, u INT UNSIGNED, dc DECIMAL(12,3), f FLOAT, d DOUBLE, dt DATE, tm TIME,"
                    + " ts DATETIME(6), s VARCHAR(100), txt TEXT, bin VARBINARY(16), b LONGBLOB) DEFAULT CHARSET=utf8mb4");
            st.execute("CREATE TABLE " + table("notes") + " (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200))");
        }
    }

    private void multiStatement(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            boolean first = st.execute("SELECT 1 AS a; SELECT id FROM " + table("items")
                    + " WHERE id IN (8, 9) ORDER BY id; UPDATE " + table("notes") + " SET body = body");
            expect("first result is a result set", true, first);
            expect("first result set", List.of(List.of("1")), ScenarioSql.rows(st.getResultSet()));
            expect("second result is a result set", true, st.getMoreResults());
            expect("second result set", List.of(List.of("8"), List.of("9")), ScenarioSql.rows(st.getResultSet()));
            expect("third result is an update count", false, st.getMoreResults());
            // Both JDBC drivers set CLIENT_FOUND_ROWS: the count is of matched rows, not changed ones.
            expect("update count of the UPDATE", 4, st.getUpdateCount());
            expect("no fourth result", false, st.getMoreResults());
            expect("no fourth update count", -1, st.getUpdateCount());
        }
    }

    private void metadata(Connection c) throws SQLException {
        List<String> tables = ScenarioSql.column(c, "SHOW TABLES");
        for (String t : List.of(table("items"), table("notes"))) {
            expect("times SHOW TABLES lists " + t, 1L, tables.stream().filter(t::equals).count());
        }
        List<String> physical = tables.stream().filter(t -> t.matches("(?i).*shop_\\d.*")).toList();
        expect("physical names in SHOW TABLES", List.of(), physical);
        List<String> columns = List.of(ScenarioRows.COLUMNS.split(", "));
        expect("information_schema.COLUMNS of " + table("items"), columns, ScenarioSql.column(c,
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = '"
                        + table("items") + "' ORDER BY ORDINAL_POSITION"));
        String create = ScenarioSql.rows(c, "SHOW CREATE TABLE " + table("items")).getFirst().get(1);
        if (!create.startsWith("CREATE TABLE `" + table("items") + "`")) {
            throw failure("SHOW CREATE TABLE starts with " + create.substring(0, Math.min(60, create.length())), null);
        }
        List<String> viaDriver = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns("shop", null, table("items"), "%")) {
            while (rs.next()) {
                viaDriver.add(rs.getString("COLUMN_NAME"));
            }
        }
        expect("DatabaseMetaData.getColumns", columns, viaDriver);
        List<String> viaTables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables("shop", null, table("%"), null)) {
            while (rs.next()) {
                viaTables.add(rs.getString("TABLE_NAME"));
            }
        }
        expect("DatabaseMetaData.getTables", List.of(table("items"), table("notes")), viaTables.stream().sorted().toList());
    }

    private void errors(Connection c) throws SQLException {
        expectError(c, 1064, "42000", st -> st.execute("SELEC 1"));
        expectError(c, 1062, "23000", st -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table("items") + " (id) VALUES (?)")) {
                ps.setLong(1, 1);
                ps.executeUpdate();
            }
        });
        expectError(c, 1146, "42S02", st -> st.executeQuery("SELECT * FROM " + table("missing")));
        String refused = "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM " + table("items");
        expectError(c, 1235, "42000", st -> st.executeQuery(refused));
        expectError(c, 1235, "42000", st -> {
            try (PreparedStatement ps = c.prepareStatement(refused)) {
                ps.executeQuery();
            }
        });
    }

    private interface Failing {
        void run(Statement st) throws SQLException;
    }

    private void expectError(Connection c, int code, String sqlState, Failing statement) throws SQLException {
        try (Statement st = c.createStatement()) {
            statement.run(st);
            throw failure("no error; expected " + code + " (" + sqlState + ")", null);
        } catch (SQLException e) {
            if (e.getErrorCode() != code || !sqlState.equals(e.getSQLState())) {
                throw failure("expected error " + code + " (" + sqlState + "), got " + describe(e), e);
            }
        }
        expect("SELECT 1 after error " + code, "1", ScenarioSql.single(c, "SELECT 1"));
    }

    private void cleanup(Connection c) throws SQLException {
        if (!settings.keep()) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + table("items") + ", " + table("notes"));
            }
        }
    }
}

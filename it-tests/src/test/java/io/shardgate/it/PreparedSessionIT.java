package io.shardgate.it;

import static io.shardgate.it.RawStatements.answer;
import static io.shardgate.it.RawStatements.execute;
import static io.shardgate.it.RawStatements.prepare;
import static io.shardgate.it.TwinSessions.one;
import static io.shardgate.it.TwinSessions.onNode;
import static io.shardgate.it.TwinSessions.rows;
import static io.shardgate.it.TwinSessions.run;
import static io.shardgate.it.TwinSessions.same;
import static io.shardgate.it.TwinSessions.samePrepared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.shardgate.protocol.BinaryRowFormat;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.ParameterType;
import io.shardgate.server.RawClient;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Prepared statements under the session's state, compared with the same statements on a plain
 * MariaDB: executions run with the session's variables on the backends, read parameters in the
 * client's character set and send results (binary rows too) in its character_set_results, leave
 * their warnings for SHOW WARNINGS, see user variables; COM_CHANGE_USER starts a session whose
 * backend connections are back in the default state. The pools hold one connection per backend,
 * so every session here runs on the same two backend connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparedSessionIT {

    private static final int LATIN1 = 8;
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final String SERVER_PREPARED = "useServerPrepStmts=true";
    /** What a backend connection's session holds, asked of the backend itself (hinted: sent as written). */
    private static final String BACKEND_STATE = "SELECT @@session.sql_mode, @@session.time_zone, "
            + "@@session.collation_connection, @@session.group_concat_max_len";
    private static final ParameterType VAR_STRING = new ParameterType(253, false);
    private static final ParameterType LONG = new ParameterType(3, false);

    private TwinSessions twins;

    @BeforeAll
    void start() throws Exception {
        twins = TwinSessions.start(1, "CREATE TABLE items (id INT PRIMARY KEY, v VARCHAR(20), n INT, ts TIMESTAMP NULL)");
    }

    @AfterAll
    void stop() {
        if (twins != null) {
            twins.close();
        }
    }

    @BeforeEach
    void freshRows() throws Exception {
        twins.runOnBoth("DELETE FROM items", "SET time_zone = '+00:00'", "INSERT INTO items (id, v, n, ts) VALUES "
                + "(1, 'Crème', 10, '2026-01-01 12:00:00'), (2, 'b', 0, NULL), (3, 'c', 30, '2026-06-01 00:00:00')");
    }

    /**
     * A latin1 client under PIPES_AS_CONCAT and a time zone of +05:00: the parameter is read as
     * latin1, {@code ||} concatenates on the backend, the TIMESTAMP is shown in +05:00, and the
     * binary row carries the text in latin1, byte for byte as MariaDB sends it.
     */
    @Test
    void binaryRowsOfALatin1ClientUnderItsSqlModeAndTimeZone() throws Exception {
        byte[] sql = "SELECT id, v || ? AS joined, ts, n FROM items WHERE id = ?".getBytes(CP1252);
        List<ParameterType> types = List.of(VAR_STRING, LONG);
        List<Object> values = List.of("é€".getBytes(CP1252), 1L);
        List<List<byte[]>> answers = new ArrayList<>();
        for (boolean proxy : new boolean[] {false, true}) {
            try (RawClient c = RawResult.login(twins, proxy, LATIN1)) {
                assertThat(RawResult.query(c, "SET sql_mode = 'PIPES_AS_CONCAT', time_zone = '+05:00'").error()).isNull();
                RawStatements.Prepared prepared = prepare(c, sql, false);
                assertThat(prepared.id()).as("prepared on %s", proxy ? "ShardGate" : "MariaDB").isPositive();
                answers.add(answer(c, execute(prepared.id(), 0, types, values), false, false));
            }
        }
        List<byte[]> expected = answers.get(0);
        List<byte[]> actual = answers.get(1);
        assertThat(actual).hasSameSizeAs(expected);
        int columns = expected.getFirst()[0];
        assertThat(actual.getFirst()).isEqualTo(expected.getFirst());
        List<ColumnDefinition41> definitions = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
            ColumnDefinition41 ours = ColumnDefinition41.read(Unpooled.wrappedBuffer(actual.get(i)));
            ColumnDefinition41 theirs = ColumnDefinition41.read(Unpooled.wrappedBuffer(expected.get(i)));
            // the schema is the logical one through the proxy (shop), the database's on MariaDB (plain)
            assertThat(withoutSchema(ours)).isEqualTo(withoutSchema(theirs));
            definitions.add(ours);
        }
        for (int i = columns + 1; i < expected.size(); i++) {
            assertThat(HexFormat.of().formatHex(actual.get(i))).as("packet %d", i)
                    .isEqualTo(HexFormat.of().formatHex(expected.get(i)));
        }
        Object[] row = BinaryRowFormat.of(definitions).read(Unpooled.wrappedBuffer(actual.get(columns + 2)));
        assertThat((byte[]) row[1]).isEqualTo("Crèmeé€".getBytes(CP1252));
        assertThat(String.valueOf(row[2])).startsWith("2026-01-01 17:00:00");
        assertThat(definitions.get(1).characterSet()).isEqualTo(LATIN1);
    }

    /** COM_STMT_PREPARE reads the statement in character_set_client too: a latin1 literal in it. */
    @Test
    void aLatin1StatementIsReadAsLatin1() throws Exception {
        try (Connection p = twins.proxy("characterEncoding=Cp1252&" + SERVER_PREPARED);
             Connection d = twins.plain("characterEncoding=Cp1252&" + SERVER_PREPARED)) {
            samePrepared(p, d, "SELECT id, v FROM items WHERE v = 'Crème' OR id = ?", 3);
            samePrepared(p, d, "INSERT INTO items (id, v) VALUES (?, 'Smörgås')", 7);
            samePrepared(p, d, "SELECT v, HEX(v), LENGTH(v) FROM items WHERE id = ?", 7);
        }
    }

    @Test
    void executionsLeaveTheirWarningsAndErrorsForShowWarnings() throws Exception {
        try (Connection p = twins.proxy(SERVER_PREPARED); Connection d = twins.plain(SERVER_PREPARED)) {
            same(p, d, "SET sql_mode = ''");
            // a truncating INSERT (1265), a SELECT whose conversion warns (1292), a failing INSERT (1062)
            assertThat(samePrepared(p, d, "INSERT INTO items (id, v) VALUES (?, ?)", 11, "far too long for twenty")
                    .warnings()).singleElement().asString().startsWith("Warning|1265|");
            assertThat(samePrepared(p, d, "SELECT id, CAST(v AS SIGNED) FROM items WHERE id = ?", 1)
                    .warnings()).singleElement().asString().startsWith("Warning|1292|");
            assertThat(samePrepared(p, d, "INSERT INTO items (id, v) VALUES (?, ?)", 1, "again")
                    .warnings()).singleElement().asString().startsWith("Error|1062|");
            // a statement without tables leaves them; one with tables clears them
            same(p, d, "SET @unused = 1");
            same(p, d, "SELECT COUNT(*) FROM items");
            // the warning count of the OK packet, which Connector/J reads before asking SHOW WARNINGS
            try (PreparedStatement ps = p.prepareStatement("UPDATE items SET v = ? WHERE id = ?")) {
                assertThat(ps.isWrapperFor(com.mysql.cj.jdbc.ServerPreparedStatement.class)).isTrue();
                ps.setString(1, "also much too long for it");
                ps.setInt(2, 2);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                java.sql.SQLWarning warning = ps.getWarnings();
                assertThat(warning == null ? null : warning.getErrorCode()).isEqualTo(1265);
            }
            // SQL-level EXECUTE takes the same path
            same(p, d, "PREPARE s FROM 'INSERT INTO items (id, v) VALUES (?, ?)'");
            same(p, d, "SET @id = 12, @v = 'yet another too long value'");
            same(p, d, "EXECUTE s USING @id, @v");
            // truncated, then refused: the warning stays listed before the error, as for a query
            same(p, d, "EXECUTE s USING @id, @v");
            same(p, d, "SHOW COUNT(*) WARNINGS");
            same(p, d, "INSERT INTO items (id, v) VALUES (12, 'yet another too long value')");
        }
    }

    /** COM_STMT_PREPARE and COM_STMT_EXECUTE in SHOW STATUS, an execution also as its statement. */
    @Test
    void executionsAreCountedAsMariaDbCountsThem() throws Exception {
        try (Connection p = twins.proxy(SERVER_PREPARED); Connection d = twins.plain(SERVER_PREPARED)) {
            for (Connection c : new Connection[] {p, d}) {
                String side = c == p ? "ShardGate" : "MariaDB";
                long prepares = status(c, "Com_stmt_prepare");
                long executes = status(c, "Com_stmt_execute");
                long selects = status(c, "Com_select");
                try (PreparedStatement ps = c.prepareStatement("SELECT v FROM items WHERE id = ?")) {
                    for (int id = 1; id <= 2; id++) {
                        ps.setInt(1, id);
                        ps.executeQuery().close();
                    }
                }
                assertThat(status(c, "Com_stmt_prepare") - prepares).as(side).isEqualTo(1);
                assertThat(status(c, "Com_stmt_execute") - executes).as(side).isEqualTo(2);
                assertThat(status(c, "Com_select") - selects).as(side).isEqualTo(2);
            }
        }
    }

    private static long status(Connection c, String name) throws SQLException {
        return Long.parseLong(one(c, "SHOW SESSION STATUS LIKE '" + name + "'").split("\\|")[1]);
    }

    /**
     * User variables in a prepared statement are the session's; under NO_BACKSLASH_ESCAPES a
     * backslash in a parameter or a variable is a character, on the backends as in the proxy.
     */
    @Test
    void executionsSeeUserVariablesAndTheSessionsEscapeMode() throws Exception {
        try (Connection p = twins.proxy(SERVER_PREPARED); Connection d = twins.plain(SERVER_PREPARED)) {
            same(p, d, "SET @k = 3, @w = 'b'");
            samePrepared(p, d, "SELECT id, v, n + ? AS m FROM items WHERE id = @k OR v = @w", 1);
            same(p, d, "SET sql_mode = 'NO_BACKSLASH_ESCAPES'");
            same(p, d, "SET @b = 'c\\d'");
            samePrepared(p, d, "SELECT ? AS a, LENGTH(?) AS l, @b AS b, LENGTH(@b) AS lb", "a\\b'c", "a\\b'c");
            samePrepared(p, d, "INSERT INTO items (id, v) VALUES (?, ?)", 21, "back\\slash");
            samePrepared(p, d, "SELECT v, LENGTH(v) FROM items WHERE v = ?", "back\\slash");
            same(p, d, "PREPARE s FROM 'SELECT ? AS a, LENGTH(?) AS l, id FROM items WHERE v = ?'");
            same(p, d, "EXECUTE s USING @b, @b, 'back\\slash'");
        }
    }

    /**
     * COM_CHANGE_USER throws the session away as MariaDB does: its variables are gone from the
     * backend connections (which the next statements get back, the pools holding one each), and so
     * are its user variables, warnings, savepoints and transaction.
     */
    @Test
    void changeUserResetsTheSessionOnTheBackendsToo() throws Exception {
        String fresh;
        try (Connection p = twins.proxy("")) {
            fresh = onNode(p, "dn0", BACKEND_STATE);
        }
        try (Connection p = twins.proxy("")) {
            run(p, "SET sql_mode = 'ANSI_QUOTES', time_zone = '+05:00', group_concat_max_len = 77", "SET NAMES latin1",
                    "SET @x = 5", "BEGIN", "INSERT INTO items (id, v) VALUES (50, 'gone')", "SAVEPOINT sp");
            assertThat(rows(p, "SELECT CAST(v AS SIGNED) FROM items WHERE id = 1")).hasSize(1);
            assertThat(rows(p, "SHOW WARNINGS")).isNotEmpty();
            for (String node : new String[] {"dn0", "dn1"}) {
                assertThat(onNode(p, node, BACKEND_STATE)).as(node)
                        .isEqualTo("ANSI_QUOTES|+05:00|latin1_swedish_ci|77");
            }

            p.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser(ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD);

            for (String node : new String[] {"dn0", "dn1"}) {
                assertThat(onNode(p, node, BACKEND_STATE)).as(node).isEqualTo(fresh);
            }
            assertThat(rows(p, "SHOW WARNINGS")).isEmpty();
            assertThat(one(p, "SELECT @x")).isEqualTo("null");
            assertThat(one(p, "SELECT \"a string again\"")).isEqualTo("a string again");
            assertThatThrownBy(() -> run(p, "ROLLBACK TO SAVEPOINT sp")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1305));
            assertThat(one(p, "SELECT COUNT(*) FROM items WHERE id = 50")).isEqualTo("0");
        }
    }

    private static String withoutSchema(ColumnDefinition41 c) {
        return c.table() + " " + c.orgTable() + " " + c.name() + " " + c.orgName() + " charset=" + c.characterSet()
                + " length=" + c.columnLength() + " type=" + c.type() + " flags=" + c.flags() + " decimals=" + c.decimals();
    }
}

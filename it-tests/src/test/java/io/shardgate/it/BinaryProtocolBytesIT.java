package io.shardgate.it;

import static io.shardgate.it.RawStatements.answer;
import static io.shardgate.it.RawStatements.command;
import static io.shardgate.it.RawStatements.execute;
import static io.shardgate.it.RawStatements.prepare;
import static io.shardgate.it.RawStatements.status;
import static io.shardgate.server.RawClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.shardgate.it.RawStatements.Prepared;

import io.netty.buffer.Unpooled;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.ParameterType;
import io.shardgate.protocol.StmtExecute;
import io.shardgate.protocol.StmtFetch;
import io.shardgate.protocol.StmtHandle;
import io.shardgate.protocol.StmtSendLongData;
import io.shardgate.server.RawClient;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The binary protocol byte for byte: the same COM_STMT_* packets go to a real MariaDB 10.11 and
 * to ShardGate in front of it (logical schema and physical database both named {@code cap}, so
 * column definitions are alike), and the answers are compared, statement ids aside. Where ShardGate
 * words an error with more detail, number and SQLSTATE are compared. After every malformed packet
 * the connection must still answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinaryProtocolBytesIT {

    private static final int MAX_PREPARED = 3;
    private static final int CAPABILITIES = RawClient.BASE_CAPABILITIES;
    private static final int DEPRECATE_EOF = Capability.DEPRECATE_EOF.bit();

    /** Every column type; the FLOAT is 1.5 since a backend's FLOAT text has only 6 digits. */
    private static final String T2 = "CREATE TABLE t2 (id INT PRIMARY KEY, a TINYINT, b SMALLINT UNSIGNED, c MEDIUMINT,"
            + " d BIGINT UNSIGNED, e FLOAT, f DOUBLE, g DECIMAL(10,3), h DATE, i TIME(6), j DATETIME(6), k TIMESTAMP(3) NULL,"
            + " l YEAR, m VARCHAR(10), n BLOB, o BIT(10), p ENUM('x','y'), q JSON, r TIME, s2 DATETIME, u INT UNSIGNED,"
            + " v BIGINT) DEFAULT CHARSET=utf8mb4";
    private static final String ROWS = "INSERT INTO t2 VALUES "
            + "(1, -128, 65535, -8388608, 18446744073709551615, 1.5, 0.30000000000000004, -1234567.125, '2024-02-29',"
            + " '-838:59:59.000001', '2024-02-29 13:45:07.123456', '2024-02-29 13:45:07.120', 2024, 'héllo 😀', x'00ff',"
            + " b'1010101010', 'y', '{\"a\":1}', '12:00:00', '2024-01-01 00:00:00', 4294967295, -9223372036854775808),"
            + " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
            + " NULL, NULL, NULL, NULL),"
            + " (3, 127, 0, 8388607, 0, 1e-5, 1e300, 0.000, '0000-00-00', '00:00:00', '0000-00-00 00:00:00', NULL, 1901, '',"
            + " '', b'0', 'x', '[]', '-01:00:00', '2024-01-01 10:00:00', 0, 9223372036854775807)";

    private ShardedCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = ShardedCluster.start(1, i -> List.of("cap"), """
                server: { port: 8066, managerPort: 9066, maxPreparedStatements: %d }
                users:
                  - { name: app, password: app-secret, schemas: [cap] }
                dataHosts:
                  - { name: dh0, user: test, password: test, members: ["127.0.0.1:${port0}"] }
                dataNodes:
                  - { name: dn0, dataHost: dh0, database: cap }
                schemas:
                  - { name: cap, defaultDataNode: dn0 }
                """.formatted(MAX_PREPARED));
        cluster.backend(0).execute("SET GLOBAL max_prepared_stmt_count = " + MAX_PREPARED);
        cluster.backend(0).execute("USE cap", T2, ROWS);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A proxy session and a MariaDB session, logged in alike. */
    private final class Pair implements AutoCloseable {
        final RawClient proxy;
        final RawClient maria;
        final int capabilities;

        Pair(int extraCapabilities) throws IOException {
            capabilities = CAPABILITIES | extraCapabilities;
            proxy = new RawClient(cluster.port());
            maria = new RawClient(cluster.backend(0).port());
            assertThat(proxy.login(ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "cap", "mysql_native_password",
                    capabilities)[0]).isZero();
            assertThat(maria.login("test", "test", "cap", "mysql_native_password", capabilities)[0]).isZero();
        }

        boolean deprecateEof() {
            return (capabilities & DEPRECATE_EOF) != 0;
        }

        @Override
        public void close() throws IOException {
            proxy.close();
            maria.close();
        }
    }

    private static List<String> hex(List<byte[]> packets) {
        return packets.stream().map(HexFormat.of()::formatHex).toList();
    }

    private static void assertSameError(byte[] ours, byte[] theirs) {
        ErrPacket a = ErrPacket.read(Unpooled.wrappedBuffer(ours));
        ErrPacket b = ErrPacket.read(Unpooled.wrappedBuffer(theirs));
        assertThat(a.errorCode()).as(a.message()).isEqualTo(b.errorCode());
        assertThat(a.sqlState()).isEqualTo(b.sqlState());
        assertThat(a.message()).startsWith(b.message());
    }

    /** The connection still answers: COM_PING gives the same OK on both. */
    private static void stillUsable(Pair p) throws IOException {
        byte[] ours = p.proxy.command(Command.COM_PING.code(), "");
        assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(p.maria.command(Command.COM_PING.code(), "")));
        assertThat(p.proxy.lastSequence).isEqualTo(1);
    }

    @Test
    void prepareAnswersMatch() throws Exception {
        for (int caps : new int[] {0, DEPRECATE_EOF}) {
            try (Pair p = new Pair(caps)) {
                for (String sql : List.of("SELECT id, m, g, j FROM t2 WHERE id = ?", "INSERT INTO t2 (id, m) VALUES (?, ?)",
                        "SELECT id, a FROM t2 ORDER BY id", "DELETE FROM t2 WHERE id = -1", "SELEC 1")) {
                    Prepared ours = prepare(p.proxy, sql, p.deprecateEof());
                    Prepared theirs = prepare(p.maria, sql, p.deprecateEof());
                    if (sql.startsWith("SELEC ")) {
                        // the same error; ShardGate's message names the word rather than quoting MariaDB's manual
                        assertThat(ErrPacket.read(Unpooled.wrappedBuffer(ours.packets().getFirst())).errorCode()).isEqualTo(1064);
                        assertThat(ErrPacket.read(Unpooled.wrappedBuffer(theirs.packets().getFirst())).errorCode()).isEqualTo(1064);
                        continue;
                    }
                    assertThat(hex(ours.packets())).as(sql).isEqualTo(hex(theirs.packets()));
                    p.proxy.write(0, bytes(new StmtHandle(Command.COM_STMT_CLOSE, ours.id())));
                    p.maria.write(0, bytes(new StmtHandle(Command.COM_STMT_CLOSE, theirs.id())));
                }
                stillUsable(p);
            }
        }
    }

    /** Binary rows of every type, made by ShardGate from the backend's text rows, are MariaDB's. */
    @Test
    void binaryResultOfEveryTypeMatches() throws Exception {
        for (int caps : new int[] {0, DEPRECATE_EOF}) {
            try (Pair p = new Pair(caps)) {
                String sql = "SELECT * FROM t2 WHERE id > ? AND id < 100 ORDER BY id";
                long ours = prepare(p.proxy, sql, p.deprecateEof()).id();
                long theirs = prepare(p.maria, sql, p.deprecateEof()).id();
                List<ParameterType> bigint = List.of(new ParameterType(8, false));
                List<byte[]> a = answer(p.proxy, execute(ours, 0, bigint, List.of(0L)), p.deprecateEof(), false);
                List<byte[]> b = answer(p.maria, execute(theirs, 0, bigint, List.of(0L)), p.deprecateEof(), false);
                assertThat(a).hasSize(1 + 22 + (p.deprecateEof() ? 0 : 1) + 3 + 1);
                assertThat(hex(a)).isEqualTo(hex(b));
                // executed again without types: the remembered ones apply
                byte[] again = bytes(new StmtExecute(ours, 0, 1, bigint, false, List.of(1L)));
                byte[] againThere = bytes(new StmtExecute(theirs, 0, 1, bigint, false, List.of(1L)));
                assertThat(hex(answer(p.proxy, again, p.deprecateEof(), false)))
                        .isEqualTo(hex(answer(p.maria, againThere, p.deprecateEof(), false)));
                stillUsable(p);
            }
        }
    }

    /**
     * Parameters of every type inserted by each server, then read back from MariaDB: ShardGate's
     * literals must store what MariaDB stores from the binary values themselves.
     */
    @Test
    void parametersOfEveryTypeStoreWhatMariaDbStores() throws Exception {
        // MariaDB takes INT24, YEAR and BIT parameters for NULL without reading their bytes (clients send
        // LONG, SHORT, LONGLONG); ShardGate reads them as documented, so they are left out here.
        List<ParameterType> types = List.of(new ParameterType(3, false), new ParameterType(1, false),
                new ParameterType(2, true), new ParameterType(3, false), new ParameterType(8, true),
                new ParameterType(4, false), new ParameterType(5, false), new ParameterType(246, false),
                new ParameterType(10, false), new ParameterType(11, false), new ParameterType(12, false),
                new ParameterType(7, false), new ParameterType(2, false), new ParameterType(253, false),
                new ParameterType(252, false), new ParameterType(8, false), new ParameterType(254, false),
                new ParameterType(253, false), new ParameterType(11, false), new ParameterType(12, false),
                new ParameterType(3, true), new ParameterType(8, false));
        List<Object> values = new ArrayList<>(Arrays.asList(0L, -128L, 65535L, -8388608L,
                new BigInteger("18446744073709551615"), 1.1, 0.30000000000000004, utf8("-1234567.125"), "2024-02-29",
                "-838:59:59.000001", "2024-02-29 13:45:07.123456", "2024-02-29 13:45:07.120000", 2024L,
                utf8("it's 😀\\"), new byte[] {0, (byte) 0xFF, '\''}, 682L, utf8("y"), utf8("{\"a\": [1, 2.5e3]}"),
                "12:00:00", "2024-01-01 00:00:00", 4294967295L, Long.MIN_VALUE));
        String insert = "INSERT INTO t2 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Pair p = new Pair(0)) {
            long ours = prepare(p.proxy, insert, false).id();
            long theirs = prepare(p.maria, insert, false).id();
            values.set(0, 101L);
            List<byte[]> a = answer(p.proxy, execute(ours, 0, types, values), false, false);
            values.set(0, 102L);
            List<byte[]> b = answer(p.maria, execute(theirs, 0, types, values), false, false);
            assertThat(hex(a)).isEqualTo(hex(b));
            // all NULL, types not sent again
            List<Object> nulls = new ArrayList<>(java.util.Collections.nCopies(types.size(), null));
            nulls.set(0, 103L);
            a = answer(p.proxy, bytes(new StmtExecute(ours, 0, 1, types, false, nulls)), false, false);
            nulls.set(0, 104L);
            b = answer(p.maria, bytes(new StmtExecute(theirs, 0, 1, types, false, nulls)), false, false);
            assertThat(hex(a)).isEqualTo(hex(b));
            stillUsable(p);
        }
        String rows = cluster.backend(0).execute("USE cap", "SELECT id, a, b, c, d, e, f, g, h, i, j, k, l, m, HEX(n),"
                + " HEX(o), p, q, r, s2, u, v FROM t2 WHERE id BETWEEN 101 AND 104 ORDER BY id");
        List<String> lines = rows.lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).substring(4)).isEqualTo(lines.get(1).substring(4));
        assertThat(lines.get(2).substring(4)).isEqualTo(lines.get(3).substring(4));
        assertThat(lines.get(0)).contains("18446744073709551615", "1.1", "-838:59:59.000001", "2024-02-29 13:45:07.123456");
    }

    @Test
    void cursorAndFetchesMatch() throws Exception {
        for (int caps : new int[] {0, DEPRECATE_EOF}) {
            try (Pair p = new Pair(caps)) {
                String sql = "SELECT id, a FROM t2 WHERE id < ? ORDER BY id";
                long ours = prepare(p.proxy, sql, p.deprecateEof()).id();
                long theirs = prepare(p.maria, sql, p.deprecateEof()).id();
                List<ParameterType> bigint = List.of(new ParameterType(8, false));
                List<byte[]> a = answer(p.proxy, execute(ours, 1, bigint, List.of(100L)), p.deprecateEof(), false);
                List<byte[]> b = answer(p.maria, execute(theirs, 1, bigint, List.of(100L)), p.deprecateEof(), false);
                // MariaDB reads a cursor's rows into a temporary table, whose column flags it reports
                assertThat(names(a.subList(1, 3))).isEqualTo(names(b.subList(1, 3)));
                assertThat(hex(List.of(a.getFirst(), a.get(3)))).isEqualTo(hex(List.of(b.getFirst(), b.get(3))));
                for (int round = 0; round < 2; round++) {
                    assertThat(hex(answer(p.proxy, bytes(new StmtFetch(ours, 2)), p.deprecateEof(), true)))
                            .as("fetch %d", round).isEqualTo(hex(answer(p.maria, bytes(new StmtFetch(theirs, 2)), p.deprecateEof(), true)));
                }
                // the cursor is exhausted: no open cursor now (the message names the server's own id)
                assertSameErrorNumber(answer(p.proxy, bytes(new StmtFetch(ours, 2)), false, true),
                        answer(p.maria, bytes(new StmtFetch(theirs, 2)), false, true), 1421);
                // a reset closes an open cursor
                answer(p.proxy, execute(ours, 1, bigint, List.of(100L)), p.deprecateEof(), false);
                answer(p.maria, execute(theirs, 1, bigint, List.of(100L)), p.deprecateEof(), false);
                assertThat(hex(answer(p.proxy, bytes(new StmtHandle(Command.COM_STMT_RESET, ours)), false, false)))
                        .isEqualTo(hex(answer(p.maria, bytes(new StmtHandle(Command.COM_STMT_RESET, theirs)), false, false)));
                assertSameErrorNumber(answer(p.proxy, bytes(new StmtFetch(ours, 1)), false, true),
                        answer(p.maria, bytes(new StmtFetch(theirs, 1)), false, true), 1421);
                stillUsable(p);
            }
        }
    }

    private static List<String> names(List<byte[]> definitions) {
        return definitions.stream().map(d -> {
            ColumnDefinition41 c = ColumnDefinition41.read(Unpooled.wrappedBuffer(d));
            return c.name() + ":" + c.type();
        }).toList();
    }

    private static void assertSameErrorNumber(List<byte[]> ours, List<byte[]> theirs, int expected) {
        assertThat(ours).hasSize(1);
        assertThat(theirs).hasSize(1);
        assertThat(ErrPacket.read(Unpooled.wrappedBuffer(ours.getFirst())).errorCode()).isEqualTo(expected);
        assertThat(ErrPacket.read(Unpooled.wrappedBuffer(theirs.getFirst())).errorCode()).isEqualTo(expected);
    }

    @Test
    void longDataChunksAppendAndResetForgetsThem() throws Exception {
        String insert = "INSERT INTO t2 (id, m, n) VALUES (?, ?, ?)";
        List<ParameterType> types = List.of(new ParameterType(3, false), new ParameterType(253, false),
                new ParameterType(252, false));
        try (Pair p = new Pair(0)) {
            long ours = prepare(p.proxy, insert, false).id();
            long theirs = prepare(p.maria, insert, false).id();
            for (int server = 0; server < 2; server++) {
                RawClient c = server == 0 ? p.proxy : p.maria;
                long id = server == 0 ? ours : theirs;
                c.write(0, bytes(new StmtSendLongData(id, 2, "discarded".getBytes(StandardCharsets.UTF_8))));
                assertThat(hex(answer(c, bytes(new StmtHandle(Command.COM_STMT_RESET, id)), false, false)))
                        .containsExactly("00000002000000");
                c.write(0, bytes(new StmtSendLongData(id, 1, "héllo ".getBytes(StandardCharsets.UTF_8))));
                c.write(0, bytes(new StmtSendLongData(id, 1, "😀".getBytes(StandardCharsets.UTF_8))));
                for (int chunk = 0; chunk < 3; chunk++) {
                    c.write(0, bytes(new StmtSendLongData(id, 2, new byte[] {(byte) chunk, (byte) 0xFF})));
                }
                List<Object> values = Arrays.asList(201L + server, StmtExecute.LONG_DATA, StmtExecute.LONG_DATA);
                byte[] ok = answer(c, execute(id, 0, types, values), false, false).getFirst();
                assertThat(ok[0]).isZero();
            }
            stillUsable(p);
        }
        String rows = cluster.backend(0).execute("USE cap", "SELECT id, m, HEX(n) FROM t2 WHERE id IN (201, 202) ORDER BY id");
        assertThat(rows.lines().toList()).containsExactly("201\théllo 😀\t00FF01FF02FF", "202\théllo 😀\t00FF01FF02FF");
    }

    @Test
    void malformedAndUnknownStatementsGetErrorsAndTheConnectionGoesOn() throws Exception {
        try (Pair p = new Pair(0)) {
            for (byte[] command : List.of(
                    execute(999, 0, List.of(), List.of()),
                    bytes(new StmtFetch(999, 1)),
                    bytes(new StmtHandle(Command.COM_STMT_RESET, 999)))) {
                byte[] ours = answer(p.proxy, command, false, false).getFirst();
                byte[] theirs = answer(p.maria, command, false, false).getFirst();
                assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(theirs));
                assertThat(ErrPacket.read(Unpooled.wrappedBuffer(ours)).errorCode()).isEqualTo(1243);
            }
            // never answered: the next command's answer must be the first thing to arrive
            for (byte[] quiet : List.of(bytes(new StmtHandle(Command.COM_STMT_CLOSE, 999)),
                    bytes(new StmtSendLongData(999, 0, new byte[] {1})), new byte[] {(byte) Command.COM_STMT_CLOSE.code(), 1},
                    new byte[] {(byte) Command.COM_STMT_SEND_LONG_DATA.code()})) {
                p.proxy.write(0, quiet);
                p.maria.write(0, quiet);
            }
            stillUsable(p);

            String sql = "SELECT id, m FROM t2 WHERE id IN (?, ?) ORDER BY id";
            long ours = prepare(p.proxy, sql, false).id();
            long theirs = prepare(p.maria, sql, false).id();
            List<ParameterType> two = List.of(new ParameterType(8, false), new ParameterType(8, false));
            byte[] full = execute(ours, 0, two, List.of(1L, 2L));
            byte[] fullThere = execute(theirs, 0, two, List.of(1L, 2L));
            // the new-params-bound flag missing
            assertSameError(answer(p.proxy, Arrays.copyOf(full, 11), false, false).getFirst(),
                    answer(p.maria, Arrays.copyOf(fullThere, 11), false, false).getFirst());
            // a value cut short or missing: MariaDB may let these pass (a fixed-size value it cannot
            // read is left unset); ShardGate answers 1210 naming the parameter
            for (int cut : new int[] {full.length - 1, full.length - 8, full.length - 9}) {
                byte[] err = answer(p.proxy, Arrays.copyOf(full, cut), false, false).getFirst();
                ErrPacket e = ErrPacket.read(Unpooled.wrappedBuffer(err));
                assertThat(e.errorCode()).isEqualTo(1210);
                assertThat(e.message()).startsWith("Incorrect arguments to mysqld_stmt_execute (parameter ");
            }
            byte[] untyped = bytes(new StmtExecute(ours, 0, 1, two, false, List.of(1L, 2L)));
            byte[] untypedThere = bytes(new StmtExecute(theirs, 0, 1, two, false, List.of(1L, 2L)));
            assertSameError(answer(p.proxy, untyped, false, false).getFirst(),
                    answer(p.maria, untypedThere, false, false).getFirst());
            // the header itself cut short
            byte[] header = {(byte) Command.COM_STMT_EXECUTE.code(), 1, 0};
            assertSameError(answer(p.proxy, header, false, false).getFirst(), answer(p.maria, header, false, false).getFirst());
            // long data for a parameter the statement does not have: executions fail until a reset
            p.proxy.write(0, bytes(new StmtSendLongData(ours, 7, new byte[] {1})));
            p.maria.write(0, bytes(new StmtSendLongData(theirs, 7, new byte[] {1})));
            for (int i = 0; i < 2; i++) {
                assertSameError(answer(p.proxy, full, false, false).getFirst(), answer(p.maria, fullThere, false, false).getFirst());
            }
            assertThat(hex(answer(p.proxy, bytes(new StmtHandle(Command.COM_STMT_RESET, ours)), false, false)))
                    .isEqualTo(hex(answer(p.maria, bytes(new StmtHandle(Command.COM_STMT_RESET, theirs)), false, false)));
            assertThat(hex(answer(p.proxy, full, false, false))).isEqualTo(hex(answer(p.maria, fullThere, false, false)));
            stillUsable(p);
        }
    }

    @Test
    void boundOnPreparedStatements() throws Exception {
        try (Pair p = new Pair(0)) {
            List<Long> ours = new ArrayList<>();
            List<Long> theirs = new ArrayList<>();
            for (int i = 0; i < MAX_PREPARED; i++) {
                ours.add(prepare(p.proxy, "SELECT " + i, false).id());
                theirs.add(prepare(p.maria, "SELECT " + i, false).id());
            }
            byte[] a = prepare(p.proxy, "SELECT 99", false).packets().getFirst();
            byte[] b = prepare(p.maria, "SELECT 99", false).packets().getFirst();
            assertThat(HexFormat.of().formatHex(a)).isEqualTo(HexFormat.of().formatHex(b));
            // SQL-level statements count too
            byte[] sqlLevel = p.proxy.command(Command.COM_QUERY.code(), "PREPARE s FROM 'SELECT 1'");
            assertThat(ErrPacket.read(Unpooled.wrappedBuffer(sqlLevel)).errorCode()).isEqualTo(1461);
            p.proxy.write(0, bytes(new StmtHandle(Command.COM_STMT_CLOSE, ours.getFirst())));
            p.maria.write(0, bytes(new StmtHandle(Command.COM_STMT_CLOSE, theirs.getFirst())));
            assertThat(HexFormat.of().formatHex(p.proxy.command(Command.COM_QUERY.code(), "PREPARE s FROM 'SELECT 1'")))
                    .isEqualTo(HexFormat.of().formatHex(p.maria.command(Command.COM_QUERY.code(), "PREPARE s FROM 'SELECT 1'")));
            stillUsable(p);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

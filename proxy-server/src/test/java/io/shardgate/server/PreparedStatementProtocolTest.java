package io.shardgate.server;

import static io.shardgate.server.RawClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.shardgate.config.ServerConfig;
import io.shardgate.protocol.BinaryRowFormat;
import io.shardgate.protocol.ColumnCountPacket;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.EofPacket;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.ParameterType;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.StmtExecute;
import io.shardgate.protocol.StmtFetch;
import io.shardgate.protocol.StmtHandle;
import io.shardgate.protocol.StmtPrepareOk;
import io.shardgate.protocol.StmtSendLongData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The binary protocol at the byte level without backends: statements the proxy answers itself
 * ({@code SELECT ?, @@version_comment}), cursors, the "last prepared" id, the bound on statements,
 * and commands that must never be answered. Against a real MariaDB: {@code BinaryProtocolBytesIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreparedStatementProtocolTest {

    private static final List<ParameterType> ONE_STRING = List.of(new ParameterType(253, false));

    private ShardGateServer server;

    @BeforeAll
    void start() throws Exception {
        server = NoBackendProxy.start("- { name: app, password: secret, schemas: [shop] }",
                new ServerConfig("127.0.0.1", 0, 0, 1 << 20, 2));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private RawClient loggedIn() throws Exception {
        RawClient c = new RawClient(server.port());
        assertThat(c.login("app", "secret", "shop", "mysql_native_password", RawClient.BASE_CAPABILITIES)[0]).isZero();
        return c;
    }

    private static StmtPrepareOk prepare(RawClient c, String sql) throws Exception {
        byte[] first = c.command(Command.COM_STMT_PREPARE.code(), sql);
        assertThat(first[0]).as("answer to preparing %s", sql).isZero();
        StmtPrepareOk ok = StmtPrepareOk.read(Unpooled.wrappedBuffer(first));
        int packets = ok.paramCount() + ok.columnCount() + (ok.paramCount() > 0 ? 1 : 0) + (ok.columnCount() > 0 ? 1 : 0);
        for (int i = 0; i < packets; i++) {
            c.read();
        }
        return ok;
    }

    private static ErrPacket error(byte[] payload) {
        return ErrPacket.read(Unpooled.wrappedBuffer(payload));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void prepareDescribesParametersAndColumnsThenExecuteAnswersInBinary() throws Exception {
        try (RawClient c = loggedIn()) {
            byte[] first = c.command(Command.COM_STMT_PREPARE.code(), "SELECT ? AS greeting, @@version_comment /* ? */");
            StmtPrepareOk ok = StmtPrepareOk.read(Unpooled.wrappedBuffer(first));
            assertThat(ok).isEqualTo(new StmtPrepareOk(1, 2, 1, 0));
            assertThat(ColumnDefinition41.read(Unpooled.wrappedBuffer(c.read()))).isEqualTo(ColumnDefinition41.PARAMETER);
            assertThat(EofPacket.isEof(Unpooled.wrappedBuffer(c.read()))).isTrue();
            List<ColumnDefinition41> columns = List.of(ColumnDefinition41.read(Unpooled.wrappedBuffer(c.read())),
                    ColumnDefinition41.read(Unpooled.wrappedBuffer(c.read())));
            assertThat(columns).extracting(ColumnDefinition41::name).containsExactly("greeting", "@@version_comment");
            assertThat(EofPacket.isEof(Unpooled.wrappedBuffer(c.read()))).isTrue();

            c.write(0, bytes(new StmtExecute(1, 0, 1, ONE_STRING, true, List.of(utf8("it's ✓")))));
            assertThat(ColumnCountPacket.read(Unpooled.wrappedBuffer(c.read())).count()).isEqualTo(2);
            List<ColumnDefinition41> executed = List.of(ColumnDefinition41.read(Unpooled.wrappedBuffer(c.read())),
                    ColumnDefinition41.read(Unpooled.wrappedBuffer(c.read())));
            c.read(); // EOF
            Object[] row = BinaryRowFormat.of(executed).read(Unpooled.wrappedBuffer(c.read()));
            assertThat(row[0]).isEqualTo(utf8("it's ✓"));
            assertThat(row[1]).isEqualTo(utf8("ShardGate sharding proxy"));
            assertThat(EofPacket.isEof(Unpooled.wrappedBuffer(c.read()))).isTrue();
        }
    }

    @Test
    void minusOneMeansTheStatementPreparedLast() throws Exception {
        try (RawClient c = loggedIn()) {
            // MariaDB Connector/J sends the two back to back, before it has read the statement id
            c.write(0, utf8("\u0016SELECT ?"));
            c.write(0, bytes(new StmtExecute(0xFFFF_FFFFL, 0, 1, ONE_STRING, true, List.of(utf8("x")))));
            StmtPrepareOk ok = StmtPrepareOk.read(Unpooled.wrappedBuffer(c.read()));
            assertThat(ok.paramCount()).isEqualTo(1);
            for (int i = 0; i < 4; i++) {
                c.read(); // parameter, EOF, column, EOF
            }
            assertThat(ColumnCountPacket.read(Unpooled.wrappedBuffer(c.read())).count()).isEqualTo(1);
            for (int i = 0; i < 4; i++) {
                c.read(); // column, EOF, row, EOF
            }
            // after a failed prepare, -1 names no statement
            assertThat(error(c.command(Command.COM_STMT_PREPARE.code(), "SELECT * FROM WHERE")).errorCode()).isEqualTo(1064);
        }
        try (RawClient c = loggedIn()) {
            assertThat(error(c.command(Command.COM_STMT_PREPARE.code(), "SELECT * FROM WHERE")).errorCode()).isEqualTo(1064);
            c.write(0, bytes(new StmtExecute(0xFFFF_FFFFL, 0, 1, List.of(), false, List.of())));
            ErrPacket err = error(c.read());
            assertThat(err.errorCode()).isEqualTo(1243);
            assertThat(err.message()).isEqualTo("Unknown prepared statement handler (-1) given to mysqld_stmt_execute");
        }
    }

    @Test
    void cursorOverALocalResult() throws Exception {
        try (RawClient c = loggedIn()) {
            StmtPrepareOk ok = prepare(c, "SELECT ?");
            c.write(0, bytes(new StmtExecute(ok.statementId(), StmtExecute.CURSOR_TYPE_READ_ONLY, 1, ONE_STRING, true,
                    List.of(utf8("row")))));
            c.read();
            c.read();
            EofPacket open = EofPacket.read(Unpooled.wrappedBuffer(c.read()));
            assertThat(ServerStatus.CURSOR_EXISTS.in(open.statusFlags())).isTrue();
            c.write(0, bytes(new StmtFetch(ok.statementId(), 5)));
            assertThat(c.read()[0]).isZero(); // the one row
            EofPacket last = EofPacket.read(Unpooled.wrappedBuffer(c.read()));
            assertThat(ServerStatus.LAST_ROW_SENT.in(last.statusFlags())).isTrue();
            assertThat(ServerStatus.CURSOR_EXISTS.in(last.statusFlags())).isFalse();
            c.write(0, bytes(new StmtFetch(ok.statementId(), 5)));
            assertThat(error(c.read()).errorCode()).isEqualTo(1421);
        }
    }

    @Test
    void theBoundCountsBothKindsAndClosingFreesASlot() throws Exception {
        try (RawClient c = loggedIn()) {
            StmtPrepareOk first = prepare(c, "SELECT 1");
            assertThat(OkPacket.read(Unpooled.wrappedBuffer(c.command(Command.COM_QUERY.code(), "PREPARE s FROM 'SELECT 2'")))
                    .info()).isEqualTo("Statement prepared");
            ErrPacket full = error(c.command(Command.COM_STMT_PREPARE.code(), "SELECT 3"));
            assertThat(full.errorCode()).isEqualTo(1461);
            assertThat(full.sqlState()).isEqualTo("42000");
            assertThat(full.message()).isEqualTo("Can't create more than max_prepared_stmt_count statements (current value: 2)");
            c.write(0, bytes(new StmtHandle(Command.COM_STMT_CLOSE, first.statementId())));
            prepare(c, "SELECT 3");
            assertThat(error(c.command(Command.COM_QUERY.code(), "PREPARE t FROM 'SELECT 4'")).errorCode()).isEqualTo(1461);
            assertThat(c.command(Command.COM_QUERY.code(), "DEALLOCATE PREPARE s")[0]).isZero();
            assertThat(c.command(Command.COM_QUERY.code(), "PREPARE t FROM 'SELECT 4'")[0]).isZero();
        }
    }

    @Test
    void closeAndLongDataAreNeverAnsweredAndBadPacketsGetErrors() throws Exception {
        try (RawClient c = loggedIn()) {
            List<byte[]> quiet = new ArrayList<>(List.of(
                    bytes(new StmtHandle(Command.COM_STMT_CLOSE, 77)), new byte[] {(byte) Command.COM_STMT_CLOSE.code()},
                    bytes(new StmtSendLongData(77, 0, new byte[10])), new byte[] {(byte) Command.COM_STMT_SEND_LONG_DATA.code(), 1}));
            for (byte[] q : quiet) {
                c.write(0, q);
            }
            assertThat(c.command(Command.COM_PING.code(), "")[0]).isZero();
            ErrPacket header = error(c.command(Command.COM_STMT_EXECUTE.code(), "\u0001"));
            assertThat(header.errorCode()).isEqualTo(1835);
            assertThat(error(c.command(Command.COM_STMT_RESET.code(), "\u0007\u0000\u0000\u0000")).errorCode()).isEqualTo(1243);
            StmtPrepareOk ok = prepare(c, "SELECT ?");
            // long data past max_allowed_packet (1 MiB here): executions fail until a reset
            byte[] chunk = new byte[600 * 1024];
            c.write(0, bytes(new StmtSendLongData(ok.statementId(), 0, chunk)));
            c.write(0, bytes(new StmtSendLongData(ok.statementId(), 0, chunk)));
            byte[] execute = bytes(new StmtExecute(ok.statementId(), 0, 1, List.of(new ParameterType(254, false)), true,
                    List.of(StmtExecute.LONG_DATA)));
            c.write(0, execute);
            ErrPacket tooLong = error(c.read());
            assertThat(tooLong.errorCode()).isEqualTo(1153);
            assertThat(tooLong.message()).contains("max_allowed_packet");
            assertThat(c.command(Command.COM_STMT_RESET.code(), new String(new byte[] {(byte) ok.statementId(), 0, 0, 0},
                    StandardCharsets.ISO_8859_1))[0]).isZero();
            c.write(0, bytes(new StmtSendLongData(ok.statementId(), 0, utf8("fits"))));
            c.write(0, execute);
            byte[] answer = c.read();
            assertThat(answer[0]).as(new String(answer, StandardCharsets.UTF_8)).isEqualTo((byte) 1);
        }
    }
}

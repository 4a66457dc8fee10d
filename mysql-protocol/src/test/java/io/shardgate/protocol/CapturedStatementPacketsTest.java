package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prepared-statement packets against what MariaDB 10.11 sent (captured by
 * {@code tools/capture/capture_stmt.py}, see captured/README.md).
 */
class CapturedStatementPacketsTest {

    private static final int AUTOCOMMIT = ServerStatus.AUTOCOMMIT.bit();

    @Test
    void prepareAnswerOfASelectWithEofPackets() {
        List<byte[]> captured = Captured.packets("stmt-prepare-select");
        StmtPrepareOk ok = CapturedPacketsTest.fully(Captured.payloadBuf(captured.getFirst()), StmtPrepareOk::read);
        assertThat(ok.columnCount()).isEqualTo(2);
        assertThat(ok.paramCount()).isEqualTo(1);
        ColumnDefinition41 id = new ColumnDefinition41("capdb", "t", "t", "id", "id", 63, 11, 3,
                ColumnFlag.bits(ColumnFlag.NOT_NULL, ColumnFlag.PRI_KEY, ColumnFlag.AUTO_INCREMENT, ColumnFlag.PART_KEY), 0);
        ServerPacket[] answer = {
            new StmtPrepareOk(ok.statementId(), 2, 1, 0),
            ColumnDefinition41.PARAMETER, new EofPacket(0, AUTOCOMMIT),
            id, CapturedPacketsTest.NAME, new EofPacket(0, AUTOCOMMIT),
        };
        assertThat(Encoded.frames(1, answer)).isEqualTo(Captured.stream("stmt-prepare-select"));
        assertThat(CapturedPacketsTest.fully(Captured.payloadBuf(captured.get(1)), ColumnDefinition41::read))
                .isEqualTo(ColumnDefinition41.PARAMETER);
    }

    @Test
    void prepareAnswerOfAnInsertHasParametersOnly() {
        StmtPrepareOk ok = StmtPrepareOk.read(Captured.payloadBuf(Captured.packets("stmt-prepare-insert").getFirst()));
        ServerPacket[] answer = {
            new StmtPrepareOk(ok.statementId(), 0, 2, 0),
            ColumnDefinition41.PARAMETER, ColumnDefinition41.PARAMETER, new EofPacket(0, AUTOCOMMIT),
        };
        assertThat(Encoded.frames(1, answer)).isEqualTo(Captured.stream("stmt-prepare-insert"));
    }

    @Test
    void prepareAnswerUnderDeprecateEofHasNoEofPackets() {
        List<byte[]> captured = Captured.packets("stmt-prepare-deprecate-eof");
        StmtPrepareOk ok = StmtPrepareOk.read(Captured.payloadBuf(captured.getFirst()));
        assertThat(ok).isEqualTo(new StmtPrepareOk(ok.statementId(), 2, 0, 0));
        List<ServerPacket> answer = new ArrayList<>(List.of(ok));
        answer.addAll(definitions(captured, 1, 2));
        assertThat(Encoded.frames(1, answer.toArray(ServerPacket[]::new))).isEqualTo(Captured.stream("stmt-prepare-deprecate-eof"));
    }

    /** The heart of the binary result: MariaDB's text rows, converted by us, are its binary rows. */
    @Test
    void binaryRowsBuiltFromTextRowsAreMariaDbsBinaryRows() {
        List<byte[]> text = Captured.packets("stmt-t2-text");
        List<byte[]> binary = Captured.packets("stmt-t2-execute");
        int columns = ColumnCountPacket.read(Captured.payloadBuf(text.getFirst())).count();
        assertThat(columns).isEqualTo(22);
        List<ColumnDefinition41> definitions = definitions(text, 1, columns);
        assertThat(definitions).isEqualTo(definitions(binary, 1, columns));
        BinaryRowFormat format = BinaryRowFormat.of(definitions);
        int firstRow = columns + 2;
        for (int r = 0; r < 3; r++) {
            byte[][] cells = TextResultRow.read(Captured.payloadBuf(text.get(firstRow + r)), columns).values();
            byte[] ours = Encoded.payload(out -> format.write(out, cells));
            assertThat(ours).as("row %d", r + 1).isEqualTo(Captured.payload(binary.get(firstRow + r)));
        }
        // the whole answer, framed, with the binary result's own status (no NO_INDEX_USED here)
        List<ServerPacket> answer = new ArrayList<>();
        answer.add(new ColumnCountPacket(columns));
        answer.addAll(definitions);
        answer.add(new EofPacket(0, AUTOCOMMIT));
        for (int r = 0; r < 3; r++) {
            byte[][] cells = TextResultRow.read(Captured.payloadBuf(text.get(firstRow + r)), columns).values();
            answer.add(out -> format.write(out, cells));
        }
        answer.add(new EofPacket(0, AUTOCOMMIT));
        assertThat(Encoded.frames(1, answer.toArray(ServerPacket[]::new))).isEqualTo(Captured.stream("stmt-t2-execute"));
    }

    @Test
    void binaryRowsReadBackAsValues() {
        List<byte[]> binary = Captured.packets("stmt-t2-execute");
        BinaryRowFormat format = BinaryRowFormat.of(definitions(binary, 1, 22));
        Object[] first = CapturedPacketsTest.fully(Captured.payloadBuf(binary.get(24)), format::read);
        assertThat(first[0]).isEqualTo(1L);
        assertThat(first[1]).isEqualTo(-128L);
        assertThat(first[2]).isEqualTo(65535L);
        assertThat(first[4]).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(first[5]).isEqualTo(1.5);
        assertThat(first[6]).isEqualTo(0.30000000000000004);
        assertThat(first[7]).isEqualTo(utf8("-1234567.125"));
        assertThat(first[8]).isEqualTo("2024-02-29");
        assertThat(first[9]).isEqualTo("-838:59:59.000001");
        assertThat(first[10]).isEqualTo("2024-02-29 13:45:07.123456");
        assertThat(first[11]).isEqualTo("2024-02-29 13:45:07.120000");
        assertThat(first[12]).isEqualTo(2024L);
        assertThat(first[13]).isEqualTo(utf8("héllo 😀"));
        assertThat(first[18]).isEqualTo("12:00:00");
        assertThat(first[19]).isEqualTo("2024-01-01 00:00:00");
        assertThat(first[20]).isEqualTo(4294967295L);
        assertThat(first[21]).isEqualTo(Long.MIN_VALUE);
        Object[] nulls = CapturedPacketsTest.fully(Captured.payloadBuf(binary.get(25)), format::read);
        assertThat(nulls[0]).isEqualTo(2L);
        assertThat(java.util.Arrays.asList(nulls).subList(1, 22)).containsOnlyNulls();
        Object[] zeros = CapturedPacketsTest.fully(Captured.payloadBuf(binary.get(26)), format::read);
        assertThat(zeros[8]).isEqualTo("0000-00-00");
        assertThat(zeros[9]).isEqualTo("00:00:00");
        assertThat(zeros[10]).isEqualTo("0000-00-00 00:00:00");
        assertThat(zeros[18]).isEqualTo("-01:00:00");
    }

    @Test
    void cursorExecuteAndFetches() {
        for (String fixture : List.of("stmt-cursor-eof", "stmt-cursor-deprecate-eof")) {
            boolean deprecateEof = fixture.endsWith("deprecate-eof");
            List<byte[]> captured = Captured.packets(fixture);
            List<ColumnDefinition41> definitions = definitions(captured, 1, 2);
            BinaryRowFormat format = BinaryRowFormat.of(definitions);
            int cursorOpen = ServerStatus.bits(ServerStatus.AUTOCOMMIT, ServerStatus.CURSOR_EXISTS, ServerStatus.NO_INDEX_USED);
            byte[] execute = Encoded.frames(1, new ColumnCountPacket(2), definitions.get(0), definitions.get(1),
                    end(deprecateEof, cursorOpen));
            byte[] fetch1 = Encoded.frames(1, row(format, "1", "-128"), row(format, "2", null),
                    end(deprecateEof, ServerStatus.bits(ServerStatus.AUTOCOMMIT, ServerStatus.CURSOR_EXISTS)));
            byte[] fetch2 = Encoded.frames(1, row(format, "3", "127"),
                    end(deprecateEof, ServerStatus.bits(ServerStatus.AUTOCOMMIT, ServerStatus.LAST_ROW_SENT)));
            assertThat(concat(execute, fetch1, fetch2)).as(fixture).isEqualTo(Captured.stream(fixture));
        }
    }

    @Test
    void sqlLevelPrepareAnswersStatementPrepared() {
        byte[] captured = Captured.packet("stmt-sql-prepare-ok");
        assertThat(Encoded.frames(1, new OkPacket(0, 0, AUTOCOMMIT, 0, "Statement prepared"))).isEqualTo(captured);
        assertThat(Encoded.frames(1, OkPacket.of(AUTOCOMMIT))).isEqualTo(Captured.packet("stmt-reset-ok"));
    }

    @Test
    void errorAnswersRoundTrip() {
        for (String fixture : List.of("stmt-unknown-handler", "stmt-incorrect-arguments", "stmt-no-open-cursor",
                "stmt-too-many", "stmt-prepare-syntax-error")) {
            byte[] captured = Captured.packet(fixture);
            ErrPacket err = CapturedPacketsTest.fully(Captured.payloadBuf(captured), ErrPacket::read);
            assertThat(Encoded.frames(1, err)).as(fixture).isEqualTo(captured);
        }
        assertThat(ErrPacket.read(Captured.payloadBuf(Captured.packet("stmt-unknown-handler"))))
                .isEqualTo(new ErrPacket(1243, "HY000", "Unknown prepared statement handler (999) given to mysqld_stmt_execute"));
        assertThat(ErrPacket.read(Captured.payloadBuf(Captured.packet("stmt-incorrect-arguments"))))
                .isEqualTo(new ErrPacket(1210, "HY000", "Incorrect arguments to mysqld_stmt_execute"));
        assertThat(ErrPacket.read(Captured.payloadBuf(Captured.packet("stmt-too-many"))))
                .isEqualTo(new ErrPacket(1461, "42000", "Can't create more than max_prepared_stmt_count statements (current value: 1)"));
        assertThat(ErrPacket.read(Captured.payloadBuf(Captured.packet("stmt-no-open-cursor"))).errorCode()).isEqualTo(1421);
    }

    private static ServerPacket end(boolean deprecateEof, int status) {
        return deprecateEof ? OkPacket.of(status).asResultSetEnd() : new EofPacket(0, status);
    }

    private static ServerPacket row(BinaryRowFormat format, String... text) {
        byte[][] cells = new byte[text.length][];
        for (int i = 0; i < text.length; i++) {
            cells[i] = text[i] == null ? null : utf8(text[i]);
        }
        return out -> format.write(out, cells);
    }

    private static List<ColumnDefinition41> definitions(List<byte[]> packets, int from, int count) {
        List<ColumnDefinition41> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(CapturedPacketsTest.fully(Captured.payloadBuf(packets.get(i)), ColumnDefinition41::read));
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

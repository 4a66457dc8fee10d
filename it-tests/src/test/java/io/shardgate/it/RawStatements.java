package io.shardgate.it;

import static io.shardgate.server.RawClient.bytes;

import io.netty.buffer.Unpooled;
import io.shardgate.protocol.Command;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.ParameterType;
import io.shardgate.protocol.ServerStatus;
import io.shardgate.protocol.StmtExecute;
import io.shardgate.protocol.StmtPrepareOk;
import io.shardgate.server.RawClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * COM_STMT_* exchanges packet by packet, for byte-level comparisons of ShardGate with MariaDB:
 * the commands' payloads, and the answers read to their end as the packets that came.
 */
final class RawStatements {

    /** Bounds a malformed answer: no test result has more. */
    private static final int MAX_PACKETS = 10_000;

    private RawStatements() {
    }

    /** The answer to COM_STMT_PREPARE: its packets, and the statement id (0 after an error). */
    record Prepared(List<byte[]> packets, long id) {
    }

    static Prepared prepare(RawClient c, String sql, boolean deprecateEof) throws IOException {
        return prepare(c, sql.getBytes(StandardCharsets.UTF_8), deprecateEof);
    }

    /** @param sql the statement in the client's character set */
    static Prepared prepare(RawClient c, byte[] sql, boolean deprecateEof) throws IOException {
        c.write(0, command(Command.COM_STMT_PREPARE, sql));
        List<byte[]> packets = new ArrayList<>(List.of(c.read()));
        if ((packets.getFirst()[0] & 0xFF) == ErrPacket.HEADER) {
            return new Prepared(packets, 0);
        }
        StmtPrepareOk ok = StmtPrepareOk.read(Unpooled.wrappedBuffer(packets.getFirst()));
        int groups = (ok.paramCount() > 0 ? 1 : 0) + (ok.columnCount() > 0 ? 1 : 0);
        int count = ok.paramCount() + ok.columnCount() + (deprecateEof ? 0 : groups);
        for (int i = 0; i < count; i++) {
            packets.add(c.read());
        }
        // the statement id is the server's own: compare the rest
        packets.set(0, bytes(new StmtPrepareOk(0, ok.columnCount(), ok.paramCount(), ok.warnings())));
        return new Prepared(packets, ok.statementId());
    }

    /** The answer to COM_STMT_EXECUTE or COM_STMT_FETCH, read to its end. */
    static List<byte[]> answer(RawClient c, byte[] command, boolean deprecateEof, boolean fetch) throws IOException {
        c.write(0, command);
        List<byte[]> packets = new ArrayList<>(List.of(c.read()));
        int first = packets.getFirst()[0] & 0xFF;
        if (first == 0xFF || (first == 0x00 && !fetch)) {
            return packets;
        }
        if (!fetch) {
            int columns = first;
            for (int i = 0; i < columns; i++) {
                packets.add(c.read());
            }
            boolean endOfHeader = !deprecateEof || (command[5] & StmtExecute.CURSOR_TYPE_READ_ONLY) != 0;
            if (endOfHeader) {
                byte[] eof = c.read();
                packets.add(eof);
                if (ServerStatus.CURSOR_EXISTS.in(status(eof))) {
                    return packets;
                }
            }
        }
        for (int i = 0; i < MAX_PACKETS; i++) {
            byte[] p = c.read();
            packets.add(p);
            if ((p[0] & 0xFF) == 0xFF || ((p[0] & 0xFF) == 0xFE && p.length < 9)) {
                return packets;
            }
        }
        throw new IOException("no end of result after " + MAX_PACKETS + " packets");
    }

    /** The status of an EOF (0xFE, warnings, status) or of a 0xFE-OK with one-byte counts: bytes 3 and 4. */
    static int status(byte[] end) {
        return (end[3] & 0xFF) | (end[4] & 0xFF) << 8;
    }

    /** The warning count of an EOF (0xFE, warnings, status): bytes 1 and 2. */
    static int eofWarnings(byte[] eof) {
        return (eof[1] & 0xFF) | (eof[2] & 0xFF) << 8;
    }

    static byte[] command(Command command, byte[] argument) {
        return RawClient.commandPayload(command.code(), argument);
    }

    static byte[] execute(long id, int flags, List<ParameterType> types, List<Object> values) {
        return bytes(new StmtExecute(id, flags, 1, types, !types.isEmpty(), values));
    }
}

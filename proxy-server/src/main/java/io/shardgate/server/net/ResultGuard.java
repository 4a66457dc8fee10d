package io.shardgate.server.net;

import io.shardgate.protocol.TextResultRow;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.List;

/**
 * Checks a statement's results on their way to the client. Once the command was killed (KILL
 * QUERY), whatever it still produces, rows, an OK or a backend's error, gives way to ERR 1317, as
 * MariaDB reports a killed statement (captured in {@code kill-query.hex}: the result header, then
 * the ERR). A row whose packet would exceed {@code max_allowed_packet} is refused with ERR 1153
 * before it is encoded, so the proxy never builds a packet larger than the limit.
 */
final class ResultGuard {

    private final RunningCommand command;
    private final long maxPacket;

    ResultGuard(RunningCommand command, long maxPacket) {
        this.command = command;
        this.maxPacket = maxPacket;
    }

    /** Throws 1317 if the command was killed. */
    void check() {
        if (command.killed()) {
            throw interrupted(null);
        }
    }

    /** A failure of a killed command is its interruption, whatever the backend called it. */
    ShardGateException translate(ShardGateException e) {
        return command.killed() && e.errorNumber() != ErrorCode.QUERY_INTERRUPTED.number() ? interrupted(e) : e;
    }

    RowStream rows(RowStream rows) {
        return new Guarded(rows);
    }

    private static ShardGateException interrupted(Throwable cause) {
        return new ShardGateException(ErrorCode.QUERY_INTERRUPTED.number(), ErrorCode.QUERY_INTERRUPTED.sqlState(),
                ErrorCode.QUERY_INTERRUPTED.format(), cause);
    }

    private final class Guarded implements RowStream {
        private final RowStream inner;

        Guarded(RowStream inner) {
            this.inner = inner;
        }

        @Override
        public List<Column> columns() {
            return inner.columns();
        }

        @Override
        public Row next() {
            check();
            Row row;
            try {
                row = inner.next();
            } catch (ShardGateException e) {
                throw translate(e);
            }
            if (row == null) {
                check(); // killed while the last rows came: the end becomes the ERR
                return null;
            }
            long length = TextResultRow.payloadLength(row.cells());
            if (length > maxPacket) {
                throw new ShardGateException(ErrorCode.PACKET_TOO_LARGE.number(), ErrorCode.PACKET_TOO_LARGE.sqlState(),
                        ErrorCode.PACKET_TOO_LARGE.format() + ": a result row of " + length + " bytes (max_allowed_packet is "
                                + maxPacket + ")", null);
            }
            return row;
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}

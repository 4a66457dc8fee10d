package io.shardgate.backend;

import io.shardgate.router.DataNode;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * SQLExceptions from Connector/J as client errors: a server error keeps MariaDB's own number,
 * SQLSTATE and message; failing to reach the backend names the data node.
 */
final class BackendErrors {

    private BackendErrors() {
    }

    static ShardGateException translate(SQLException e, DataNode node, String member) {
        if (e instanceof com.mysql.cj.jdbc.exceptions.PacketTooBigException) {
            // Connector/J refused to send a statement over the backend's max_allowed_packet; nothing
            // was sent, so the connection is fine. The client hears it as MariaDB would say it.
            return new ShardGateException(ErrorCode.PACKET_TOO_LARGE.number(), ErrorCode.PACKET_TOO_LARGE.sqlState(),
                    ErrorCode.PACKET_TOO_LARGE.format() + " (data node '" + node.name() + "': " + firstLine(e) + ")", e);
        }
        if (e.getErrorCode() > 0 && e.getErrorCode() < 2000) {
            return new ShardGateException(e.getErrorCode(), e.getSQLState(), serverMessage(e), e);
        }
        if (e instanceof SQLTransientConnectionException || isConnectionFailure(e)) {
            return new ShardGateException(ErrorCode.BACKEND_UNAVAILABLE.number(), ErrorCode.BACKEND_UNAVAILABLE.sqlState(),
                    ErrorCode.BACKEND_UNAVAILABLE.format(node.name(), member, firstLine(e)), e);
        }
        return new ShardGateException(ErrorCode.BACKEND_ERROR.number(), e.getSQLState(),
                "Data node '" + node.name() + "': " + firstLine(e), e);
    }

    /** For statements of the session's transaction as a whole (savepoints), tied to no one node. */
    static ShardGateException translate(SQLException e) {
        if (e.getErrorCode() > 0 && e.getErrorCode() < 2000) {
            return new ShardGateException(e.getErrorCode(), e.getSQLState(), serverMessage(e), e);
        }
        return new ShardGateException(ErrorCode.BACKEND_ERROR.number(), e.getSQLState() == null ? "HY000" : e.getSQLState(),
                firstLine(e), e);
    }

    /**
     * The message as the server sent it. Connector/J puts "Data truncation: " before the server's
     * text of a 22001 error; the client's own driver adds it again.
     */
    private static String serverMessage(SQLException e) {
        String m = e.getMessage();
        return e instanceof java.sql.DataTruncation && m != null && m.startsWith(DATA_TRUNCATION)
                ? m.substring(DATA_TRUNCATION.length()) : m;
    }

    private static final String DATA_TRUNCATION = "Data truncation: ";

    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("08");
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

package io.shardgate.it;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardgate.protocol.ColumnDefinition41;
import io.shardgate.protocol.EofPacket;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.OkPacket;
import io.shardgate.protocol.TextResultRow;
import io.shardgate.protocol.Wire;
import io.shardgate.server.RawClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server answered to one COM_QUERY, packet by packet, for byte-level comparisons of ShardGate
 * with MariaDB: the final packet's status flags and warning count, column definitions, rows as
 * bytes, or the error. The client must not have set CLIENT_DEPRECATE_EOF.
 */
record RawResult(int status, int warnings, long affectedRows, List<ColumnDefinition41> columns, List<byte[][]> rows,
                 ErrPacket error) {

    private static final int COM_QUERY = 0x03;
    /** Bounds a malformed answer: no test result has more. */
    private static final int MAX_PACKETS = 10_000;

    static RawResult query(RawClient client, String sql) throws IOException {
        return query(client, sql.getBytes(StandardCharsets.UTF_8));
    }

    static RawResult query(RawClient client, byte[] sql) throws IOException {
        byte[] first = client.command(COM_QUERY, sql);
        ByteBuf in = Unpooled.wrappedBuffer(first);
        int header = first[0] & 0xFF;
        if (header == ErrPacket.HEADER) {
            return new RawResult(0, 0, 0, List.of(), List.of(), ErrPacket.read(in));
        }
        if (header == OkPacket.HEADER) {
            OkPacket ok = OkPacket.read(in);
            return new RawResult(ok.statusFlags(), ok.warnings(), ok.affectedRows(), List.of(), List.of(), null);
        }
        int count = (int) Wire.readLenencInt(in);
        List<ColumnDefinition41> columns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            columns.add(ColumnDefinition41.read(Unpooled.wrappedBuffer(client.read())));
        }
        EofPacket.read(Unpooled.wrappedBuffer(client.read()));
        List<byte[][]> rows = new ArrayList<>();
        for (int i = 0; i < MAX_PACKETS; i++) {
            byte[] p = client.read();
            ByteBuf b = Unpooled.wrappedBuffer(p);
            if ((p[0] & 0xFF) == ErrPacket.HEADER) {
                return new RawResult(0, 0, 0, columns, rows, ErrPacket.read(b));
            }
            if (EofPacket.isEof(b)) {
                EofPacket eof = EofPacket.read(b);
                return new RawResult(eof.statusFlags(), eof.warnings(), 0, columns, rows, null);
            }
            rows.add(TextResultRow.read(b, count).values());
        }
        throw new IOException("no end of result after " + MAX_PACKETS + " packets");
    }

    /**
     * Everything the client received, as text to compare: the error, or each column definition,
     * each row's values in hexadecimal (those of the {@code masked} columns as {@code *}), the
     * final packet's status flags and warning count.
     */
    String shown(java.util.Set<String> masked) {
        if (error != null) {
            return "ERROR " + error.errorCode() + " " + error.sqlState() + " " + error.message();
        }
        StringBuilder sb = new StringBuilder();
        for (ColumnDefinition41 c : columns) {
            sb.append(c.schema()).append('.').append(c.table()).append('/').append(c.orgTable()).append('.')
                    .append(c.name()).append('/').append(c.orgName()).append(" charset=").append(c.characterSet())
                    .append(" length=").append(c.columnLength()).append(" type=").append(c.type()).append(" flags=")
                    .append(c.flags()).append(" decimals=").append(c.decimals()).append('\n');
        }
        for (byte[][] row : rows) {
            for (int i = 0; i < row.length; i++) {
                sb.append(i == 0 ? "" : " | ").append(masked.contains(columns.get(i).name()) ? "*"
                        : row[i] == null ? "NULL" : java.util.HexFormat.of().formatHex(row[i]));
            }
            sb.append('\n');
        }
        return sb.append("status=").append(status).append(" warnings=").append(warnings).toString();
    }

    /** Logs in: the proxy's app user, or the reference server's own. */
    static RawClient login(TwinSessions twins, boolean proxy, int collation) throws IOException {
        return login(twins, proxy, collation, RawClient.BASE_CAPABILITIES);
    }

    /** {@link #login(TwinSessions, boolean, int)} with the handshake's capability flags. */
    static RawClient login(TwinSessions twins, boolean proxy, int collation, int capabilities) throws IOException {
        return proxy ? login(twins.cluster.port(), ShardedCluster.APP_USER, ShardedCluster.APP_PASSWORD, "shop", collation,
                        capabilities)
                : login(twins.cluster.backend(0).port(), twins.cluster.backend(0).user(), twins.cluster.backend(0).password(),
                        "plain", collation, capabilities);
    }

    /** Logs in with mysql_native_password and the given handshake collation. */
    static RawClient login(int port, String user, String password, String database, int collation) throws IOException {
        return login(port, user, password, database, collation, RawClient.BASE_CAPABILITIES);
    }

    private static RawClient login(int port, String user, String password, String database, int collation, int capabilities)
            throws IOException {
        RawClient c = new RawClient(port);
        byte[] answer = c.login(user, password, database, "mysql_native_password", capabilities, collation);
        if ((answer[0] & 0xFF) != OkPacket.HEADER) {
            c.close();
            throw new IOException("login failed: " + ErrPacket.read(Unpooled.wrappedBuffer(answer)));
        }
        return c;
    }
}

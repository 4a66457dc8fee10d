package io.shardgate.backend;

import com.mysql.cj.result.Field;
import io.shardgate.router.DataNode;
import io.shardgate.router.plan.Diagnostics;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A backend result streamed row by row (Connector/J streaming mode): each value is the text
 * protocol's bytes, passed on undecoded. Column definitions are the backend's own, read from
 * Connector/J's fields so types, lengths, collations and flags reach the client unchanged.
 */
final class ResultSetRowStream implements RowStream {

    private final ResultSet rs;
    /** Closed with the result, with the lease released; null for one result of several (the statement goes on). */
    private final Statement statement;
    private final Lease lease;
    private final DataNode node;
    private final RunningStatements.Running running;
    private final List<Column> columns;
    private final int width;
    private final Diagnostics diagnostics;
    private final boolean foundRows;
    private boolean closed;
    /** Read when the last row has been read; null when the stream was closed before its end. */
    private StatementEnd.Ending ending;

    /**
     * The only result of {@code statement}: closing it ends the statement and releases the lease.
     *
     * @param diagnostics where the statement's warnings go when the stream ends
     * @param foundRows   whether to ask for FOUND_ROWS() then (a SQL_CALC_FOUND_ROWS query)
     */
    ResultSetRowStream(ResultSet rs, Statement statement, Lease lease, DataNode node, RunningStatements.Running running,
                       Diagnostics diagnostics, boolean foundRows) throws SQLException {
        this.rs = rs;
        this.statement = statement;
        this.lease = lease;
        this.node = node;
        this.running = running;
        this.diagnostics = diagnostics;
        this.foundRows = foundRows;
        this.columns = columnsOf(rs);
        this.width = columns.size();
    }

    /**
     * One result set of a statement with several: closing it leaves the result set and the
     * statement open, for {@code getMoreResults()} to finish reading it. Closing a streamed result
     * set itself in the middle of several makes Connector/J issue a statement on the busy
     * connection.
     */
    static ResultSetRowStream partOf(ResultSet rs, Lease lease, DataNode node) throws SQLException {
        return new ResultSetRowStream(rs, null, lease, node, null, null, false);
    }

    static List<Column> columnsOf(ResultSet rs) throws SQLException {
        Field[] fields = rs.getMetaData().unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class).getFields();
        List<Column> out = new ArrayList<>(fields.length);
        for (Field f : fields) {
            out.add(ColumnDefinitions.of(f));
        }
        return List.copyOf(out);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        if (closed) {
            return null;
        }
        try {
            if (!rs.next()) {
                ending = StatementEnd.ending(lease.connection());
                close();
                return null;
            }
            byte[][] cells = new byte[width][];
            for (int i = 0; i < width; i++) {
                cells[i] = rs.getBytes(i + 1);
            }
            return new Row(cells);
        } catch (SQLException e) {
            close();
            throw BackendErrors.translate(e, node, lease.member());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (statement == null) {
            return;
        }
        try {
            // Closing a streaming result set reads (and discards) the rows still on the wire,
            // which leaves the connection reusable.
            rs.close();
            statement.close();
            // over: a KILL from now on must not stop the SHOW WARNINGS that follows
            running.close();
            // The EOF has been read: its warning count is the statement's.
            StatementEnd.collect(lease.connection(), diagnostics, foundRows,
                    ending != null ? ending : StatementEnd.ending(lease.connection()));
        } catch (SQLException e) {
            throw BackendErrors.translate(e, node, lease.member());
        } finally {
            running.close();
            lease.release();
        }
    }

    @Override
    public String toString() {
        return "rows from " + node.name();
    }

}

package io.shardgate.server.net;

import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.result.Column;
import io.shardgate.server.session.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protocol-level prepared statements of one connection, by statement id. Ids count up from 1
 * per connection; 0xFFFFFFFF is never handed out because MariaDB clients use it to mean "the
 * statement prepared last" (MariaDB Connector/J sends COM_STMT_PREPARE and COM_STMT_EXECUTE
 * back to back, before it knows the id). Every statement counts against the session's bound.
 */
final class StatementRegistry {

    /** The id a MariaDB client executes to mean the statement it prepared last. */
    static final long LAST_PREPARED = 0xFFFF_FFFFL;

    private final Session session;
    private final Map<Long, PreparedStatement> statements = new HashMap<>();
    private long nextId = 1;
    private PreparedStatement last;

    StatementRegistry(Session session) {
        this.session = session;
    }

    /** Throws 1461 past the session's bound. */
    PreparedStatement add(PreparedText text, List<Column> columns) {
        session.claimPreparedStatement();
        while (nextId == 0 || nextId == LAST_PREPARED || statements.containsKey(nextId)) {
            nextId = (nextId + 1) & 0xFFFF_FFFFL;
        }
        PreparedStatement s = new PreparedStatement(nextId, text, columns);
        nextId = (nextId + 1) & 0xFFFF_FFFFL;
        statements.put(s.id(), s);
        last = s;
        return s;
    }

    /** A prepare failed: "the last prepared statement" now names none. */
    void prepareFailed() {
        last = null;
    }

    /** The statement, or null; {@link #LAST_PREPARED} finds the last one prepared. */
    PreparedStatement get(long id) {
        return id == LAST_PREPARED ? last : statements.get(id);
    }

    /** COM_STMT_CLOSE: forgets the statement and closes its cursor; unknown ids are ignored. */
    void close(long id) {
        PreparedStatement s = get(id);
        if (s == null) {
            return;
        }
        statements.remove(s.id());
        if (last == s) {
            last = null;
        }
        s.closeCursor();
        session.releasePreparedStatement();
    }

    /** The connection is gone: cursors give back their backend connections. */
    void closeAll() {
        for (PreparedStatement s : List.copyOf(statements.values())) {
            close(s.id());
        }
    }

    int size() {
        return statements.size();
    }
}

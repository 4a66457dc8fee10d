package io.shardgate.server.net;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open front-end connections of both ports, by connection id: for the management port's SHOW
 * @@CONNECTION, and for KILL.
 */
public final class Connections {

    /** What the management port shows of one connection, and what KILL does to it. */
    public interface Info {
        long id();

        String port();

        String user();

        String clientAddress();

        String schema();

        Instant since();

        /** The command running now, or "" when idle. */
        String currentCommand();

        /** Stops the running command (ERR 1317 for it), keeping the connection; nothing when idle. */
        void killQuery();

        /** Closes the connection, stopping its running command and rolling back its transaction. */
        void killConnection();
    }

    private final Map<Long, Info> open = new ConcurrentHashMap<>();

    void add(Info info) {
        open.put(info.id(), info);
    }

    void remove(long id) {
        open.remove(id);
    }

    public List<Info> list() {
        List<Info> out = new ArrayList<>(open.values());
        out.sort(Comparator.comparingLong(Info::id));
        return out;
    }

    public int count() {
        return open.size();
    }

    /**
     * KILL with MariaDB's rule for who may: a user may kill its own connections (same user name);
     * killing another user's needs a privilege, here being a manager user ({@code users[].manager}).
     *
     * @throws ShardGateException 1094 for an unknown id, 1095 for a connection of another user
     */
    void kill(String requester, boolean manager, long id, boolean queryOnly) {
        Info target = open.get(id);
        if (target == null) {
            throw new ShardGateException(ErrorCode.NO_SUCH_THREAD, id);
        }
        if (!manager && !target.user().equals(requester)) {
            throw new ShardGateException(ErrorCode.KILL_DENIED, id);
        }
        if (queryOnly) {
            target.killQuery();
        } else {
            target.killConnection();
        }
    }
}

package io.shardgate.server.net;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open front-end connections of both ports, for the management port's SHOW @@CONNECTION. */
public final class Connections {

    /** What the management port shows of one connection. */
    public interface Info {
        long id();

        String port();

        String user();

        String clientAddress();

        String schema();

        Instant since();

        /** The command running now, or "" when idle. */
        String currentCommand();
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
}

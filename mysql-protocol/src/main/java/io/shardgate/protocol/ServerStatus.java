package io.shardgate.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * SERVER_STATUS_* flags carried by OK and EOF packets and the greeting.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/ok_packet#server-status-flag">MariaDB: server status flags</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/mysql__com_8h.html">MySQL: mysql_com.h</a>
 */
public enum ServerStatus {
    IN_TRANS(1),
    AUTOCOMMIT(2),
    MORE_RESULTS_EXISTS(8),
    NO_GOOD_INDEX_USED(16),
    NO_INDEX_USED(32),
    CURSOR_EXISTS(64),
    LAST_ROW_SENT(128),
    DB_DROPPED(256),
    NO_BACKSLASH_ESCAPES(512),
    METADATA_CHANGED(1024),
    QUERY_WAS_SLOW(2048),
    PS_OUT_PARAMS(4096),
    IN_TRANS_READONLY(8192),
    SESSION_STATE_CHANGED(16384);

    private final int bit;

    ServerStatus(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean in(int flags) {
        return (flags & bit) != 0;
    }

    public static int bits(ServerStatus... statuses) {
        int flags = 0;
        for (ServerStatus s : statuses) {
            flags |= s.bit;
        }
        return flags;
    }

    public static Set<ServerStatus> setIn(int flags) {
        EnumSet<ServerStatus> set = EnumSet.noneOf(ServerStatus.class);
        for (ServerStatus s : values()) {
            if (s.in(flags)) {
                set.add(s);
            }
        }
        return set;
    }
}

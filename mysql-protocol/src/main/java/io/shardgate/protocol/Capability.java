package io.shardgate.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * The CLIENT_* capability flags (the lower 32 bits, which MySQL and MariaDB share).
 *
 * <p>MariaDB calls bit 0 CLIENT_MYSQL: a MariaDB server clears it in its greeting to say that the
 * last 4 "reserved" bytes carry MariaDB's extended capabilities. ShardGate advertises none of
 * those, so it writes zeros there and reads the bit as plain LONG_PASSWORD.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/connection#capabilities">MariaDB: capabilities</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__capabilities__flags.html">MySQL: capabilities flags</a>
 */
public enum Capability {
    LONG_PASSWORD(1),
    FOUND_ROWS(1 << 1),
    LONG_FLAG(1 << 2),
    CONNECT_WITH_DB(1 << 3),
    NO_SCHEMA(1 << 4),
    COMPRESS(1 << 5),
    ODBC(1 << 6),
    LOCAL_FILES(1 << 7),
    IGNORE_SPACE(1 << 8),
    PROTOCOL_41(1 << 9),
    INTERACTIVE(1 << 10),
    SSL(1 << 11),
    IGNORE_SIGPIPE(1 << 12),
    TRANSACTIONS(1 << 13),
    RESERVED(1 << 14),
    SECURE_CONNECTION(1 << 15),
    MULTI_STATEMENTS(1 << 16),
    MULTI_RESULTS(1 << 17),
    PS_MULTI_RESULTS(1 << 18),
    PLUGIN_AUTH(1 << 19),
    CONNECT_ATTRS(1 << 20),
    PLUGIN_AUTH_LENENC_CLIENT_DATA(1 << 21),
    CAN_HANDLE_EXPIRED_PASSWORDS(1 << 22),
    SESSION_TRACK(1 << 23),
    DEPRECATE_EOF(1 << 24);

    private final int bit;

    Capability(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean in(int flags) {
        return (flags & bit) != 0;
    }

    public static int bits(Capability... capabilities) {
        int flags = 0;
        for (Capability c : capabilities) {
            flags |= c.bit;
        }
        return flags;
    }

    /** The named flags set in {@code flags}, for logs and assertions; unknown bits are dropped. */
    public static Set<Capability> setIn(int flags) {
        EnumSet<Capability> set = EnumSet.noneOf(Capability.class);
        for (Capability c : values()) {
            if (c.in(flags)) {
                set.add(c);
            }
        }
        return set;
    }
}

package io.shardgate.protocol;

import java.util.EnumSet;
import java.util.Set;

/**
 * Column definition flags (the int&lt;2&gt; "flags" of {@link ColumnDefinition41}).
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/4-server-response-packets/result-set-packets#field-details-flag">MariaDB: field details flag</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__column__definition__flags.html">MySQL: column definition flags</a>
 */
public enum ColumnFlag {
    NOT_NULL(1),
    PRI_KEY(2),
    UNIQUE_KEY(4),
    MULTIPLE_KEY(8),
    BLOB(16),
    UNSIGNED(32),
    ZEROFILL(64),
    BINARY(128),
    ENUM(256),
    AUTO_INCREMENT(512),
    TIMESTAMP(1024),
    SET(2048),
    NO_DEFAULT_VALUE(4096),
    ON_UPDATE_NOW(8192),
    /** Part of some index; MariaDB sets it on result columns (captured: the primary key id). */
    PART_KEY(16384),
    NUM(32768);

    private final int bit;

    ColumnFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public boolean in(int flags) {
        return (flags & bit) != 0;
    }

    public static int bits(ColumnFlag... flags) {
        int bits = 0;
        for (ColumnFlag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    public static Set<ColumnFlag> setIn(int flags) {
        EnumSet<ColumnFlag> set = EnumSet.noneOf(ColumnFlag.class);
        for (ColumnFlag f : values()) {
            if (f.in(flags)) {
                set.add(f);
            }
        }
        return set;
    }
}

package io.shardgate.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands one {@code dataNodes} entry of a table: {@code dn0}, a range {@code dn$0-3} (dn0, dn1, dn2,
 * dn3), or a comma list of both such as {@code dn$0-1,dn5}.
 */
final class DataNodeRanges {

    private static final Pattern RANGE = Pattern.compile("(.+)\\$(\\d{1,9})-(\\d{1,9})");
    // far above any real shard count; stops a typo such as dn$0-100000 from building a huge list
    static final int MAX_RANGE = 4096;

    private DataNodeRanges() {
    }

    /** The data node names an entry stands for, in order; throws with a plain message if malformed. */
    static List<String> expand(String entry) {
        List<String> names = new ArrayList<>();
        for (String part : entry.split(",", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty name in '" + entry + "'");
            }
            if (item.indexOf('$') < 0) {
                names.add(item);
                continue;
            }
            Matcher m = RANGE.matcher(item);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad range '" + item + "', expected prefix$start-end like dn$0-3");
            }
            int start = Integer.parseInt(m.group(2));
            int end = Integer.parseInt(m.group(3));
            if (start > end) {
                throw new IllegalArgumentException(
                        "bad range '" + item + "': start " + start + " is greater than end " + end);
            }
            if (end - start >= MAX_RANGE) {
                throw new IllegalArgumentException(
                        "bad range '" + item + "': more than " + MAX_RANGE + " data nodes");
            }
            for (int i = start; i <= end; i++) {
                names.add(m.group(1) + i);
            }
        }
        return names;
    }
}

package io.shardgate.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a table's {@code dataNodes}: a list of names and ranges, or one string standing for it. */
final class DataNodeLists {

    private final Declared<DataNodeConfig> nodes;

    DataNodeLists(Declared<DataNodeConfig> nodes) {
        this.nodes = nodes;
    }

    /**
     * The expanded data node names, or null if an entry is malformed. Unknown and duplicate names are
     * reported but kept, so that the count can still be compared with the function's.
     */
    List<String> read(YamlValue value) {
        List<YamlValue> entries;
        if (value.raw() instanceof String) {
            entries = List.of(value); // a single entry such as dn$0-3 needs no list around it
        } else {
            entries = value.list();
            if (entries == null) {
                return null;
            }
            if (entries.isEmpty()) {
                value.problem("must list at least one data node");
                return null;
            }
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean wellFormed = true;
        for (YamlValue entry : entries) {
            String text = entry.nonEmptyString();
            if (text == null) {
                wellFormed = false;
                continue;
            }
            List<String> expanded;
            try {
                expanded = DataNodeRanges.expand(text);
            } catch (IllegalArgumentException e) {
                entry.problem(e.getMessage());
                wellFormed = false;
                continue;
            }
            for (String name : expanded) {
                String origin = name.equals(text) ? "" : " (from '" + text + "')";
                if (!nodes.has(name)) {
                    entry.problem("unknown data node '" + name + "'" + origin);
                }
                if (!seen.add(name)) {
                    entry.problem("duplicate data node '" + name + "'" + origin);
                }
                names.add(name);
            }
        }
        return wellFormed ? names : null;
    }
}

package io.shardgate.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code dataNodes}: one database on one data host each. */
final class DataNodeSection {

    private static final Set<String> KEYS = Set.of("name", "dataHost", "database");

    private DataNodeSection() {
    }

    static Declared<DataNodeConfig> read(YamlValue section, Declared<DataHostConfig> hosts) {
        List<YamlValue> entries = Sections.entries(section, true);
        if (entries == null) {
            return Declared.unreadable();
        }
        Declared<DataNodeConfig> nodes = Declared.empty();
        // two names for one database would let a sharded table put two shards' rows in one place
        Map<List<String>, String> firstUse = new HashMap<>();
        for (YamlValue entry : entries) {
            YamlMapping node = entry.mapping(KEYS);
            if (node == null) {
                continue;
            }
            String name = node.get("name").nonEmptyString();
            if (name != null) {
                nodes.declare(entry, name);
            }
            String dataHost = node.get("dataHost").nonEmptyString();
            if (dataHost != null && !hosts.has(dataHost)) {
                node.get("dataHost").problem("unknown data host '" + dataHost + "'");
                dataHost = null;
            }
            String database = node.get("database").nonEmptyString();
            if (dataHost != null && database != null) {
                String first = firstUse.putIfAbsent(List.of(dataHost, database), entry.path());
                if (first != null) {
                    entry.problem("same data host and database as " + first
                            + " ('" + database + "' on '" + dataHost + "')");
                    database = null;
                }
            }
            if (name != null && dataHost != null && database != null) {
                nodes.add(name, new DataNodeConfig(name, dataHost, database));
            }
        }
        return nodes;
    }
}

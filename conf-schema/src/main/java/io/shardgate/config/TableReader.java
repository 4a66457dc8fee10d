package io.shardgate.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the entries of one schema's {@code tables}: sharded tables and the data nodes they spread over. */
final class TableReader {

    private static final Set<String> KEYS = Set.of("name", "dataNodes", "shardColumn", "function");

    private final Declared<DataNodeConfig> nodes;
    private final Declared<FunctionConfig> functions;
    // SchemaConfig.table() matches names ignoring case, so names differing only in case would clash;
    // lower-cased name -> name as first written
    private final Map<String, String> names = new HashMap<>();

    /** A reader for the tables of one schema. */
    TableReader(Declared<DataNodeConfig> nodes, Declared<FunctionConfig> functions) {
        this.nodes = nodes;
        this.functions = functions;
    }

    /** The table, or null if anything about it is wrong (and reported). */
    TableConfig read(YamlValue entry) {
        YamlMapping table = entry.mapping(KEYS);
        if (table == null) {
            return null;
        }
        String name = table.get("name").nonEmptyString();
        if (name != null) {
            String first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (first != null) {
                entry.problem("duplicate name '" + name + "'"
                        + (first.equals(name) ? "" : " (table names ignore case: same as '" + first + "')"));
                name = null;
            }
        }
        YamlValue dataNodesValue = table.get("dataNodes");
        List<String> dataNodes = dataNodes(dataNodesValue);
        String shardColumn = table.get("shardColumn").nonEmptyString();
        YamlValue functionValue = table.get("function");
        String function = functionValue.nonEmptyString();
        if (function != null && !functions.has(function)) {
            functionValue.problem("unknown function '" + function + "'");
            function = null;
        }
        FunctionConfig declared = function == null ? null : functions.get(function);
        if (dataNodes != null && declared != null && dataNodes.size() != declared.function().shardCount()) {
            dataNodesValue.problem("lists " + dataNodes.size() + " data nodes but function '" + function
                    + "' has " + declared.function().shardCount() + " shards; the two must match");
            return null;
        }
        if (name == null || dataNodes == null || shardColumn == null || function == null) {
            return null;
        }
        return new TableConfig(name, dataNodes, shardColumn, function);
    }

    /**
     * The expanded data node names, or null if an entry is malformed. Unknown and duplicate names are
     * reported but kept, so that the count can still be compared with the function's.
     */
    private List<String> dataNodes(YamlValue value) {
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

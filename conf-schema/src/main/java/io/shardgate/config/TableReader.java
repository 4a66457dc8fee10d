package io.shardgate.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the entries of one schema's {@code tables}: sharded, global, single and child tables. A child
 * table can only be checked once its parent, which may come later in the list, has been read; so each
 * table's problems are held back and reported after all of them, in file order.
 */
final class TableReader {

    private static final Set<String> KEYS = Set.of("name", "type", "dataNodes", "dataNode", "shardColumn", "function",
            "childOf", "joinColumn", "parentColumn");
    private static final Map<TableKind, Set<String>> ALLOWED = new EnumMap<>(Map.of(
            TableKind.SHARDED, Set.of("name", "type", "dataNodes", "shardColumn", "function"),
            TableKind.GLOBAL, Set.of("name", "type", "dataNodes"),
            TableKind.SINGLE, Set.of("name", "type", "dataNode", "dataNodes"),
            TableKind.CHILD, Set.of("name", "type", "childOf", "joinColumn", "parentColumn")));

    private final Declared<DataNodeConfig> nodes;
    private final Declared<FunctionConfig> functions;
    private final DataNodeLists dataNodeLists;
    // SchemaConfig.table() matches names ignoring case, so names differing only in case would clash;
    // lower-cased name -> the table first declared with it
    private final Map<String, Draft> byName = new HashMap<>();

    /** A reader for the tables of one schema. */
    TableReader(Declared<DataNodeConfig> nodes, Declared<FunctionConfig> functions) {
        this.nodes = nodes;
        this.functions = functions;
        this.dataNodeLists = new DataNodeLists(nodes);
    }

    /** One table as read so far; {@code table} is null while anything about it is wrong. */
    private static final class Draft {
        final YamlValue entry;
        final int index;
        final Problems held = new Problems();
        final YamlValue local;
        String name;
        TableKind kind;
        // kept even when the rest of the table is wrong, so that its children can still be checked
        String shardColumn;
        String joinColumn;
        YamlValue childOf;
        YamlValue parentColumn;
        TableConfig table;

        Draft(YamlValue entry, int index) {
            this.entry = entry;
            this.index = index;
            this.local = entry.reportingTo(held);
        }
    }

    /** The tables in order, or null if anything about them is wrong (and reported). */
    List<TableConfig> read(List<YamlValue> entries) {
        List<Draft> drafts = new ArrayList<>();
        for (YamlValue entry : entries) {
            Draft draft = new Draft(entry, drafts.size());
            read(draft);
            drafts.add(draft);
        }
        for (Draft draft : drafts) {
            if (draft.kind == TableKind.CHILD && draft.childOf.raw() instanceof String s && !s.isBlank()) {
                resolveParent(draft);
            }
        }
        List<TableConfig> tables = new ArrayList<>();
        boolean complete = true;
        for (Draft draft : drafts) {
            draft.entry.reportAll(draft.held);
            if (draft.table == null) {
                complete = false;
            } else {
                tables.add(draft.table);
            }
        }
        return complete ? tables : null;
    }

    private void read(Draft draft) {
        YamlMapping table = draft.local.mapping(KEYS);
        if (table == null) {
            return;
        }
        String name = table.get("name").nonEmptyString();
        if (name != null) {
            Draft first = byName.putIfAbsent(name.toLowerCase(Locale.ROOT), draft);
            if (first != null) {
                draft.local.problem("duplicate name '" + name + "'"
                        + (first.name.equals(name) ? "" : " (table names ignore case: same as '" + first.name + "')"));
                name = null;
            }
        }
        draft.name = name;
        TableKind kind = kind(table);
        if (kind == null) {
            return; // which keys a table takes depends on its kind: without one, nothing more to check
        }
        draft.kind = kind;
        boolean foreignKeys = false;
        for (Map.Entry<String, YamlValue> key : table.values().entrySet()) {
            if (KEYS.contains(key.getKey()) && !ALLOWED.get(kind).contains(key.getKey()) && !key.getValue().absent()) {
                key.getValue().problem("not allowed for a " + kindName(kind) + " table");
                foreignKeys = true;
            }
        }
        TableConfig read = switch (kind) {
            case SHARDED -> sharded(name, table, draft);
            case GLOBAL -> global(name, table);
            case SINGLE -> single(name, table);
            case CHILD -> child(name, table, draft);
        };
        draft.table = foreignKeys ? null : read;
    }

    /** The declared kind, or the one the keys imply; null (and reported) when there is none. */
    private static TableKind kind(YamlMapping table) {
        YamlValue type = table.get("type");
        if (!type.absent()) {
            String text = type.nonEmptyString();
            if (text == null) {
                return null;
            }
            for (TableKind kind : TableKind.values()) {
                if (kindName(kind).equalsIgnoreCase(text)) {
                    return kind;
                }
            }
            type.problem("unknown table type '" + text + "' (known: sharded, global, single, child)");
            return null;
        }
        boolean sharded = !table.get("shardColumn").absent();
        boolean child = !table.get("childOf").absent();
        if (sharded && child) {
            type.problem("required when both shardColumn and childOf are given (sharded or child)");
            return null;
        }
        if (!sharded && !child) {
            type.problem("required (sharded, global, single or child)");
            return null;
        }
        return sharded ? TableKind.SHARDED : TableKind.CHILD;
    }

    private TableConfig sharded(String name, YamlMapping table, Draft draft) {
        YamlValue dataNodesValue = table.get("dataNodes");
        List<String> dataNodes = dataNodeLists.read(dataNodesValue);
        String shardColumn = table.get("shardColumn").nonEmptyString();
        draft.shardColumn = shardColumn;
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
        return TableConfig.sharded(name, dataNodes, shardColumn, function);
    }

    private TableConfig global(String name, YamlMapping table) {
        List<String> dataNodes = dataNodeLists.read(table.get("dataNodes"));
        return name == null || dataNodes == null ? null : TableConfig.global(name, dataNodes);
    }

    private TableConfig single(String name, YamlMapping table) {
        YamlValue one = table.get("dataNode");
        YamlValue many = table.get("dataNodes");
        String dataNode;
        if (!one.absent() && !many.absent()) {
            many.problem("give either dataNode or dataNodes, not both");
            dataNode = null;
        } else if (!many.absent()) {
            // accepted so that changing a table's type to single needs no other edit
            List<String> dataNodes = dataNodeLists.read(many);
            dataNode = dataNodes == null || dataNodes.size() != 1 ? null : dataNodes.getFirst();
            if (dataNodes != null && dataNodes.size() != 1) {
                many.problem("a single table lives on one data node, got " + dataNodes.size()
                        + " (" + String.join(", ", dataNodes) + ")");
            }
        } else {
            dataNode = one.nonEmptyString();
            if (dataNode != null && !nodes.has(dataNode)) {
                one.problem("unknown data node '" + dataNode + "'");
                dataNode = null;
            }
        }
        return name == null || dataNode == null ? null : TableConfig.single(name, dataNode);
    }

    private static TableConfig child(String name, YamlMapping table, Draft draft) {
        draft.childOf = table.get("childOf");
        String childOf = draft.childOf.nonEmptyString();
        String joinColumn = table.get("joinColumn").nonEmptyString();
        draft.joinColumn = joinColumn;
        draft.parentColumn = table.get("parentColumn");
        String parentColumn = draft.parentColumn.nonEmptyString();
        if (name == null || childOf == null || joinColumn == null || parentColumn == null) {
            return null;
        }
        return TableConfig.child(name, childOf, joinColumn, parentColumn);
    }

    /**
     * Checks that a child's parent is a sharded or child table of this schema, that following
     * {@code childOf} upwards ends at a sharded table, and that {@code parentColumn} is the column
     * that carries the root's shard key: so that a child row's {@code joinColumn} holds the value its
     * root row is sharded by, and the child row can be placed by it.
     */
    private void resolveParent(Draft child) {
        String parentName = (String) child.childOf.raw();
        Draft parent = byName.get(parentName.toLowerCase(Locale.ROOT));
        if (parent == null) {
            child.childOf.problem("unknown table '" + parentName + "'");
            child.table = null;
            return;
        }
        if (parent.kind == null) {
            child.table = null; // what is wrong with the parent is reported there
            return;
        }
        if (parent.kind == TableKind.GLOBAL || parent.kind == TableKind.SINGLE) {
            child.childOf.problem("'" + parent.name + "' is a " + kindName(parent.kind)
                    + " table; the parent of a child table must be a sharded or child table");
            child.table = null;
            return;
        }
        if (!leadsToARoot(child)) {
            child.table = null;
            return;
        }
        String expected = parent.kind == TableKind.SHARDED ? parent.shardColumn : parent.joinColumn;
        String given = child.parentColumn.raw() instanceof String s ? s : null;
        if (expected != null && given != null && !given.isBlank() && !given.equalsIgnoreCase(expected)) {
            child.parentColumn.problem("must be " + (parent.kind == TableKind.SHARDED ? "the shard column" : "the join column")
                    + " of '" + parent.name + "' (" + expected + "), got '" + given + "'");
            child.table = null;
        }
    }

    /**
     * Whether following {@code childOf} from this child ends at a sharded table. Only a cycle is
     * reported here; anything else wrong further up the chain is reported where it is.
     */
    private boolean leadsToARoot(Draft child) {
        List<Draft> chain = new ArrayList<>();
        Set<Draft> seen = new HashSet<>();
        Draft current = child;
        while (current != null && current.kind == TableKind.CHILD) {
            if (!seen.add(current)) {
                List<Draft> cycle = chain.subList(chain.indexOf(current), chain.size());
                // reported once, at the cycle's first table in the file
                if (cycle.getFirst() == child && cycle.stream().allMatch(d -> d.index >= child.index)) {
                    child.childOf.problem("forms a cycle: " + cycle.stream().map(d -> d.name)
                            .collect(Collectors.joining(" -> ")) + " -> " + child.name
                            + " (following childOf must lead to a sharded table)");
                }
                return false;
            }
            chain.add(current);
            if (!(current.childOf != null && current.childOf.raw() instanceof String parentName)) {
                return false;
            }
            current = byName.get(parentName.toLowerCase(Locale.ROOT));
        }
        return current != null && current.kind == TableKind.SHARDED;
    }

    static String kindName(TableKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

package io.shardgate.router;

import io.shardgate.config.DataNodeConfig;
import io.shardgate.config.LimitsConfig;
import io.shardgate.config.SchemaConfig;
import io.shardgate.config.SequenceConfig;
import io.shardgate.config.ShardFunction;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.config.TableConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The validated configuration compiled into lookup maps for routing. Immutable. */
public final class ShardingRules {

    private final Map<String, DataNode> nodes;
    private final Map<String, SchemaRules> schemas;
    private final LimitsConfig limits;
    private final SequenceConfig sequences;

    public ShardingRules(ShardGateConfig config) {
        Map<String, DataNode> byName = new LinkedHashMap<>();
        for (DataNodeConfig n : config.dataNodes()) {
            byName.put(n.name(), new DataNode(n.name(), n.dataHost(), n.database()));
        }
        this.nodes = Collections.unmodifiableMap(byName);
        Map<String, SchemaRules> schemaMap = new LinkedHashMap<>();
        for (SchemaConfig s : config.schemas()) {
            Map<String, SchemaRules.DeclaredTable> declared = new HashMap<>();
            for (TableConfig t : s.tables()) {
                declared.put(t.name().toLowerCase(Locale.ROOT),
                        new SchemaRules.DeclaredTable(t.name(), placement(config, s, t)));
            }
            DataNode defaultNode = s.defaultDataNode() == null ? null : node(s.defaultDataNode());
            schemaMap.put(s.name(), new SchemaRules(s.name(), defaultNode, declared));
        }
        this.schemas = Collections.unmodifiableMap(schemaMap);
        this.limits = config.limits();
        this.sequences = config.sequences();
    }

    private Placement placement(ShardGateConfig config, SchemaConfig schema, TableConfig t) {
        return switch (t.kind()) {
            case SHARDED -> new Placement.Sharded(new TableRule(schema.name(), t.name(), nodes(t.dataNodes()),
                    t.shardColumn(), function(config, t.function())));
            case GLOBAL -> new Placement.Global(nodes(t.dataNodes()));
            case SINGLE -> new Placement.Unsharded(node(t.dataNodes().getFirst()));
            case CHILD -> {
                TableConfig root = schema.rootOf(t);
                yield new Placement.Sharded(new TableRule(schema.name(), t.name(), nodes(root.dataNodes()),
                        t.joinColumn(), function(config, root.function()), t.childOf(), t.parentColumn()));
            }
        };
    }


    private static ShardFunction function(ShardGateConfig config, String name) {
        return config.function(name).orElseThrow().function();
    }

    private List<DataNode> nodes(List<String> names) {
        List<DataNode> out = new ArrayList<>();
        names.forEach(n -> out.add(node(n)));
        return out;
    }

    public Optional<SchemaRules> schema(String name) {
        return Optional.ofNullable(name).map(schemas::get);
    }

    /** Logical schema names in configuration order. */
    public List<String> schemaNames() {
        return List.copyOf(schemas.keySet());
    }

    public DataNode node(String name) {
        DataNode n = nodes.get(name);
        if (n == null) {
            throw new IllegalArgumentException("unknown data node " + name);
        }
        return n;
    }

    public Optional<DataNode> findNode(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    public List<DataNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /**
     * The data nodes {@code schema}'s tables live on (its default node and those of its declared
     * tables), in configuration order; every data node when no such schema is given.
     */
    public List<DataNode> nodesOf(String schema) {
        SchemaRules s = schema == null ? null : schema(schema).orElse(null);
        if (s == null) {
            return nodes();
        }
        Set<DataNode> used = new HashSet<>();
        if (s.defaultNode() != null) {
            used.add(s.defaultNode());
        }
        s.declaredTables().forEach(d -> used.addAll(d.placement().nodes()));
        return nodes().stream().filter(used::contains).toList();
    }

    public LimitsConfig limits() {
        return limits;
    }

    /** Where global sequences live, or empty when none is configured. */
    public Optional<SequenceConfig> sequences() {
        return Optional.ofNullable(sequences);
    }
}

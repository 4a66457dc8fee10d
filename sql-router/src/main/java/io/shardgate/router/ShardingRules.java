package io.shardgate.router;

import io.shardgate.config.DataNodeConfig;
import io.shardgate.config.SchemaConfig;
import io.shardgate.config.ShardGateConfig;
import io.shardgate.config.TableConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The validated configuration compiled into lookup maps for routing. Immutable. */
public final class ShardingRules {

    private final Map<String, DataNode> nodes;
    private final Map<String, SchemaRules> schemas;

    public ShardingRules(ShardGateConfig config) {
        Map<String, DataNode> byName = new LinkedHashMap<>();
        for (DataNodeConfig n : config.dataNodes()) {
            byName.put(n.name(), new DataNode(n.name(), n.dataHost(), n.database()));
        }
        this.nodes = java.util.Collections.unmodifiableMap(byName);
        Map<String, SchemaRules> schemaMap = new LinkedHashMap<>();
        for (SchemaConfig s : config.schemas()) {
            Map<String, TableRule> rules = new HashMap<>();
            for (TableConfig t : s.tables()) {
                List<DataNode> tableNodes = new ArrayList<>();
                t.dataNodes().forEach(n -> tableNodes.add(node(n)));
                var function = config.function(t.function()).orElseThrow().function();
                rules.put(t.name().toLowerCase(Locale.ROOT),
                        new TableRule(s.name(), t.name(), tableNodes, t.shardColumn(), function));
            }
            DataNode defaultNode = s.defaultDataNode() == null ? null : node(s.defaultDataNode());
            schemaMap.put(s.name(), new SchemaRules(s.name(), defaultNode, rules));
        }
        this.schemas = java.util.Collections.unmodifiableMap(schemaMap);
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
}

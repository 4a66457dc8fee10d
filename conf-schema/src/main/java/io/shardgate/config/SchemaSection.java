package io.shardgate.config;

import java.util.List;
import java.util.Set;

/** Reads {@code schemas}: logical schemas with their default data node and declared tables. */
final class SchemaSection {

    private static final Set<String> KEYS = Set.of("name", "defaultDataNode", "tables");

    private SchemaSection() {
    }

    static Declared<SchemaConfig> read(YamlValue section, Declared<DataNodeConfig> nodes,
            Declared<FunctionConfig> functions) {
        List<YamlValue> entries = Sections.entries(section, true);
        if (entries == null) {
            return Declared.unreadable();
        }
        Declared<SchemaConfig> schemas = Declared.empty();
        for (YamlValue entry : entries) {
            YamlMapping schema = entry.mapping(KEYS);
            if (schema == null) {
                continue;
            }
            String name = schema.get("name").nonEmptyString();
            if (name != null) {
                schemas.declare(entry, name);
            }
            boolean complete = name != null;
            String defaultDataNode = null;
            YamlValue defaultValue = schema.get("defaultDataNode");
            if (!defaultValue.absent()) {
                defaultDataNode = defaultValue.nonEmptyString();
                if (defaultDataNode != null && !nodes.has(defaultDataNode)) {
                    defaultValue.problem("unknown data node '" + defaultDataNode + "'");
                }
                complete &= defaultDataNode != null;
            }
            List<TableConfig> tables = schema.optional("tables", List.of(), v -> tables(v, nodes, functions));
            if (complete && tables != null) {
                schemas.add(name, new SchemaConfig(name, defaultDataNode, tables));
            }
        }
        return schemas;
    }

    private static List<TableConfig> tables(YamlValue value, Declared<DataNodeConfig> nodes,
            Declared<FunctionConfig> functions) {
        List<YamlValue> entries = value.list();
        if (entries == null) {
            return null;
        }
        return new TableReader(nodes, functions).read(entries);
    }
}

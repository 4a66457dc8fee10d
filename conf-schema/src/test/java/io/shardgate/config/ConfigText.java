package io.shardgate.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small valid configuration, section by section, that a test changes in one place. */
final class ConfigText {

    private final Map<String, String> sections = new LinkedHashMap<>();

    static ConfigText valid() {
        return new ConfigText()
                .with("users", """
                        - {name: app, password: app, schemas: [shop]}""")
                .with("dataHosts", """
                        - {name: dh0, user: u, password: p, members: ["h0:3306"]}
                        - {name: dh1, user: u, password: p, members: ["h1:3306"]}""")
                .with("dataNodes", """
                        - {name: dn0, dataHost: dh0, database: db0}
                        - {name: dn1, dataHost: dh1, database: db1}""")
                .with("functions", """
                        - {name: by_id, type: hash-mod, count: 2}""")
                .with("schemas", """
                        - name: shop
                          defaultDataNode: dn0
                          tables:
                            - {name: orders, dataNodes: [dn0, dn1], shardColumn: id, function: by_id}""");
    }

    /** Replaces (or adds, at the end) a section; {@code yaml} is its value, as a block or a flow. */
    ConfigText with(String section, String yaml) {
        sections.put(section, yaml);
        return this;
    }

    ConfigText without(String section) {
        sections.remove(section);
        return this;
    }

    String text() {
        StringBuilder text = new StringBuilder();
        sections.forEach((name, yaml) -> text.append(name).append(":\n").append(yaml.indent(2)));
        return text.toString();
    }

    ShardGateConfig load() throws ConfigException {
        return ConfigLoader.parse(text(), "test.yaml");
    }

    /** The problems found, each as {@code path: message}. */
    List<String> problems() {
        return problemsOf(text());
    }

    static List<String> problemsOf(String yaml) {
        try {
            ConfigLoader.parse(yaml, "test.yaml");
        } catch (ConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected problems, but this loaded:\n" + yaml);
    }
}

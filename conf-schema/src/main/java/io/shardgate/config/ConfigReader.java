package io.shardgate.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the parsed YAML tree into a {@link ShardGateConfig}, collecting every problem on the way. */
final class ConfigReader {

    static final List<String> SECTIONS = List.of("server", "users", "dataHosts", "dataNodes", "functions", "sequences",
            "limits", "schemas");

    private ConfigReader() {
    }

    /** The configuration, or null when {@code problems} holds the reasons it could not be built. */
    static ShardGateConfig read(Object root, Problems problems) {
        Map<?, ?> map = root == null ? Map.of() : root instanceof Map<?, ?> m ? m : null;
        if (map == null) {
            problems.add("", "expected a mapping with the sections " + String.join(", ", SECTIONS)
                    + ", got " + YamlValue.describe(root));
            return null;
        }
        YamlMapping sections = new YamlValue("", map, problems).mapping(Set.copyOf(SECTIONS));
        // sections are read so that each one's references can be checked against those it names
        ServerConfig server = ServerSection.read(sections.get("server"));
        Declared<DataHostConfig> hosts = DataHostSection.read(sections.get("dataHosts"));
        Declared<DataNodeConfig> nodes = DataNodeSection.read(sections.get("dataNodes"), hosts);
        Declared<FunctionConfig> functions = FunctionSection.read(sections.get("functions"));
        SequenceConfig sequences = SequenceSection.read(sections.get("sequences"), nodes);
        LimitsConfig limits = LimitsSection.read(sections.get("limits"));
        Declared<SchemaConfig> schemas = SchemaSection.read(sections.get("schemas"), nodes, functions);
        Declared<UserConfig> users = UserSection.read(sections.get("users"), schemas,
                server == null ? ServerConfig.DEFAULT_AUTH_PLUGIN : server.defaultAuthPlugin());
        if (!problems.isEmpty()) {
            return null;
        }
        return new ShardGateConfig(server, users.entries(), hosts.entries(), nodes.entries(),
                functions.entries(), schemas.entries(), sequences, limits);
    }

    /**
     * Orders problems as their sections appear in the file (the order above is the order references
     * need); within a section they are already in file order. Whole-file problems come first, missing
     * sections last, in the documented order.
     */
    static List<ConfigProblem> inFileOrder(List<ConfigProblem> problems, Object root) {
        List<String> order = new ArrayList<>();
        if (root instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> order.add(String.valueOf(k)));
        }
        List<ConfigProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> rank(p.path(), order)));
        return sorted;
    }

    private static int rank(String path, List<String> order) {
        if (path.isEmpty()) {
            return -1;
        }
        int end = path.length();
        for (char c : new char[] {'.', '['}) {
            int i = path.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String section = path.substring(0, end);
        int position = order.indexOf(section);
        return position >= 0 ? position : order.size() + SECTIONS.indexOf(section);
    }
}

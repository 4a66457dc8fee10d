package io.shardgate.config;

import java.util.List;
import java.util.Set;

/** Reads {@code functions}: named sharding functions, each with the keys its type takes. */
final class FunctionSection {

    static final String HASH_MOD = "hash-mod";
    static final List<String> KNOWN_TYPES = List.of(HASH_MOD);
    private static final Set<String> HASH_MOD_KEYS = Set.of("name", "type", "count");

    private FunctionSection() {
    }

    static Declared<FunctionConfig> read(YamlValue section) {
        List<YamlValue> entries = Sections.entries(section, false);
        if (entries == null) {
            return Declared.unreadable();
        }
        Declared<FunctionConfig> functions = Declared.empty();
        for (YamlValue entry : entries) {
            YamlMapping function = entry.mapping();
            if (function == null) {
                continue;
            }
            String name = function.get("name").nonEmptyString();
            if (name != null) {
                functions.declare(entry, name);
            }
            // which keys are allowed depends on the type; with no known type, unknown keys go unreported
            String type = function.get("type").nonEmptyString();
            ShardFunction shardFunction = type == null ? null : switch (type) {
                case HASH_MOD -> hashMod(function);
                default -> {
                    function.get("type").problem("unknown function type '" + type + "' (known: "
                            + String.join(", ", KNOWN_TYPES) + ")");
                    yield null;
                }
            };
            if (name != null && shardFunction != null) {
                functions.add(name, new FunctionConfig(name, type, shardFunction));
            }
        }
        return functions;
    }

    private static ShardFunction hashMod(YamlMapping function) {
        function.allowOnly(HASH_MOD_KEYS);
        Integer count = function.get("count").integer(1, Integer.MAX_VALUE);
        return count == null ? null : new HashMod(count);
    }
}

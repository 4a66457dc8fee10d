package io.shardgate.config;

import java.util.List;
import java.util.Set;

/** Reads {@code functions}: named sharding functions, each with the keys its type takes. */
final class FunctionSection {

    static final String HASH_MOD = "hash-mod";
    static final String RANGE = "range";
    static final String DATE_RANGE = "date-range";
    static final String CONSISTENT_HASH = "consistent-hash";
    static final String CUSTOM = "custom";
    static final List<String> KNOWN_TYPES = List.of(HASH_MOD, RANGE, DATE_RANGE, CONSISTENT_HASH, CUSTOM);
    private static final Set<String> HASH_MOD_KEYS = Set.of("name", "type", "count");
    private static final Set<String> CONSISTENT_HASH_KEYS = Set.of("name", "type", "count", "virtualNodes");
    static final int MAX_VIRTUAL_NODES = 10_000;
    // 8 bytes a point; stops a typo in count or virtualNodes from building a ring of gigabytes
    static final int MAX_RING_POINTS = 1_000_000;

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
            String label = name == null ? "?" : name;
            ShardFunction shardFunction = type == null ? null : switch (type) {
                case HASH_MOD -> hashMod(function);
                case RANGE -> RangeReader.read(function, label);
                case DATE_RANGE -> DateRangeReader.read(function, label);
                case CONSISTENT_HASH -> consistentHash(entry, function);
                case CUSTOM -> CustomFunctionReader.read(entry, function);
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

    private static ShardFunction consistentHash(YamlValue entry, YamlMapping function) {
        function.allowOnly(CONSISTENT_HASH_KEYS);
        Integer count = function.get("count").integer(1, Integer.MAX_VALUE);
        Integer virtualNodes = function.optional("virtualNodes", ConsistentHash.DEFAULT_VIRTUAL_NODES,
                v -> v.integer(1, MAX_VIRTUAL_NODES));
        if (count == null || virtualNodes == null) {
            return null;
        }
        if ((long) count * virtualNodes > MAX_RING_POINTS) {
            entry.problem("count × virtualNodes must be at most " + MAX_RING_POINTS + " ring points, got "
                    + (long) count * virtualNodes);
            return null;
        }
        return new ConsistentHash(count, virtualNodes);
    }

    /** A shard index; the highest int is refused so that one more, the shard count, is still an int. */
    static Integer shard(YamlValue value) {
        Integer shard = value.integer(0, Integer.MAX_VALUE);
        if (shard != null && shard == Integer.MAX_VALUE) {
            value.problem("must be less than " + Integer.MAX_VALUE + ", got " + shard);
            return null;
        }
        return shard;
    }
}

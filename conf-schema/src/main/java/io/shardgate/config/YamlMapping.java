package io.shardgate.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A YAML mapping at a known path; see {@link YamlValue}. */
final class YamlMapping {

    private final YamlValue self;
    private final Map<?, ?> map;

    YamlMapping(YamlValue self, Map<?, ?> map) {
        this.self = self;
        this.map = map;
    }

    /** The value under {@code key}; {@link YamlValue#absent()} when the key is missing. */
    YamlValue get(String key) {
        return self.child(key, map.get(key));
    }

    /** {@code convert(value)} when the key is given, else {@code fallback}; null if the value is invalid. */
    <T> T optional(String key, T fallback, Function<YamlValue, T> convert) {
        YamlValue value = get(key);
        return value.absent() ? fallback : convert.apply(value);
    }

    /** Every key, as text, with its value, in file order. */
    Map<String, YamlValue> values() {
        Map<String, YamlValue> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), self.child(String.valueOf(key), value)));
        return values;
    }

    /** Reports, in file order, every key not in {@code keys}: most are typos of a known key. */
    void allowOnly(Set<String> keys) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String s) || !keys.contains(s)) {
                self.problem("unknown key '" + key + "'");
            }
        }
    }
}

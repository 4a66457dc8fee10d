package io.shardgate.config;

import java.util.Map;

/**
 * A custom function for the tests of {@code type: custom}: keeps the properties it was made with;
 * property {@code shards} (default 2) is its shard count. Integer keys go to {@code floorMod}.
 */
public record EchoFunction(Map<String, String> properties) implements ShardFunction {

    public EchoFunction {
        String shards = properties.getOrDefault("shards", "2");
        if (!shards.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("shards must be a number, got '" + shards + "'");
        }
    }

    @Override
    public int shardCount() {
        return Integer.parseInt(properties.getOrDefault("shards", "2"));
    }

    @Override
    public int shardOf(Object value) {
        if (value instanceof Long l) {
            return (int) Math.floorMod(l, (long) shardCount());
        }
        throw new IllegalArgumentException("integer keys only");
    }
}

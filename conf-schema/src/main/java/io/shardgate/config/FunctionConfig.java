package io.shardgate.config;

/**
 * A named sharding function as declared under {@code functions}.
 *
 * @param type the declared type, e.g. {@code hash-mod}
 */
public record FunctionConfig(String name, String type, ShardFunction function) {
}

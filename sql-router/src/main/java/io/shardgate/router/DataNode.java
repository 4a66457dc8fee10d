package io.shardgate.router;

/** A data node as the router uses it: where statements go and which physical database they name. */
public record DataNode(String name, String dataHost, String database) {
}

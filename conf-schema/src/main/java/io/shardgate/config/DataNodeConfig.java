package io.shardgate.config;

/** One physical database on one data host: the unit a table's rows are placed on. */
public record DataNodeConfig(String name, String dataHost, String database) {
}

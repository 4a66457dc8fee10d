package io.shardgate.router.plan;

/**
 * One statement for one data node.
 *
 * @param database the physical database the statement names, for mapping results back to the
 *                 logical schema
 */
public record ShardStatement(String dataNode, String database, String sql) {
}

package io.shardgate.config;

import java.util.List;

/**
 * A sharded table: row with shard-key value v lives on {@code dataNodes.get(function.shardOf(v))}.
 *
 * @param dataNodes data node names, already expanded from {@code dn$0-3} ranges
 * @param function  name of an entry under {@code functions}
 */
public record TableConfig(String name, List<String> dataNodes, String shardColumn, String function) {

    public TableConfig {
        dataNodes = List.copyOf(dataNodes);
    }
}

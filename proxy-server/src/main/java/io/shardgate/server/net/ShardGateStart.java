package io.shardgate.server.net;

/** When this proxy process started, for uptime figures. */
final class ShardGateStart {

    static final long MILLIS = System.currentTimeMillis();

    private ShardGateStart() {
    }
}

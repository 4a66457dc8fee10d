package io.shardgate.server.net;

import io.shardgate.protocol.Packet;

/**
 * Handles the command phase of a logged-in connection, one packet at a time on the session's
 * virtual thread. The data port answers SQL; the management port answers management commands.
 */
interface CommandProcessor {

    void handle(Packet packet);

    /** The connection is gone: release backends, roll back open transactions. */
    void closed();
}

package io.shardgate.server.net;

import io.netty.channel.Channel;
import io.shardgate.backend.JdbcShardExecutor;
import io.shardgate.protocol.ChannelClosedException;
import io.shardgate.protocol.ErrPacket;
import io.shardgate.protocol.PacketWriter;
import io.shardgate.router.ErrorCode;

/**
 * KILL as it applies to one connection, called from the killing session's thread: the running
 * command is marked, so its answer becomes ERR 1317, and its backend statements are stopped; KILL
 * CONNECTION also closes the connection.
 */
final class ConnectionKill {

    private final RunningCommand command;
    /** The current session's backends; replaced when the session is (COM_CHANGE_USER, COM_RESET_CONNECTION). */
    private volatile JdbcShardExecutor backends;

    ConnectionKill(RunningCommand command) {
        this.command = command;
    }

    void backends(JdbcShardExecutor current) {
        backends = current;
    }

    void query() {
        command.kill();
        JdbcShardExecutor b = backends;
        if (b != null) {
            b.cancelRunning();
        }
    }

    /**
     * Of another connection: its backends are stopped and it is closed without a word, as MariaDB
     * closes a killed connection (captured in {@code kill-connection.hex}). Of itself ({@code
     * fromItself}, on its own session thread): ERR 1927 first, then the close, which is also
     * MariaDB's answer; the command ends there ({@link ChannelClosedException}).
     */
    void connection(Channel channel, PacketWriter writer, boolean fromItself) {
        if (fromItself) {
            writer.write(new ErrPacket(ErrorCode.CONNECTION_KILLED.number(), ErrorCode.CONNECTION_KILLED.sqlState(),
                    ErrorCode.CONNECTION_KILLED.format()));
            writer.flush();
            channel.close();
            throw new ChannelClosedException();
        }
        query();
        channel.close();
    }
}

package io.shardgate.protocol;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The read timeout of a decoder that holds an unfinished packet: restarted by every read that
 * leaves a packet unfinished (progress counts, as each of MariaDB's socket reads has its own
 * timeout), cancelled when nothing is pending, and when it expires a {@link ReadTimedOut} goes up
 * the pipeline. Idle time between packets is not limited here. Event loop only.
 */
final class PartialPacketTimer {

    private final long timeoutMillis;
    private ScheduledFuture<?> scheduled;

    PartialPacketTimer(long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("read timeout must be positive: " + timeoutMillis);
        }
        this.timeoutMillis = timeoutMillis;
    }

    /** After a read: whether a packet is unfinished now, and the sequence id an error would answer. */
    void afterRead(ChannelHandlerContext ctx, boolean unfinished, int sequenceId) {
        cancel();
        if (unfinished && !ctx.isRemoved()) {
            scheduled = ctx.executor().schedule(() -> {
                scheduled = null;
                if (!ctx.isRemoved()) {
                    ctx.fireChannelRead(new ReadTimedOut(sequenceId, timeoutMillis));
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }
}

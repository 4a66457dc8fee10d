package io.shardgate.server.net;

import io.netty.channel.Channel;
import io.shardgate.protocol.Packet;
import io.shardgate.protocol.StreamError;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's commands in order on its own virtual thread, so blocking JDBC never runs on
 * a Netty event loop. While a command runs the channel stops reading, which bounds what a client
 * can queue to what one read delivered.
 *
 * <p>A broken stream ({@link StreamError}) takes its turn behind the packets that came before it,
 * so that those are answered before the error and the close.
 */
final class SessionWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SessionWorker.class);
    private static final Packet STOP = new Packet(-1, io.netty.buffer.Unpooled.EMPTY_BUFFER);

    private final Channel channel;
    private final CommandProcessor processor;
    private final Consumer<StreamError> streamError;
    /** Packets and stream errors, in the order they came. */
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    /** @param streamError answers a broken stream and closes the connection, on the session thread */
    SessionWorker(Channel channel, CommandProcessor processor, Consumer<StreamError> streamError, String name) {
        this.channel = channel;
        this.processor = processor;
        this.streamError = streamError;
        this.thread = Thread.ofVirtual().name(name).unstarted(this);
    }

    void start() {
        thread.start();
    }

    /** Whether the caller is this connection's session thread. */
    boolean isCurrentThread() {
        return Thread.currentThread() == thread;
    }

    /** Called on the event loop with a packet it no longer owns. */
    void submit(Packet packet) {
        channel.config().setAutoRead(false);
        queue.add(packet);
    }

    /** Called on the event loop: the stream is broken; nothing after it will come. */
    void submit(StreamError error) {
        channel.config().setAutoRead(false);
        queue.add(error);
    }

    /** The channel closed: finish the running command's cleanup, drop queued ones. */
    void stop() {
        queue.add(STOP);
        // Interrupting makes a statement blocked on a backend give up now rather than run on for
        // a client that is gone.
        thread.interrupt();
    }

    @Override
    public void run() {
        try {
            while (true) {
                Object item = queue.take();
                if (item == STOP) {
                    break;
                }
                if (item instanceof StreamError error) {
                    streamError.accept(error);
                    continue;
                }
                Packet p = (Packet) item;
                try {
                    processor.handle(p);
                } catch (RuntimeException e) {
                    log.warn("command failed on {}", channel, e);
                    channel.close();
                } catch (Error e) {
                    // The worker dies with it; the client must see the connection end, not wait.
                    log.error("command failed on {}", channel, e);
                    channel.close();
                    throw e;
                } finally {
                    p.release();
                }
                if (queue.isEmpty() && channel.isActive()) {
                    channel.config().setAutoRead(true);
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupts; the queue may still hold packets to free
        } finally {
            for (Object item = queue.poll(); item != null; item = queue.poll()) {
                if (item instanceof Packet p && p != STOP) {
                    p.release();
                }
            }
            Thread.interrupted();
            processor.closed();
        }
    }
}

package io.shardgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.DataInputStream;
import java.net.Socket;
import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking paths of {@link PacketWriter}, over a real loopback socket and a real event loop. */
@Timeout(60)
class PacketWriterSocketTest {

    private static final int HIGH_WATER_MARK = 64 * 1024;
    private static final int ROW_SIZE = 16 * 1024;
    private static final int ROWS = 4096; // 64 MiB: far more than socket buffers hold

    private EventLoopGroup group;
    private Channel server;
    private volatile Channel accepted;
    private PacketWriter writer;
    private Socket client;

    @BeforeEach
    void connect() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<PacketWriter> ready = new CompletableFuture<>();
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(HIGH_WATER_MARK / 4, HIGH_WATER_MARK))
                .childOption(ChannelOption.SO_SNDBUF, 16 * 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        PacketWriter w = new PacketWriter(ch);
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                                w.writabilityChanged();
                                ctx.fireChannelWritabilityChanged();
                            }
                        });
                        accepted = ch;
                        ready.complete(w);
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        client = new Socket();
        client.setReceiveBufferSize(16 * 1024);
        client.connect(server.localAddress());
        writer = ready.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws Exception {
        client.close();
        server.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** A virtual thread writing {@code ROWS} packets of {@code ROW_SIZE} bytes, then flushing. */
    private final class Streamer {
        final AtomicInteger written = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final AtomicBoolean interruptKept = new AtomicBoolean();
        final Thread thread = Thread.ofVirtual().start(() -> {
            byte[] row = new byte[ROW_SIZE];
            try {
                writer.sequence(1);
                for (int i = 0; i < ROWS; i++) {
                    writer.write(out -> out.writeBytes(row));
                    written.incrementAndGet();
                }
                writer.flush();
            } catch (Throwable t) {
                failure.set(t);
                interruptKept.set(Thread.currentThread().isInterrupted());
            }
        });

        /** Waits until the thread is parked and has stopped making progress. */
        void awaitBlocked() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int last = -1;
            while (System.nanoTime() < deadline && thread.isAlive()) {
                int now = written.get();
                if (now == last && thread.getState() == Thread.State.WAITING) {
                    return;
                }
                last = now;
                Thread.sleep(200);
            }
            throw new AssertionError("writer never blocked; wrote " + written.get() + ", failure " + failure.get());
        }
    }

    @Test
    void slowClientBlocksTheWriterWithBoundedMemoryUntilItReads() throws Exception {
        Streamer streamer = new Streamer();
        streamer.awaitBlocked();

        assertThat(streamer.written.get()).isLessThan(ROWS);
        long pending = accepted.unsafe().outboundBuffer().totalPendingWriteBytes();
        assertThat(pending).as("bytes queued in the channel").isLessThan(HIGH_WATER_MARK + 2L * ROW_SIZE);

        DataInputStream in = new DataInputStream(client.getInputStream());
        byte[] frame = new byte[4 + ROW_SIZE];
        for (int i = 0; i < ROWS; i++) {
            in.readFully(frame);
            assertThat((frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16).isEqualTo(ROW_SIZE);
            assertThat(frame[3] & 0xFF).isEqualTo((1 + i) & 0xFF);
        }
        streamer.thread.join();
        assertThat(streamer.failure.get()).isNull();
        assertThat(streamer.written.get()).isEqualTo(ROWS);
    }

    @Test
    void clientClosingWakesABlockedWriterWithChannelClosed() throws Exception {
        Streamer streamer = new Streamer();
        streamer.awaitBlocked();
        client.close();
        streamer.thread.join();
        assertThat(streamer.failure.get())
                .isInstanceOf(ChannelClosedException.class)
                .hasCauseInstanceOf(ClosedChannelException.class);
    }

    @Test
    void interruptCancelsABlockedWriteAndKeepsTheInterrupt() throws Exception {
        Streamer streamer = new Streamer();
        streamer.awaitBlocked();
        streamer.thread.interrupt();
        streamer.thread.join();
        assertThat(streamer.failure.get()).isInstanceOf(CancellationException.class);
        assertThat(streamer.interruptKept).isTrue();
    }

    @Test
    void writingAfterCloseThrowsChannelClosed() throws Exception {
        accepted.close().sync();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                writer.write(OkPacket.of(2));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        assertThat(failure.get()).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void rawPayloadsAreFramedOffTheEventLoop() throws Exception {
        byte[] big = new byte[0xFFFFFF];
        Arrays.fill(big, (byte) 'x');
        var small = Unpooled.wrappedBuffer(new byte[] {9, 8, 7});
        small.readerIndex(1);
        var exact = Unpooled.wrappedBuffer(big);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                writer.sequence(5);
                writer.writeRaw(small);
                writer.writeRaw(exact);
                writer.write(new EofPacket(0, 2));
                writer.flush();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        DataInputStream in = new DataInputStream(client.getInputStream());
        byte[] head = new byte[4 + 2 + 4];
        in.readFully(head);
        assertThat(HexFormat.of().formatHex(head)).isEqualTo("02000005" + "0807" + "ffffff06");
        byte[] body = new byte[0xFFFFFF];
        in.readFully(body);
        assertThat(body).isEqualTo(big);
        byte[] tail = new byte[4 + 9];
        in.readFully(tail);
        assertThat(HexFormat.of().formatHex(tail)).isEqualTo("00000007" + "05000008fe00000200");
        t.join();
        assertThat(failure.get()).isNull();
        assertThat(small.refCnt()).isZero();
        assertThat(exact.refCnt()).isZero();
    }
}

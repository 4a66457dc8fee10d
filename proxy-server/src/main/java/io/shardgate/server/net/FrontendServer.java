package io.shardgate.server.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.shardgate.protocol.PacketFramer;
import io.shardgate.server.auth.Authenticator;
import io.shardgate.server.auth.RsaPasswordKey;
import io.shardgate.server.tls.ServerTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** The two listening ports on Netty: the MySQL port for applications and the management port. */
public final class FrontendServer implements AutoCloseable {

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final Channel dataChannel;
    private final Channel managerChannel;

    public FrontendServer(ServerContext server) throws InterruptedException {
        Authenticator authenticator = new Authenticator(server.config().users(), server.rules(),
                server.config().server().defaultAuthPlugin(), RsaPasswordKey.generate(new SecureRandom()));
        ServerTls tls;
        try {
            tls = ServerTls.of(server.config().server().tls());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS (server.tls): " + e.getMessage(), e);
        }
        String bind = server.config().server().bindAddress();
        try {
            dataChannel = bind(server, authenticator, tls, false, new InetSocketAddress(bind, server.config().server().port()));
            managerChannel = bind(server, authenticator, tls, true, new InetSocketAddress(bind, server.config().server().managerPort()));
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Channel bind(ServerContext server, Authenticator authenticator, ServerTls tls, boolean manager, InetSocketAddress address)
            throws InterruptedException {
        long maxPacket = server.config().server().maxAllowedPacket();
        long readTimeout = server.config().server().netReadTimeoutMillis();
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                // Above 1 MiB queued for a client, the session's writer waits: a slow reader slows
                // its own backend reads instead of growing the proxy's memory.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("framer", new PacketFramer(maxPacket, readTimeout));
                        ch.pipeline().addLast("connection", new FrontendConnection(server, authenticator, tls, manager));
                    }
                })
                .bind(address).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) dataChannel.localAddress()).getPort();
    }

    public int managerPort() {
        return ((InetSocketAddress) managerChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (dataChannel != null) {
            dataChannel.close().syncUninterruptibly();
        }
        if (managerChannel != null) {
            managerChannel.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}

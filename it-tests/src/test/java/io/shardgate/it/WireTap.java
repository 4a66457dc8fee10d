package io.shardgate.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback TCP relay in front of ShardGate that records the start of every COM_QUERY a client
 * sends, so a test sees what the proxy received (a driver's rewritten batch, a multi-statement).
 * Plain TCP without compression only: under TLS or compression the packets are opaque. Bounded:
 * a few connections, the first {@value #KEPT} bytes of each statement.
 */
final class WireTap implements AutoCloseable {

    private static final int KEPT = 4096;
    private static final int MAX_CONNECTIONS = 8;
    private static final int COM_QUERY = 0x03;
    private static final int MAX_PAYLOAD = 0xFFFFFF;

    private final ServerSocket listener;
    private final int target;
    private final List<String> queries = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    WireTap(int targetPort) throws IOException {
        this.target = targetPort;
        this.listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The COM_QUERY texts seen so far (each cut at {@value #KEPT} bytes). */
    synchronized List<String> queries() {
        return List.copyOf(queries);
    }

    private void accept() {
        for (int n = 0; n < MAX_CONNECTIONS; n++) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(server);
                }
                Thread.ofVirtual().start(() -> copy(server, client, false));
                Thread.ofVirtual().start(() -> copy(client, server, true));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void copy(Socket from, Socket to, boolean parse) {
        PacketReader reader = parse ? new PacketReader() : null;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (reader != null) {
                    reader.feed(buffer, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: the other copy ends when its socket is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /**
     * Splits the client's bytes into packets: 3-byte length, sequence id, payload. A command starts
     * with sequence id 0 (the login packets have higher ones); a payload of 0xFFFFFF bytes continues
     * in the next packet, which is no new command.
     */
    private final class PacketReader {
        private final byte[] header = new byte[4];
        private int headerFill;
        private int remaining;
        private boolean continues;
        private boolean commandStart;
        private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        private boolean keeping;

        void feed(byte[] data, int length) {
            int i = 0;
            while (i < length) {
                if (remaining == 0 && headerFill < 4) {
                    header[headerFill++] = data[i++];
                    if (headerFill == 4) {
                        startPacket();
                    }
                    continue;
                }
                int take = Math.min(remaining, length - i);
                if (keeping) {
                    int room = KEPT + 1 - kept.size();
                    kept.write(data, i, Math.min(room, take));
                }
                i += take;
                remaining -= take;
                if (remaining == 0) {
                    endPacket();
                }
            }
        }

        private void startPacket() {
            headerFill = 0;
            remaining = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
            commandStart = header[3] == 0 && !continues;
            continues = remaining == MAX_PAYLOAD;
            keeping = commandStart;
            kept.reset();
            if (remaining == 0) {
                endPacket();
            }
        }

        private void endPacket() {
            byte[] payload = kept.toByteArray();
            if (keeping && payload.length > 0 && payload[0] == COM_QUERY) {
                int end = Math.min(payload.length, KEPT + 1);
                synchronized (WireTap.this) {
                    queries.add(new String(payload, 1, end - 1, StandardCharsets.UTF_8));
                }
            }
            keeping = false;
            kept.reset();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (this) {
            sockets.forEach(WireTap::closeQuietly);
        }
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

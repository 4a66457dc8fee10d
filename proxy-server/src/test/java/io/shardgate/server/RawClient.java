package io.shardgate.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.shardgate.protocol.Capability;
import io.shardgate.protocol.HandshakeResponse41;
import io.shardgate.protocol.HandshakeV10;
import io.shardgate.protocol.NativePassword;
import io.shardgate.protocol.ServerPacket;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A byte-level MySQL client for protocol tests: frames packets and logs in by hand. */
public final class RawClient implements AutoCloseable {

    public static final int BASE_CAPABILITIES = Capability.bits(Capability.LONG_PASSWORD, Capability.PROTOCOL_41,
            Capability.SECURE_CONNECTION, Capability.PLUGIN_AUTH, Capability.TRANSACTIONS, Capability.MULTI_RESULTS);

    private Socket socket;
    private DataInputStream in;
    private OutputStream out;
    /** Sequence id of the handshake response: 2 after an SSLRequest. */
    private int responseSequence = 1;
    public int lastSequence;
    public HandshakeV10 greeting;
    /** Set by {@link #compress()}: packets go and come inside compressed packets. */
    private boolean compressed;
    /** Inflated bytes not yet read as packets. */
    private java.io.ByteArrayInputStream inflated = new java.io.ByteArrayInputStream(new byte[0]);
    /** Header fields of every compressed packet read so far. */
    public final java.util.List<CompressedFrames.Packet> compressedPackets = new java.util.ArrayList<>();

    public RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        greeting = HandshakeV10.read(Unpooled.wrappedBuffer(read()));
    }

    /** One packet's payload; throws EOFException when the server closed the connection. */
    public byte[] read() throws IOException {
        byte[] header = new byte[4];
        readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        lastSequence = header[3] & 0xff;
        byte[] payload = new byte[length];
        readFully(payload);
        return payload;
    }

    private void readFully(byte[] into) throws IOException {
        if (!compressed) {
            in.readFully(into);
            return;
        }
        int at = 0;
        while (at < into.length) {
            if (inflated.available() == 0) {
                CompressedFrames.Packet p = CompressedFrames.read(in);
                compressedPackets.add(p);
                inflated = new java.io.ByteArrayInputStream(p.data());
            }
            at += inflated.read(into, at, into.length - at);
        }
    }

    /** Writes one packet; after {@link #compress()} inside a compressed packet with sequence id 0. */
    public void write(int sequence, byte[] payload) throws IOException {
        out.write(compressed ? CompressedFrames.packet(0, frame(sequence, payload)) : frame(sequence, payload));
        out.flush();
    }

    /** How long a read waits before SocketTimeoutException (10 s at first). */
    public void timeout(int millis) throws java.net.SocketException {
        socket.setSoTimeout(millis);
    }

    /** From now on (after a login with CLIENT_COMPRESS) packets travel compressed, both ways. */
    public void compress() {
        compressed = true;
    }

    public static byte[] frame(int sequence, byte[] payload) {
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) payload.length;
        frame[1] = (byte) (payload.length >> 8);
        frame[2] = (byte) (payload.length >> 16);
        frame[3] = (byte) sequence;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        return frame;
    }

    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the handshake response; returns the server's next packet (OK, ERR or auth switch). */
    public byte[] login(String user, String password, String database, String plugin, int capabilities) throws IOException {
        return login(user, password, database, plugin, capabilities, 45);
    }

    /** @param collation the handshake's character set byte, as {@link #respond(String, byte[], String, String, int, int)} */
    public byte[] login(String user, String password, String database, String plugin, int capabilities, int collation)
            throws IOException {
        byte[] auth = password.isEmpty() ? new byte[0]
                : NativePassword.scramble(password.getBytes(StandardCharsets.UTF_8), greeting.authPluginData());
        return respond(user, auth, database, plugin, capabilities, collation);
    }

    /** Sends a handshake response with {@code auth} as its auth response; returns the server's next packet. */
    public byte[] respond(String user, byte[] auth, String database, String plugin, int capabilities) throws IOException {
        return respond(user, auth, database, plugin, capabilities, 45);
    }

    /** @param collation the handshake's character set byte (8 latin1_swedish_ci, 33 utf8mb3, 45 utf8mb4, 63 binary) */
    public byte[] respond(String user, byte[] auth, String database, String plugin, int capabilities, int collation)
            throws IOException {
        int caps = capabilities | (database != null ? Capability.CONNECT_WITH_DB.bit() : 0);
        write(responseSequence, bytes(new HandshakeResponse41(caps, 16 << 20, collation, user, auth, database, plugin, Map.of())::writePayload));
        return read();
    }

    /** The payload a packet writes (client commands write their command byte too). */
    public static byte[] bytes(ServerPacket packet) {
        ByteBuf buf = Unpooled.buffer();
        packet.writePayload(buf);
        byte[] payload = new byte[buf.readableBytes()];
        buf.readBytes(payload);
        return payload;
    }

    /**
     * Sends an SSLRequest and continues under TLS, trusting any certificate; the handshake response
     * then goes with sequence id 2.
     */
    public void startTls(int capabilities) throws IOException {
        startTls(capabilities, false);
    }

    /**
     * @param together send the SSLRequest in the same write as the TLS ClientHello, as a busy
     *                 network may deliver them, so the server finds the start of TLS behind it
     */
    public void startTls(int capabilities, boolean together) throws IOException {
        ByteBuf request = Unpooled.buffer();
        request.writeIntLE(capabilities | Capability.SSL.bit() | Capability.PROTOCOL_41.bit());
        request.writeIntLE(16 << 20);
        request.writeByte(45);
        request.writeZero(23);
        byte[] payload = new byte[request.readableBytes()];
        request.readBytes(payload);
        Socket plain = socket;
        if (together) {
            plain = new FirstWritePrefixed(socket, frame(1, payload));
        } else {
            write(1, payload);
        }
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
            javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(plain, "127.0.0.1", socket.getPort(), true);
            tls.startHandshake();
            socket = tls;
            in = new DataInputStream(tls.getInputStream());
            out = tls.getOutputStream();
            responseSequence = 2;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** A connected socket whose first write goes out with {@code prefix} in front of it, in one write. */
    private static final class FirstWritePrefixed extends Socket {
        private final Socket socket;
        private byte[] prefix;

        FirstWritePrefixed(Socket socket, byte[] prefix) {
            this.socket = socket;
            this.prefix = prefix;
        }

        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return socket.getInputStream();
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            OutputStream raw = socket.getOutputStream();
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (prefix != null) {
                        byte[] both = java.util.Arrays.copyOf(prefix, prefix.length + len);
                        System.arraycopy(b, off, both, prefix.length, len);
                        prefix = null;
                        raw.write(both);
                    } else {
                        raw.write(b, off, len);
                    }
                }

                @Override
                public void flush() throws IOException {
                    raw.flush();
                }
            };
        }

        @Override
        public boolean isConnected() {
            return socket.isConnected();
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public java.net.InetAddress getInetAddress() {
            return socket.getInetAddress();
        }

        @Override
        public int getPort() {
            return socket.getPort();
        }

        @Override
        public java.net.SocketAddress getRemoteSocketAddress() {
            return socket.getRemoteSocketAddress();
        }

        @Override
        public void setSoTimeout(int timeout) throws java.net.SocketException {
            socket.setSoTimeout(timeout);
        }

        @Override
        public int getSoTimeout() throws java.net.SocketException {
            return socket.getSoTimeout();
        }

        @Override
        public synchronized void close() throws IOException {
            socket.close();
        }

        @Override
        public void shutdownOutput() throws IOException {
            socket.shutdownOutput();
        }

        @Override
        public void shutdownInput() throws IOException {
            socket.shutdownInput();
        }
    }

    private static final class TrustAll implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    public byte[] command(int code, String argument) throws IOException {
        return command(code, argument.getBytes(StandardCharsets.UTF_8));
    }

    /** A command with its argument as raw bytes (a query in the client's own character set). */
    public byte[] command(int code, byte[] arg) throws IOException {
        write(0, commandPayload(code, arg));
        return read();
    }

    /** The payload of a command: its code, then its argument. */
    public static byte[] commandPayload(int code, byte[] argument) {
        byte[] payload = new byte[1 + argument.length];
        payload[0] = (byte) code;
        System.arraycopy(argument, 0, payload, 1, argument.length);
        return payload;
    }

    /** True when the server closed the connection (reading gives end of stream). */
    public boolean closedByServer() throws IOException {
        try {
            read();
            return false;
        } catch (EOFException | java.net.SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

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

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    public int lastSequence;
    public HandshakeV10 greeting;

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
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        lastSequence = header[3] & 0xff;
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    public void write(int sequence, byte[] payload) throws IOException {
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) payload.length;
        frame[1] = (byte) (payload.length >> 8);
        frame[2] = (byte) (payload.length >> 16);
        frame[3] = (byte) sequence;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        out.write(frame);
        out.flush();
    }

    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Sends the handshake response; returns the server's next packet (OK, ERR or auth switch). */
    public byte[] login(String user, String password, String database, String plugin, int capabilities) throws IOException {
        byte[] auth = password.isEmpty() ? new byte[0]
                : NativePassword.scramble(password.getBytes(StandardCharsets.UTF_8), greeting.authPluginData());
        int caps = capabilities | (database != null ? Capability.CONNECT_WITH_DB.bit() : 0);
        write(1, bytes(new HandshakeResponse41(caps, 16 << 20, 45, user, auth, database, plugin, Map.of())::writePayload));
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

    public byte[] command(int code, String argument) throws IOException {
        byte[] arg = argument.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[1 + arg.length];
        payload[0] = (byte) code;
        System.arraycopy(arg, 0, payload, 1, arg.length);
        write(0, payload);
        return read();
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

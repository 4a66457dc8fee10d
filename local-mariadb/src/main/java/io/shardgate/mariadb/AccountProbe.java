package io.shardgate.mariadb;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Logs in to a server over TCP with {@code mysql_native_password}, the way a client would, and
 * disconnects. This is how a start knows the server is ready for its account: main scope has no JDBC
 * driver, and an open port or a greeting alone does not prove the init file created the account.
 *
 * @see <a href="https://mariadb.com/kb/en/connection/">MariaDB connection phase</a>
 */
final class AccountProbe {

    enum Outcome {
        /** The account logged in. */
        ACCEPTED,
        /** The server answered and refused the account; trying again will not help. */
        DENIED,
        /** No usable answer yet: connection refused, timed out, or a transient server error. */
        NOT_READY
    }

    record Result(Outcome outcome, String detail) {
    }

    private static final int CLIENT_LONG_PASSWORD = 1;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;
    private static final int CLIENT_PLUGIN_AUTH = 0x80000;
    private static final int UTF8MB4_GENERAL_CI = 45;
    private static final int MAX_PACKET_SIZE = 16 * 1024 * 1024;
    private static final int ER_ACCESS_DENIED = 1045;
    private static final byte COM_QUIT = 1;
    private static final String NATIVE_PASSWORD = "mysql_native_password";

    private AccountProbe() {
    }

    static Result login(InetSocketAddress address, String user, String password, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();

            byte[] greeting = readPacket(in);
            if (greeting[0] == (byte) 0xFF) {
                return refusal(greeting);
            }
            if (greeting[0] != 10) {
                return new Result(Outcome.NOT_READY, "unexpected handshake protocol version " + greeting[0]);
            }
            writePacket(out, 1, handshakeResponse(user, nativePassword(password, scrambleOf(greeting))));

            byte[] reply = readPacket(in);
            if (reply[0] == (byte) 0xFE) {
                // auth switch request: plugin name<NUL>, then a new 20-byte scramble<NUL>
                int nul = indexOf(reply, 1, (byte) 0);
                String plugin = new String(reply, 1, nul - 1, StandardCharsets.US_ASCII);
                if (!plugin.equals(NATIVE_PASSWORD)) {
                    return new Result(Outcome.DENIED,
                            "the account uses authentication plugin " + plugin + ", which this check cannot speak");
                }
                byte[] scramble = Arrays.copyOfRange(reply, nul + 1, nul + 21);
                writePacket(out, 3, nativePassword(password, scramble));
                reply = readPacket(in);
            }
            if (reply[0] == 0) {
                writePacket(out, 0, new byte[] {COM_QUIT}); // a clean goodbye keeps the server log quiet
                return new Result(Outcome.ACCEPTED, "logged in");
            }
            if (reply[0] == (byte) 0xFF) {
                return refusal(reply);
            }
            return new Result(Outcome.NOT_READY, "unexpected reply to login, first byte " + (reply[0] & 0xFF));
        } catch (IOException | RuntimeException e) {
            return new Result(Outcome.NOT_READY, e.toString());
        }
    }

    /** The 20-byte scramble of an initial handshake packet (protocol version 10). */
    private static byte[] scrambleOf(byte[] p) {
        int pos = indexOf(p, 1, (byte) 0) + 1; // after the server version string<NUL>
        pos += 4; // connection id
        byte[] scramble = new byte[20];
        System.arraycopy(p, pos, scramble, 0, 8);
        pos += 8 + 1; // scramble part 1, filler
        pos += 2 + 1 + 2 + 2 + 1 + 6 + 4; // capabilities, collation, status, capabilities, auth data length,
                                          // filler, MariaDB's extended capabilities
        // The second part is max(12, auth data length - 9) bytes plus a NUL; native passwords use 12.
        System.arraycopy(p, pos, scramble, 8, 12);
        return scramble;
    }

    private static byte[] handshakeResponse(String user, byte[] authResponse) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int capabilities = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH;
        writeInt4(body, capabilities);
        writeInt4(body, MAX_PACKET_SIZE);
        body.write(UTF8MB4_GENERAL_CI);
        body.writeBytes(new byte[23]); // filler; MariaDB's extended capabilities in the last 4 stay 0
        body.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        body.write(0);
        body.write(authResponse.length);
        body.writeBytes(authResponse);
        body.writeBytes(NATIVE_PASSWORD.getBytes(StandardCharsets.US_ASCII));
        body.write(0);
        return body.toByteArray();
    }

    /** SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))); an empty password sends nothing. */
    private static byte[] nativePassword(String password, byte[] scramble) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            byte[] stage2 = sha1.digest(stage1);
            sha1.update(scramble);
            byte[] mask = sha1.digest(stage2);
            for (int i = 0; i < stage1.length; i++) {
                stage1[i] ^= mask[i];
            }
            return stage1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static Result refusal(byte[] errorPacket) {
        int code = (errorPacket[1] & 0xFF) | (errorPacket[2] & 0xFF) << 8;
        int messageStart = errorPacket.length > 3 && errorPacket[3] == '#' ? 9 : 3; // skip #SQLSTATE
        String message =
                new String(errorPacket, messageStart, errorPacket.length - messageStart, StandardCharsets.UTF_8);
        Outcome outcome = code == ER_ACCESS_DENIED ? Outcome.DENIED : Outcome.NOT_READY;
        return new Result(outcome, "error " + code + ": " + message);
    }

    // packet: int<3> payload length, int<1> sequence id, payload
    private static byte[] readPacket(DataInputStream in) throws IOException {
        int length = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
        in.readUnsignedByte(); // sequence id
        if (length == 0 || length > 64 * 1024) {
            throw new IOException("implausible packet length " + length + " during login");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    private static void writePacket(OutputStream out, int sequenceId, byte[] payload) throws IOException {
        byte[] packet = new byte[4 + payload.length];
        packet[0] = (byte) payload.length;
        packet[1] = (byte) (payload.length >>> 8);
        packet[2] = (byte) (payload.length >>> 16);
        packet[3] = (byte) sequenceId;
        System.arraycopy(payload, 0, packet, 4, payload.length);
        out.write(packet);
        out.flush();
    }

    private static void writeInt4(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    private static int indexOf(byte[] bytes, int from, byte value) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("no terminating NUL in handshake packet");
    }
}

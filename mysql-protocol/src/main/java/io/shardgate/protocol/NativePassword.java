package io.shardgate.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The mysql_native_password authentication method.
 *
 * <p>The server stores SHA1(SHA1(password)) (MariaDB shows it as {@code PASSWORD('x')} =
 * '*' + hex). The client answers a 20-byte seed with SHA1(password) XOR SHA1(seed +
 * SHA1(SHA1(password))); the server XORs back, hashes, and compares with what it stores. An empty
 * password is stored as empty and answered with an empty response.
 *
 * @see <a href="https://mariadb.com/docs/server/reference/clientserver-protocol/1-connecting/connection#mysql_native_password-plugin">MariaDB: mysql_native_password</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_native_password_authentication.html">MySQL: native authentication</a>
 */
public final class NativePassword {

    public static final String PLUGIN_NAME = "mysql_native_password";
    public static final int SEED_LENGTH = 20;
    private static final int SHA1_LENGTH = 20;

    private NativePassword() {}

    /**
     * A fresh seed. Like MySQL's generate_user_salt, each byte is in 1..127 and never '$': the
     * seed travels NUL-terminated, so a 0 byte would cut it short, and some clients treat it as
     * 7-bit text.
     */
    public static byte[] seed(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        for (int i = 0; i < seed.length; i++) {
            int b = 1 + random.nextInt(127);
            seed[i] = (byte) (b == '$' ? b + 1 : b);
        }
        return seed;
    }

    /** The client's response to {@code seed}; empty for an empty password. */
    public static byte[] scramble(byte[] password, byte[] seed) {
        if (password.length == 0) {
            return new byte[0];
        }
        MessageDigest sha1 = sha1();
        byte[] stage1 = sha1.digest(password);
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(seed);
        byte[] mask = sha1.digest(stage2);
        return xor(stage1, mask);
    }

    /** What the server stores: SHA1(SHA1(password)); empty for an empty password. */
    public static byte[] doubleSha1(byte[] password) {
        if (password.length == 0) {
            return new byte[0];
        }
        MessageDigest sha1 = sha1();
        return sha1.digest(sha1.digest(password));
    }

    /**
     * Parses the stored form MariaDB and MySQL show: '*' followed by 40 hex digits, or "" for an
     * empty password.
     */
    public static byte[] parseStoredHash(String starHex) {
        if (starHex.isEmpty()) {
            return new byte[0];
        }
        if (starHex.length() != 1 + 2 * SHA1_LENGTH || starHex.charAt(0) != '*') {
            throw new IllegalArgumentException("not a mysql_native_password hash: '*' + 40 hex digits expected");
        }
        return HexFormat.of().parseHex(starHex, 1, starHex.length());
    }

    /** Whether {@code response} proves knowledge of the password hashed as {@code storedDoubleSha1}. */
    public static boolean verify(byte[] storedDoubleSha1, byte[] seed, byte[] response) {
        if (storedDoubleSha1.length == 0 || response.length == 0) {
            return storedDoubleSha1.length == 0 && response.length == 0;
        }
        if (response.length != SHA1_LENGTH || storedDoubleSha1.length != SHA1_LENGTH) {
            return false;
        }
        MessageDigest sha1 = sha1();
        sha1.update(seed);
        byte[] stage1 = xor(response, sha1.digest(storedDoubleSha1));
        return MessageDigest.isEqual(sha1.digest(stage1), storedDoubleSha1);
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] result = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = (byte) (a[i] ^ b[i]);
        }
        return result;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    }
}

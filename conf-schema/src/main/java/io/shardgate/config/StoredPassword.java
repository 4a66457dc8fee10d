package io.shardgate.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A user's password as the configuration holds it: in clear ({@code password}) or as hashes
 * ({@code passwordHash}), one per authentication method that must be able to check it.
 *
 * <ul>
 *   <li>{@code *} and 40 hex digits: SHA1(SHA1(password)), what mysql_native_password checks a
 *       scramble against (MariaDB's {@code PASSWORD()} and {@code mysql.user} show it so).</li>
 *   <li>{@code pbkdf2-sha256:ITERATIONS:SALT:HASH}: PBKDF2-HMAC-SHA256 of the UTF-8 password (salt
 *       and 32-byte hash in base64), against which caching_sha2_password checks the clear password
 *       its full authentication receives. Its fast path then needs SHA256(SHA256(password)), which
 *       the proxy computes from that password and caches.</li>
 * </ul>
 *
 * <p>PBKDF2 rather than MySQL's own SHA-256 crypt: the JDK implements it, it is a published standard
 * (RFC 8018), and its cost is tunable by the iteration count.
 */
public final class StoredPassword {

    public static final String PBKDF2_PREFIX = "pbkdf2-sha256:";
    public static final int MIN_ITERATIONS = 1_000;
    public static final int MAX_ITERATIONS = 100_000_000;
    static final int MIN_SALT_BYTES = 8;
    static final int HASH_BYTES = 32;
    private static final int NATIVE_HASH_BYTES = 20;

    /** PBKDF2-HMAC-SHA256 parameters and result. */
    public record Pbkdf2(int iterations, byte[] salt, byte[] hash) {

        public Pbkdf2 {
            salt = salt.clone();
            hash = hash.clone();
        }

        public boolean matches(byte[] password) {
            return MessageDigest.isEqual(derive(password, salt, iterations), hash);
        }

        /** The {@code pbkdf2-sha256:...} text. */
        public String format() {
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return PBKDF2_PREFIX + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
        }

        public static Pbkdf2 of(byte[] password, byte[] salt, int iterations) {
            return new Pbkdf2(iterations, salt, derive(password, salt, iterations));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pbkdf2 p && iterations == p.iterations && Arrays.equals(salt, p.salt)
                    && Arrays.equals(hash, p.hash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(iterations, Arrays.hashCode(salt), Arrays.hashCode(hash));
        }

        @Override
        public String toString() {
            return "Pbkdf2[iterations=" + iterations + "]";
        }
    }

    private final String clear;
    private final byte[] nativeHash;
    private final Pbkdf2 pbkdf2;

    private StoredPassword(String clear, byte[] nativeHash, Pbkdf2 pbkdf2) {
        this.clear = clear;
        this.nativeHash = nativeHash;
        this.pbkdf2 = pbkdf2;
    }

    public static StoredPassword clear(String password) {
        return new StoredPassword(Objects.requireNonNull(password, "password"), null, null);
    }

    /**
     * From {@code passwordHash} entries.
     *
     * @param nativeHash SHA1(SHA1(password)), 20 bytes, or null
     * @param pbkdf2     or null; at least one of the two must be given
     */
    public static StoredPassword hashed(byte[] nativeHash, Pbkdf2 pbkdf2) {
        if (nativeHash == null && pbkdf2 == null) {
            throw new IllegalArgumentException("a hashed password needs at least one hash");
        }
        if (nativeHash != null && nativeHash.length != NATIVE_HASH_BYTES) {
            throw new IllegalArgumentException("a mysql_native_password hash has 20 bytes");
        }
        return new StoredPassword(null, nativeHash == null ? null : nativeHash.clone(), pbkdf2);
    }

    /** The clear password, when the configuration gave it so. */
    public Optional<String> clearText() {
        return Optional.ofNullable(clear);
    }

    /** SHA1(SHA1(password)) as configured under {@code passwordHash}; empty for a clear password. */
    public Optional<byte[]> nativeHash() {
        return Optional.ofNullable(nativeHash).map(byte[]::clone);
    }

    public Optional<Pbkdf2> pbkdf2() {
        return Optional.ofNullable(pbkdf2);
    }

    /** Whether the password is the empty one (only a clear password can say so). */
    public boolean isEmpty() {
        return clear != null && clear.isEmpty();
    }

    /** Whether logins with {@code plugin} can be checked against what is stored. */
    public boolean supports(AuthPlugin plugin) {
        return clear != null || switch (plugin) {
            case MYSQL_NATIVE_PASSWORD -> nativeHash != null;
            case CACHING_SHA2_PASSWORD -> pbkdf2 != null;
        };
    }

    /** Whether {@code password} (UTF-8 bytes, as clients send it) is this password. */
    public boolean matches(byte[] password) {
        if (clear != null) {
            return MessageDigest.isEqual(clear.getBytes(StandardCharsets.UTF_8), password);
        }
        return pbkdf2 != null && pbkdf2.matches(password);
    }

    /** The {@code *HEX} form of a native hash, as MariaDB's PASSWORD() writes it. */
    public static String formatNativeHash(byte[] doubleSha1) {
        return "*" + HexFormat.of().withUpperCase().formatHex(doubleSha1);
    }

    /** Parses one {@code passwordHash} entry into {@code into}; the message of the exception says what is wrong. */
    static void parseEntry(String text, Builder into) {
        if (text.startsWith("*")) {
            if (text.length() != 1 + 2 * NATIVE_HASH_BYTES || !text.substring(1).chars().allMatch(StoredPassword::isHex)) {
                throw new IllegalArgumentException("a mysql_native_password hash is '*' and 40 hex digits, got "
                        + (text.length() - 1) + " characters after '*'");
            }
            if (into.nativeHash != null) {
                throw new IllegalArgumentException("a second mysql_native_password hash");
            }
            into.nativeHash = HexFormat.of().parseHex(text, 1, text.length());
        } else if (text.startsWith(PBKDF2_PREFIX)) {
            if (into.pbkdf2 != null) {
                throw new IllegalArgumentException("a second pbkdf2-sha256 hash");
            }
            into.pbkdf2 = parsePbkdf2(text.substring(PBKDF2_PREFIX.length()));
        } else {
            throw new IllegalArgumentException("not a password hash: expected 'pbkdf2-sha256:ITERATIONS:SALT:HASH'"
                    + " (from bin/shardgate passwd) or '*' and 40 hex digits (a mysql_native_password hash)");
        }
    }

    private static Pbkdf2 parsePbkdf2(String rest) {
        String[] parts = rest.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("pbkdf2-sha256 hash: expected ITERATIONS:SALT:HASH after 'pbkdf2-sha256:'");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pbkdf2-sha256 hash: iterations must be a number, got '" + parts[0] + "'");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("pbkdf2-sha256 hash: iterations must be between " + MIN_ITERATIONS
                    + " and " + MAX_ITERATIONS + ", got " + iterations);
        }
        byte[] salt = base64(parts[1], "salt");
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("pbkdf2-sha256 hash: the salt must have at least " + MIN_SALT_BYTES
                    + " bytes, got " + salt.length);
        }
        byte[] hash = base64(parts[2], "hash");
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("pbkdf2-sha256 hash: the hash must have " + HASH_BYTES + " bytes, got "
                    + hash.length);
        }
        return new Pbkdf2(iterations, salt, hash);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pbkdf2-sha256 hash: the " + what + " is not base64: '" + text + "'");
        }
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static byte[] derive(byte[] password, byte[] salt, int iterations) {
        // PBEKeySpec takes chars: decoding the UTF-8 bytes gives back the password's characters, and
        // the JDK's PBKDF2 encodes them as UTF-8 again. Bytes that are not UTF-8 cannot be a
        // configured password; they become U+FFFD, which matches only a password holding that character.
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        Arrays.fill(chars, '\0');
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Collects the entries of one {@code passwordHash}. */
    static final class Builder {
        private byte[] nativeHash;
        private Pbkdf2 pbkdf2;

        StoredPassword build() {
            return nativeHash == null && pbkdf2 == null ? null : hashed(nativeHash, pbkdf2);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredPassword p && Objects.equals(clear, p.clear) && Arrays.equals(nativeHash, p.nativeHash)
                && Objects.equals(pbkdf2, p.pbkdf2);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clear, Arrays.hashCode(nativeHash), pbkdf2);
    }

    /** Never shows the password or its hashes: configurations get logged. */
    @Override
    public String toString() {
        return clear != null ? "StoredPassword[clear]" : "StoredPassword[" + (nativeHash != null ? "native " : "")
                + (pbkdf2 != null ? "pbkdf2-sha256" : "") + "]";
    }
}

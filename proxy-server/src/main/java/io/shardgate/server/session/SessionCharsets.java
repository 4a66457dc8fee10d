package io.shardgate.server.session;

import io.shardgate.protocol.charset.MariaDbCharset;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.ClientCharset;
import java.util.Locale;

/**
 * A session's character sets: what its statements are written in (character_set_client), what
 * its results are sent in (character_set_results, possibly NULL), and collation_connection, which
 * is applied on the backends so literals compare as the client's would. Set by the handshake's
 * collation id, SET NAMES, SET CHARACTER SET and the variables themselves, with MariaDB's errors.
 */
final class SessionCharsets {

    private MariaDbCharset client;
    /** Null: character_set_results = NULL. */
    private MariaDbCharset results;
    private Collations.Collation connection;

    SessionCharsets(int handshakeCollationId) {
        Collations.Collation c = Collations.ofId(handshakeCollationId);
        if (MariaDbCharset.forClient(c.charset()).isEmpty()) {
            // A handshake naming ucs2, utf16 or utf32 gets the server's character set, as from MariaDB.
            c = Collations.UTF8MB4_GENERAL_CI;
        }
        names(c.charset(), c.name());
    }

    /** SET NAMES charset [COLLATE collation]: all three. */
    void names(String charset, String collation) {
        Collations.Collation c = collation != null ? collation(collation) : defaultCollation(charset);
        if (collation != null && charset != null && !c.charset().equals(canonicalCharset(charset))) {
            throw new ShardGateException(1253, "42000",
                    "COLLATION '" + c.name() + "' is not valid for CHARACTER SET '" + charset + "'", null);
        }
        MariaDbCharset cs = clientCharset("character_set_client", c.charset());
        client = cs;
        results = cs;
        connection = c;
    }

    /** SET CHARACTER SET cs: client and results in cs, the connection in the database's character set. */
    void characterSet(String charset, Collations.Collation database) {
        MariaDbCharset cs = clientCharset("character_set_client", defaultCollation(charset).charset());
        client = cs;
        results = cs;
        connection = database;
    }

    void client(String charset) {
        client = clientCharset("character_set_client", defaultCollation(charset).charset());
    }

    /** {@code null} is allowed: results in each column's own character set. */
    void results(String charset) {
        results = charset == null ? null : clientCharset("character_set_results", defaultCollation(charset).charset());
    }

    void connectionCharset(String charset) {
        connection = defaultCollation(charset);
    }

    void connectionCollation(String name) {
        connection = collation(name);
    }

    String clientName() {
        return client.name();
    }

    /** Null for NULL. */
    String resultsName() {
        return results == null ? null : results.name();
    }

    Collations.Collation connection() {
        return connection;
    }

    MariaDbCharset clientCharset() {
        return client;
    }

    ClientCharset literals() {
        return new ClientCharset(client.name(), client.charset(), client.isUtf8() || client == MariaDbCharset.BINARY);
    }

    ResultEncoding resultEncoding() {
        if (results == null) {
            return new ResultEncoding(null, 0);
        }
        int id = connection.charset().equals(results.name()) ? connection.id()
                : Collations.defaultOf(results.name()).map(Collations.Collation::id).orElse(Collations.UTF8MB4_GENERAL_CI.id());
        return new ResultEncoding(results, id);
    }

    private static String canonicalCharset(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("utf8") ? "utf8mb3" : n;
    }

    private static Collations.Collation defaultCollation(String charset) {
        String cs = charset == null ? "utf8mb4" : charset;
        return Collations.defaultOf(cs).orElseThrow(() -> new ShardGateException(ErrorCode.UNKNOWN_CHARACTER_SET, cs));
    }

    private static Collations.Collation collation(String name) {
        return Collations.byName(name).orElseThrow(() -> new ShardGateException(ErrorCode.UNKNOWN_COLLATION, name));
    }

    /** A character set MariaDB lets a client use; ucs2, utf16 and utf32 are 1231 there. */
    private static MariaDbCharset clientCharset(String variable, String charset) {
        return MariaDbCharset.forClient(charset)
                .orElseThrow(() -> new ShardGateException(ErrorCode.WRONG_VALUE_FOR_VAR, variable, charset));
    }
}

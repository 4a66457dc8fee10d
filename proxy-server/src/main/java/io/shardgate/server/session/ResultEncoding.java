package io.shardgate.server.session;

import io.shardgate.protocol.charset.MariaDbCharset;
import io.shardgate.router.result.Column;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How results go to a client in its {@code character_set_results}. Backends always answer in
 * utf8mb4 (the proxy merges and compares UTF-8); text columns are converted here, as MariaDB
 * converts them: values re-encoded (characters the target lacks become {@code ?}), the column's
 * collation id and length (counted in the target's bytes per character) changed. Binary columns,
 * BLOBs and numbers (collation 63) pass untouched.
 *
 * <p>With {@code character_set_results} NULL or {@code binary}, MariaDB sends each column in its own
 * character set; the proxy sends utf8mb4, which is each column's own for utf8mb4 tables, and
 * describes information_schema's columns as MariaDB's own utf8mb3 (see {@link #unconverted}).
 *
 * @param target        the results character set, or null for NULL (no conversion)
 * @param textCollation the collation id text columns report: collation_connection's when it is of
 *                      the results character set, else the results character set's default (as
 *                      MariaDB reports them)
 */
public record ResultEncoding(MariaDbCharset target, int textCollation) {

    private static final long MAX_LENGTH = 0xFFFF_FFFFL;
    private static final String INFORMATION_SCHEMA = "information_schema";
    private static final int UTF8MB3_GENERAL_CI = 33;

    public static final ResultEncoding UTF8MB4 = new ResultEncoding(MariaDbCharset.UTF8MB4, Column.UTF8MB4_GENERAL_CI);

    private static boolean isBlob(Column c) {
        return switch (c.type()) {
            case TINY_BLOB, BLOB, MEDIUM_BLOB, LONG_BLOB -> true;
            default -> false;
        };
    }

    private static boolean isText(Column c) {
        return c.collationId() != Column.BINARY_COLLATION;
    }

    /** Whether values go out as the backends sent them (column definitions may still change). */
    public boolean valuesPassThrough() {
        return target == null || target == MariaDbCharset.UTF8MB4 || target == MariaDbCharset.BINARY;
    }

    /** The column as the client's definition shows it. */
    public Column column(Column c) {
        if (!isText(c)) {
            return c;
        }
        if (target == null) {
            return unconverted(c);
        }
        long length = c.length() >= MAX_LENGTH ? MAX_LENGTH
                : Math.min(MAX_LENGTH, c.length() / MariaDbCharset.UTF8MB4.maxBytes() * target.maxBytes());
        int collation = target == MariaDbCharset.BINARY ? Column.BINARY_COLLATION : textCollation;
        return new Column(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), collation, length, c.type(),
                c.flags(), c.decimals());
    }

    /**
     * A text column as MariaDB describes it unconverted: in its own character set, its length in
     * its own bytes. The backends described it converted to utf8mb4: a TEXT's bytes times 4 (MariaDB
     * counts a TEXT's bytes as characters), a VARCHAR's characters times 4. utf8mb4 columns keep
     * that description but for a TEXT's length; the columns of information_schema tables are
     * utf8mb3 in MariaDB, so they get utf8mb3's collation and length (their values, which hold no
     * 4-byte character, are the same bytes in utf8mb3 and utf8mb4). Other columns of other
     * character sets stay utf8mb4 (their values arrive in UTF-8, and their definition says so).
     */
    private static Column unconverted(Column c) {
        boolean text = isBlob(c);
        if (text && c.length() >= MAX_LENGTH) {
            return c;
        }
        long own = c.length() / MariaDbCharset.UTF8MB4.maxBytes();
        if (INFORMATION_SCHEMA.equalsIgnoreCase(c.schema())) {
            return new Column(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), UTF8MB3_GENERAL_CI,
                    text ? own : own * MariaDbCharset.UTF8MB3.maxBytes(), c.type(), c.flags(), c.decimals());
        }
        return text ? new Column(c.schema(), c.table(), c.orgTable(), c.name(), c.orgName(), c.collationId(), own,
                c.type(), c.flags(), c.decimals()) : c;
    }

    /** A value of {@code c} (as the backend described it) in the client's character set. */
    public byte[] value(Column c, byte[] utf8) {
        if (utf8 == null || target == null || target == MariaDbCharset.UTF8MB4 || target == MariaDbCharset.BINARY
                || !isText(c)) {
            return utf8;
        }
        if (target == MariaDbCharset.UTF8MB3 && !hasFourByteSequence(utf8)) {
            return utf8;
        }
        return target.encode(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Error messages, which MariaDB also sends in character_set_results. */
    public Charset names() {
        return target == null || target == MariaDbCharset.BINARY ? StandardCharsets.UTF_8 : target.charset();
    }

    /**
     * Column and table names: MariaDB keeps them in utf8mb3, so a 4-byte character of a name (an
     * alias, a literal's text) reaches the client as {@code ?} whatever character_set_results is.
     */
    public Charset columnNames() {
        return target == null || target.isUtf8() || target == MariaDbCharset.BINARY ? MariaDbCharset.UTF8MB3.charset()
                : target.charset();
    }

    private static boolean hasFourByteSequence(byte[] utf8) {
        for (byte b : utf8) {
            if ((b & 0xF8) == 0xF0) {
                return true;
            }
        }
        return false;
    }
}

package io.shardgate.router.parse;

/**
 * A string-like literal lifted out of the SQL text before JSqlParser sees it.
 *
 * @param source the literal exactly as written (quotes, escapes, introducer), spliced back
 *               unchanged into the SQL sent to backends
 * @param value  the decoded value: a {@link String} for character strings, {@code byte[]} for
 *               hexadecimal, bit and {@code _binary} strings
 */
public record Literal(String source, Object value) {
}

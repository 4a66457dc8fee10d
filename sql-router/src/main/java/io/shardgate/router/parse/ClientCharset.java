package io.shardgate.router.parse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character set a client's statements were written in (character_set_client), for the
 * literals whose bytes matter as bytes: those with a character set introducer
 * ({@code _binary'...'}, {@code _latin1'...'}) and those holding bytes that were no characters.
 *
 * @param name    MariaDB's name ({@code utf8mb4}, {@code latin1}, {@code binary})
 * @param charset what turns the client's text back into the bytes it sent
 * @param utf8    whether the client's bytes are UTF-8 where they form characters (utf8mb4,
 *                utf8mb3, binary): then the text sent to backends, in UTF-8, has the same bytes
 */
public record ClientCharset(String name, Charset charset, boolean utf8) {

    public static final ClientCharset UTF8MB4 = new ClientCharset("utf8mb4", StandardCharsets.UTF_8, true);

    /** The bytes the client sent for {@code text}. */
    public byte[] bytes(String text) {
        return utf8 ? RawBytes.utf8(text) : text.getBytes(charset);
    }
}

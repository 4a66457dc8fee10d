package io.shardgate.router.collation;

/**
 * The characters a column's charset can hold, and what the server turns a code point into when
 * converting to it: the code unit a collation's weights are indexed by.
 */
enum Repertoire {
    UTF8MB4,
    /** The BMP; the server stores '?' for anything else. */
    UTF8MB3,
    /** 256 code points (MariaDB's latin1 is cp1252 with its five holes filled), each one byte; else '?'. */
    LATIN1,
    /** U+0000..U+007F, each one byte; else '?'. */
    ASCII;

    private static final int QUESTION_MARK = '?';
    private static final TableResource LATIN1_BYTES = new TableResource("latin1.charset.gz");

    /** The code unit of a valid code point (not a surrogate). */
    int toUnit(int codePoint) {
        return switch (this) {
            case UTF8MB4 -> codePoint;
            case UTF8MB3 -> codePoint <= 0xFFFF ? codePoint : QUESTION_MARK;
            case LATIN1 -> codePoint < 0x80 ? codePoint : LATIN1_BYTES.get().single(codePoint, QUESTION_MARK);
            case ASCII -> codePoint < 0x80 ? codePoint : QUESTION_MARK;
        };
    }
}

package io.shardgate.router.parse;

/** Lexical classes of MySQL/MariaDB SQL that routing and normalisation care about. */
public enum TokenType {
    /** Unquoted identifier or keyword. */
    WORD,
    /** {@code `identifier`}. */
    QUOTED_IDENTIFIER,
    /** {@code 'text'} or {@code "text"}, with an optional {@code _charset} or {@code N} introducer. */
    STRING,
    /** {@code x'0A'}, {@code 0x0A}, {@code b'101'}, {@code 0b101}. */
    BINARY_STRING,
    NUMBER,
    /** A {@code ?} placeholder of a prepared statement. */
    PARAMETER,
    /** {@code @name}, {@code @'name'}, {@code @@name}, {@code @@session.name}. */
    VARIABLE,
    /** An operator or punctuation other than {@code ;}. */
    SYMBOL,
    SEMICOLON,
    /** A comment, including optimizer hints {@code /*+ ... *}{@code /}. */
    COMMENT
}

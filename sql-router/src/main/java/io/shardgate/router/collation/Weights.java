package io.shardgate.router.collation;

/** The weights of one character of a charset's code units: a code point, or a latin1 or ascii byte. */
interface Weights {

    /** The most weights one character has (MariaDB's UCA 5.2.0 table: 8). */
    int MAX_PER_CHARACTER = 8;

    /**
     * Writes the weights of {@code unit} to {@code out} and returns how many there are: usually one,
     * none for a character the collation ignores, several for an expansion such as 'ß' as 'ss'.
     */
    int weigh(int unit, int[] out);

    /** The weight of the space, which PAD SPACE collations pad the shorter value with. */
    int spaceWeight();
}

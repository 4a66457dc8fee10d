package io.shardgate.router.collation;

/**
 * The weights of the {@code *_bin} collations: each character weighs its code point (latin1, ascii: its
 * byte). generate.sh checked this for every code point on the server, so these need no table.
 */
final class CodePointWeights implements Weights {

    static final CodePointWeights INSTANCE = new CodePointWeights();

    private CodePointWeights() {
    }

    @Override
    public int weigh(int unit, int[] out) {
        out[0] = unit;
        return 1;
    }

    @Override
    public int spaceWeight() {
        return ' ';
    }
}

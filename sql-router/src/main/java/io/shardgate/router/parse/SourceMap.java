package io.shardgate.router.parse;

import java.util.List;

/**
 * Maps ranges of the normalized text back to the client's text: each piece of normalized text
 * (a token, a placeholder, an inserted {@code CAST(}) with the original range it stands for.
 */
public final class SourceMap {

    private final List<int[]> pieces;

    SourceMap(List<int[]> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    static final SourceMap EMPTY = new SourceMap(List.of());

    /**
     * The original text of normalized range {@code [start, end)}, or null when the range does not
     * fall on piece boundaries.
     */
    public String original(String originalSql, int start, int end) {
        int from = -1;
        int to = -1;
        for (int[] p : pieces) {
            if (p[0] >= start && p[1] <= end) {
                from = from < 0 ? p[2] : Math.min(from, p[2]);
                to = Math.max(to, p[3]);
            }
        }
        return from < 0 || to < from ? null : originalSql.substring(from, to);
    }
}

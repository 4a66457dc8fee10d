package io.shardgate.router.merge;

/**
 * A merge-sort key: a column of the shard rows and its direction. A negative column counts from
 * the end (hidden sort columns are appended after a select list whose width is unknown at plan
 * time, as with {@code SELECT *}).
 */
public record SortKey(int column, boolean descending, Integer collation) {

    public SortKey(int column, boolean descending) {
        this(column, descending, null);
    }

    int resolve(int width) {
        return column >= 0 ? column : width + column;
    }

    @Override
    public String toString() {
        return (column >= 0 ? "#" + column : "#end" + column) + (descending ? " DESC" : "");
    }
}

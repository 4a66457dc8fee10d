package io.shardgate.router.merge;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.value.CellComparator;
import io.shardgate.router.value.ValueType;
import java.util.Comparator;
import java.util.List;

/** Orders rows by sort keys, each column compared by its own type and collation. */
final class RowOrder implements Comparator<Row> {

    private final int[] columns;
    private final boolean[] descending;
    private final CellComparator[] comparators;

    RowOrder(List<SortKey> keys, List<Column> columnDefs) {
        int n = keys.size();
        columns = new int[n];
        descending = new boolean[n];
        comparators = new CellComparator[n];
        for (int i = 0; i < n; i++) {
            SortKey k = keys.get(i);
            columns[i] = k.resolve(columnDefs.size());
            descending[i] = k.descending();
            Column c = columnDefs.get(columns[i]);
            comparators[i] = CellComparator.of(ValueType.of(c), c.name(), k.collation());
        }
    }

    @Override
    public int compare(Row a, Row b) {
        for (int i = 0; i < columns.length; i++) {
            int c = comparators[i].compare(a.cell(columns[i]), b.cell(columns[i]));
            if (c != 0) {
                return descending[i] ? -c : c;
            }
        }
        return 0;
    }
}

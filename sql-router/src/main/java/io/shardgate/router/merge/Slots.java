package io.shardgate.router.merge;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.util.List;

/** Turns rows into the typed input slots compiled expressions read. */
public final class Slots {

    private final ValueType[] types;

    public Slots(List<Column> columns) {
        this(columns, null);
    }

    /**
     * @param collations per column, the collation its text compares by when the metadata's is not
     *                   it (MariaDB labels all utf8mb4 text with the character set's default); null
     *                   entries or a null array keep the metadata's
     */
    public Slots(List<Column> columns, Integer[] collations) {
        types = new ValueType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            Column c = columns.get(i);
            if (collations != null && i < collations.length && collations[i] != null) {
                c = c.withCollation(collations[i]);
            }
            types[i] = ValueType.of(c);
        }
    }

    public SqlValue[] of(Row row) {
        SqlValue[] s = new SqlValue[types.length];
        for (int i = 0; i < s.length; i++) {
            byte[] c = row.cell(i);
            s[i] = c == null ? SqlValue.NULL : new SqlValue.Raw(c, types[i]);
        }
        return s;
    }
}

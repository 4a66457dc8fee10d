package io.shardgate.router.merge;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.util.List;

/** Turns rows into the typed input slots compiled expressions read. */
final class Slots {

    private final ValueType[] types;

    Slots(List<Column> columns) {
        types = new ValueType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = ValueType.of(columns.get(i));
        }
    }

    SqlValue[] of(Row row) {
        SqlValue[] s = new SqlValue[types.length];
        for (int i = 0; i < s.length; i++) {
            byte[] c = row.cell(i);
            s[i] = c == null ? SqlValue.NULL : new SqlValue.Raw(c, types[i]);
        }
        return s;
    }
}

package io.shardgate.router.merge;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.ColumnType;
import io.shardgate.router.result.Row;
import io.shardgate.router.value.Formatter;
import io.shardgate.router.value.SqlValue;
import io.shardgate.router.value.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Column definitions of results the proxy computes: a column copied from the input keeps its
 * definition; a computed one is described by the values it holds (the first non-NULL one), as
 * MariaDB would type such an expression.
 */
final class OutputColumns {

    private OutputColumns() {
    }

    static List<Column> of(InProxySelect.Spec spec, List<Column> input, List<SqlValue[]> rows) {
        List<Column> out = new ArrayList<>();
        for (int i = 0; i < spec.outputs().size(); i++) {
            String name = spec.names().get(i);
            int slot = spec.outputSlots()[i];
            if (slot >= 0 && slot < input.size()) {
                Column c = input.get(slot);
                out.add(new Column(c.schema(), c.table(), c.orgTable(), name, c.orgName(), c.collationId(), c.length(),
                        c.type(), c.flags(), c.decimals()));
                continue;
            }
            SqlValue sample = SqlValue.NULL;
            for (SqlValue[] r : rows) {
                if (!r[i].isNull()) {
                    sample = r[i];
                    break;
                }
            }
            out.add(describe(name, sample));
        }
        return out;
    }

    static Column describe(String name, SqlValue v) {
        return switch (v) {
            case SqlValue.Null n -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 0, ColumnType.NULL, Column.BINARY, 0);
            case SqlValue.Int i -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 21, ColumnType.LONGLONG,
                    Column.BINARY | Column.NUM, 0);
            case SqlValue.BigInt b -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 21, ColumnType.LONGLONG,
                    Column.BINARY | Column.NUM | Column.UNSIGNED, 0);
            case SqlValue.Dec d -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 67, ColumnType.NEWDECIMAL,
                    Column.BINARY | Column.NUM, d.scale());
            case SqlValue.Dbl d -> new Column("", "", "", name, "", Column.BINARY_COLLATION, 22, ColumnType.DOUBLE,
                    Column.BINARY | Column.NUM, 31);
            case SqlValue.Str s -> Column.computedString(name, Math.max(1, s.value().length()));
            case SqlValue.Raw r -> rawColumn(name, r.type());
        };
    }

    /** A computed column of value type {@code t}, typed as MariaDB would describe it. */
    static Column rawColumn(String name, ValueType t) {
        ColumnType type = switch (t.category()) {
            case INTEGER -> ColumnType.LONGLONG;
            case YEAR -> ColumnType.YEAR;
            case DECIMAL -> ColumnType.NEWDECIMAL;
            case DOUBLE -> ColumnType.DOUBLE;
            case TEMPORAL -> ColumnType.DATETIME;
            case TIME -> ColumnType.TIME;
            case BIT -> ColumnType.BIT;
            case BINARY -> ColumnType.BLOB;
            case STRING, ENUM_OR_SET -> ColumnType.VAR_STRING;
            case NULL_TYPE -> ColumnType.NULL;
        };
        return new Column("", "", "", name, "", t.collationId(), 255, type, t.unsigned() ? Column.UNSIGNED : 0, t.decimals());
    }

    static Row row(SqlValue[] values, List<Column> columns) {
        byte[][] cells = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] instanceof SqlValue.Raw r ? r.text()
                    : values[i].isNull() ? null : Formatter.plainText(values[i]).getBytes(StandardCharsets.UTF_8);
        }
        return new Row(cells);
    }
}

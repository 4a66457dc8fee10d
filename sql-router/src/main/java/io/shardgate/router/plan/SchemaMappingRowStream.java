package io.shardgate.router.plan;

import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.util.ArrayList;
import java.util.List;

/** Column metadata names the physical database; clients must see the logical schema. */
final class SchemaMappingRowStream implements RowStream {

    private final RowStream inner;
    private final List<Column> columns;

    SchemaMappingRowStream(RowStream inner, String physical, String logical) {
        this.inner = inner;
        List<Column> mapped = new ArrayList<>(inner.columns().size());
        for (Column c : inner.columns()) {
            mapped.add(physical.equals(c.schema()) ? c.withSchema(logical) : c);
        }
        this.columns = List.copyOf(mapped);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Row next() {
        return inner.next();
    }

    @Override
    public void close() {
        inner.close();
    }
}

package io.shardgate.router.collation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A weight table in this package's resources, read on first use and kept: a proxy that never meets a
 * unicode_520_ci column never pays for its table.
 */
final class TableResource implements Supplier<WeightTable> {

    private final String file;
    private volatile WeightTable table; // written once under this

    TableResource(String file) {
        this.file = file;
    }

    /** @throws UncheckedIOException if the resource is missing or damaged, a broken build */
    @Override
    public WeightTable get() {
        WeightTable loaded = table;
        if (loaded == null) {
            synchronized (this) {
                loaded = table;
                if (loaded == null) {
                    loaded = load();
                    table = loaded;
                }
            }
        }
        return loaded;
    }

    private WeightTable load() {
        try (InputStream in = TableResource.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IOException("resource missing");
            }
            return WeightTable.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read collation table " + file, e);
        }
    }

    @Override
    public String toString() {
        return file;
    }
}

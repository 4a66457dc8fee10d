package io.shardgate.router.collation;

import java.util.Arrays;

/** The {@code binary} collation of BINARY, VARBINARY and BLOB values: bytes by value, no padding. */
final class BinaryCollation implements Collation {

    static final int ID = 63;

    @Override
    public int id() {
        return ID;
    }

    @Override
    public String name() {
        return "binary";
    }

    @Override
    public int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    // The binary charset has no space to pad with; BINARY(n) pads with NUL when storing, not comparing.
    @Override
    public boolean padSpace() {
        return false;
    }

    @Override
    public byte[] sortKey(byte[] bytes) {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return name();
    }
}

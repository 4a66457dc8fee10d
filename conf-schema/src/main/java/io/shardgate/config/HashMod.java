package io.shardgate.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * {@code hash-mod}: integers go to {@code floorMod(value, count)}, strings to
 * {@code floorMod(CRC32(UTF-8 bytes), count)}. An integral {@link BigDecimal} ({@code 5.00}) counts
 * as the integer it equals.
 */
public record HashMod(int count) implements ShardFunction {

    public HashMod {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
    }

    @Override
    public int shardCount() {
        return count;
    }

    @Override
    public int shardOf(Object value) {
        return switch (value) {
            case Long l -> (int) Math.floorMod(l, (long) count);
            case Integer i -> Math.floorMod(i, count);
            case BigInteger b -> b.mod(BigInteger.valueOf(count)).intValue();
            case BigDecimal d -> shardOf(IntegerKeys.integral(d, "hash-mod"));
            case String s -> crc(s.getBytes(StandardCharsets.UTF_8));
            case byte[] bytes -> crc(bytes);
            case null, default -> throw new IllegalArgumentException(
                    "hash-mod takes integer or string keys, not " + IntegerKeys.typeOf(value));
        };
    }

    private int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) Math.floorMod(crc.getValue(), (long) count);
    }
}

package io.shardgate.server.session;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A system variable ShardGate knows: its kind decides how SET values are checked and how the value
 * reads back (booleans are 1/0 in SELECT, ON/OFF in SHOW VARIABLES, as in MariaDB).
 */
record VariableDefinition(String name, Kind kind, Object defaultValue, boolean readOnly) {

    enum Kind { BOOLEAN, INTEGER, STRING }

    /** The value to store for a SET, or 1231/1232 when it does not fit the kind. */
    Object accept(Object value) {
        if (readOnly) {
            throw new ShardGateException(1238, "HY000", "Variable '" + name + "' is a read only variable", null);
        }
        return switch (kind) {
            case BOOLEAN -> bool(value);
            case INTEGER -> integer(value);
            case STRING -> {
                if (value == null && name.equals("character_set_results")) {
                    // NULL means "send results in each column's own character set"
                    yield null;
                }
                if (value == null) {
                    throw new ShardGateException(ErrorCode.WRONG_VALUE_FOR_VAR, name, "NULL");
                }
                yield value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            }
        };
    }

    private Object bool(Object value) {
        if (value instanceof Long l && (l == 0 || l == 1)) {
            return l;
        }
        if (value instanceof String s) {
            switch (s.toUpperCase(Locale.ROOT)) {
                case "ON", "TRUE", "1" -> {
                    return 1L;
                }
                case "OFF", "FALSE", "0" -> {
                    return 0L;
                }
                default -> {
                }
            }
        }
        throw new ShardGateException(ErrorCode.WRONG_VALUE_FOR_VAR, name, String.valueOf(value));
    }

    private Object integer(Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return d.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
        throw new ShardGateException(1232, "42000", "Incorrect argument type to variable '" + name + "'", null);
    }

    /** How SHOW VARIABLES prints the value. */
    String show(Object value) {
        if (kind == Kind.BOOLEAN && value instanceof Long l) {
            return l == 0 ? "OFF" : "ON";
        }
        return value == null ? "" : String.valueOf(value);
    }
}

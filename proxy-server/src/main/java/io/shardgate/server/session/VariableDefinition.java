package io.shardgate.server.session;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A system variable ShardGate knows: its kind decides how SET values are checked and how the value
 * reads back (booleans are 1/0 in SELECT, ON/OFF in SHOW VARIABLES, as in MariaDB).
 *
 * @param backendName the variable's name on the backends when a client's value must be in force
 *                    on the backend connections that run its statements (sql_mode, time_zone);
 *                    null for variables the proxy itself implements or that do not matter there
 */
record VariableDefinition(String name, Kind kind, Object defaultValue, boolean readOnly, String backendName) {

    enum Kind { BOOLEAN, INTEGER, DOUBLE, STRING }

    VariableDefinition(String name, Kind kind, Object defaultValue, boolean readOnly) {
        this(name, kind, defaultValue, readOnly, null);
    }

    boolean appliedToBackends() {
        return backendName != null;
    }

    /** The same variable with another default (the backends' own, read at start). */
    VariableDefinition withDefault(Object value) {
        return new VariableDefinition(name, kind, value, readOnly, backendName);
    }

    /** Whether {@code value} (as {@link #accept} stored it) is the default. */
    boolean isDefault(Object value) {
        return java.util.Objects.equals(value, defaultValue);
    }

    /** The value to store for a SET, or 1231/1232 when it does not fit the kind. */
    Object accept(Object value) {
        if (readOnly) {
            throw new ShardGateException(1238, "HY000", "Variable '" + name + "' is a read only variable", null);
        }
        return switch (kind) {
            case BOOLEAN -> bool(value);
            case INTEGER -> integer(value);
            case DOUBLE -> number(value);
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

    private Object number(Object value) {
        return switch (value) {
            case Double d -> d;
            case Number n -> n.doubleValue();
            case null, default -> throw new ShardGateException(1232, "42000", "Incorrect argument type to variable '" + name + "'", null);
        };
    }

    /** How SHOW VARIABLES prints the value. */
    String show(Object value) {
        if (kind == Kind.BOOLEAN && value instanceof Long l) {
            return l == 0 ? "OFF" : "ON";
        }
        if (kind == Kind.DOUBLE && value instanceof Double d) {
            return String.format(java.util.Locale.ROOT, "%.6f", d); // as MariaDB shows max_statement_time
        }
        return value == null ? "" : String.valueOf(value);
    }
}

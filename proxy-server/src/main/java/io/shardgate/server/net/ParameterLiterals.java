package io.shardgate.server.net;

import io.shardgate.protocol.ParameterType;
import io.shardgate.protocol.StmtExecute;
import io.shardgate.protocol.charset.MariaDbCharset;
import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.SqlLiterals;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Bound parameter values of COM_STMT_EXECUTE as the SQL literals that mean the same to MariaDB:
 * integers and decimals as numbers, FLOAT and DOUBLE as DOUBLE literals ({@code 1.5E0}), temporal
 * values as quoted text (MariaDB converts them by context, and routing compares them as it would),
 * character data as quoted text, decoded from the client's character_set_client as MariaDB takes
 * it, and binary data (BLOB, BIT and GEOMETRY types, and bytes that are no characters of the
 * client's character set) as hexadecimal literals, which MariaDB reads as binary strings, as it
 * reads a BLOB-typed parameter.
 */
final class ParameterLiterals {

    private static final int TYPE_DECIMAL = 0;
    private static final int TYPE_BIT = 16;
    private static final int TYPE_NEWDECIMAL = 246;
    private static final int TYPE_TINY_BLOB = 249;
    private static final int TYPE_BLOB = 252;
    private static final int TYPE_GEOMETRY = 255;

    private ParameterLiterals() {
    }

    static List<String> of(StmtExecute.Parameters parameters, PreparedStatement statement, MariaDbCharset client,
                           boolean backslashEscapes) {
        List<String> out = new ArrayList<>(parameters.values().size());
        for (int i = 0; i < parameters.values().size(); i++) {
            Object v = parameters.values().get(i);
            if (v == StmtExecute.LONG_DATA) {
                v = statement.longData(i);
            }
            out.add(literal(parameters.types().get(i), v, i, client, backslashEscapes));
        }
        return out;
    }

    static String literal(ParameterType type, Object value, int index, MariaDbCharset client, boolean backslashEscapes) {
        return switch (value) {
            case null -> "NULL";
            case Long l -> l.toString();
            case BigInteger b -> b.toString();
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    throw ShardGateException.detailed(ErrorCode.WRONG_ARGUMENTS,
                            "parameter " + (index + 1) + " is " + d + ", which SQL cannot hold", "mysqld_stmt_execute");
                }
                yield SqlLiterals.ofDouble(d);
            }
            case String temporal -> MysqlStrings.quote(temporal, backslashEscapes);
            case byte[] bytes -> bytes(type.type(), bytes, client, backslashEscapes);
            default -> throw new IllegalStateException("unexpected parameter value " + value.getClass());
        };
    }

    private static String bytes(int type, byte[] bytes, MariaDbCharset client, boolean backslashEscapes) {
        if (type == TYPE_DECIMAL || type == TYPE_NEWDECIMAL) {
            return SqlLiterals.number(new String(bytes, StandardCharsets.ISO_8859_1), backslashEscapes);
        }
        if ((type >= TYPE_TINY_BLOB && type <= TYPE_BLOB) || type == TYPE_BIT || type == TYPE_GEOMETRY) {
            return SqlLiterals.hex(bytes);
        }
        if (client.isUtf8() || client == MariaDbCharset.BINARY) {
            // as they are; bytes that are no UTF-8 in hexadecimal, without decoding a large value twice
            return SqlLiterals.text(bytes, backslashEscapes);
        }
        return SqlLiterals.of(client.decode(bytes), backslashEscapes);
    }
}

package io.shardgate.router.plan;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.SqlLiterals;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** The right-hand side of a {@code SET} assignment, resolved when the statement executes. */
public sealed interface SetValue {

    Object resolve(ExecutionContext context);

    /** A literal: Long, String, BigDecimal, Double or null. Keywords like ON arrive as strings. */
    record Constant(Object value) implements SetValue {
        @Override
        public Object resolve(ExecutionContext context) {
            return value;
        }
    }

    /** {@code DEFAULT}: the variable's global/compiled default. */
    record Default() implements SetValue {
        @Override
        public Object resolve(ExecutionContext context) {
            return DEFAULT;
        }
    }

    /** {@code @@[scope.]name}. */
    record SystemReference(String name, VariableScope scope) implements SetValue {
        @Override
        public Object resolve(ExecutionContext context) {
            return context.session().systemVariable(name, scope);
        }
    }

    /** {@code @name}. */
    record UserReference(String name) implements SetValue {
        @Override
        public Object resolve(ExecutionContext context) {
            return context.session().userVariable(name);
        }
    }

    /**
     * An expression ({@code CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES')}) evaluated by a backend as
     * {@code SELECT expr}, with the session's variables put in as literals first: the backend's own
     * session variables are not the client's.
     *
     * @param parts     the expression's text pieces; variables sit between them
     * @param variables the variable references, {@code parts.size() - 1} of them
     * @param node      the data node that evaluates it
     * @param database  that node's physical database
     */
    record Computed(List<String> parts, List<SetValue> variables, String node, String database) implements SetValue {
        @Override
        public Object resolve(ExecutionContext context) {
            // Parenthesised so that trailing text ("SET @a = 1 garbage") is an error, not an alias.
            StringBuilder sql = new StringBuilder("SELECT (");
            for (int i = 0; i < parts.size(); i++) {
                sql.append(parts.get(i));
                if (i < variables.size()) {
                    sql.append(SqlLiterals.of(variables.get(i).resolve(context), context.session().backslashEscapes()));
                }
            }
            sql.append(')');
            Result r = context.shards().execute(new ShardStatement(node, database, sql.toString()));
            if (!(r instanceof RowStream rows)) {
                throw new ShardGateException(1105, "HY000", "SET value expression returned no row", null);
            }
            try (rows) {
                Row row = rows.next();
                Column c = rows.columns().getFirst();
                String text = row == null ? null : row.text(0);
                if (text == null) {
                    return null;
                }
                // The user variable takes the value's type, as in MariaDB: INTEGER, DECIMAL, REAL
                // (a double, written back with an exponent) or a string; binary strings keep their bytes.
                return switch (c.type()) {
                    case TINY, SHORT, LONG, INT24, LONGLONG -> new BigInteger(text).bitLength() < 64 ? (Object) Long.parseLong(text) : new BigInteger(text);
                    case DECIMAL, NEWDECIMAL -> new BigDecimal(text);
                    case FLOAT, DOUBLE -> Double.parseDouble(text);
                    default -> c.collationId() == Column.BINARY_COLLATION ? row.cell(0) : text;
                };
            }
        }

        @Override
        public String toString() {
            return "(" + String.join("?", parts) + ") on " + node;
        }
    }

    /** Marker value handed to {@link SessionState#setSystemVariable} for {@code DEFAULT}. */
    Object DEFAULT = new Object() {
        @Override
        public String toString() {
            return "DEFAULT";
        }
    };
}

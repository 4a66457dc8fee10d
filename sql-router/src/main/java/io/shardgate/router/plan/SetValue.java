package io.shardgate.router.plan;

/** The right-hand side of a {@code SET} assignment, resolved when the statement executes. */
public sealed interface SetValue {

    Object resolve(SessionState session);

    /** A literal: Long, String, BigDecimal or null. Keywords like ON arrive as strings. */
    record Constant(Object value) implements SetValue {
        @Override
        public Object resolve(SessionState session) {
            return value;
        }
    }

    /** {@code DEFAULT}: the variable's global/compiled default. */
    record Default() implements SetValue {
        @Override
        public Object resolve(SessionState session) {
            return DEFAULT;
        }
    }

    /** {@code @@[scope.]name}. */
    record SystemReference(String name, VariableScope scope) implements SetValue {
        @Override
        public Object resolve(SessionState session) {
            return session.systemVariable(name, scope);
        }
    }

    /** {@code @name}. */
    record UserReference(String name) implements SetValue {
        @Override
        public Object resolve(SessionState session) {
            return session.userVariable(name);
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

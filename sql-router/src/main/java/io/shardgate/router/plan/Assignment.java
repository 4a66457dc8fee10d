package io.shardgate.router.plan;

/** One assignment of a {@code SET} statement. */
public sealed interface Assignment {

    void apply(ExecutionContext context);

    record SystemVariable(String name, VariableScope scope, SetValue value) implements Assignment {
        @Override
        public void apply(ExecutionContext context) {
            context.session().setSystemVariable(name, scope, value.resolve(context));
        }

        @Override
        public String toString() {
            return (scope == VariableScope.DEFAULT ? "" : scope + " ") + name + " = " + value;
        }
    }

    record UserVariable(String name, SetValue value) implements Assignment {
        @Override
        public void apply(ExecutionContext context) {
            context.session().setUserVariable(name, value.resolve(context));
        }

        @Override
        public String toString() {
            return "@" + name + " = " + value;
        }
    }

    /**
     * {@code SET NAMES cs [COLLATE co]} and {@code SET CHARACTER SET cs} ({@code characterSet}: the
     * connection's character set becomes the database's); null charset means DEFAULT.
     */
    record Names(String charset, String collation, boolean characterSet) implements Assignment {

        public Names(String charset, String collation) {
            this(charset, collation, false);
        }

        @Override
        public String toString() {
            return characterSet ? "CharacterSet[charset=" + charset + "]"
                    : "Names[charset=" + charset + ", collation=" + collation + "]";
        }

        @Override
        public void apply(ExecutionContext context) {
            if (characterSet) {
                context.session().setCharacterSet(charset);
            } else {
                context.session().setNames(charset, collation);
            }
        }
    }
}

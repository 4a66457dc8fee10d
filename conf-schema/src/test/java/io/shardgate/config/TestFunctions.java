package io.shardgate.config;

/** Classes named by {@code type: custom} functions in tests, one per way a plug-in can be wrong (or right). */
public final class TestFunctions {

    private TestFunctions() {
    }

    /** Right: made with no arguments. */
    public static final class TwoShards implements ShardFunction {
        @Override
        public int shardCount() {
            return 2;
        }

        @Override
        public int shardOf(Object value) {
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TwoShards;
        }

        @Override
        public int hashCode() {
            return 2;
        }
    }

    public static final class NotAFunction {
    }

    public abstract static class Abstract implements ShardFunction {
    }

    static final class Hidden extends Abstract {
        @Override
        public int shardCount() {
            return 1;
        }

        @Override
        public int shardOf(Object value) {
            return 0;
        }
    }

    public static final class IntConstructor extends Abstract {
        public IntConstructor(int shards) {
        }

        @Override
        public int shardCount() {
            return 1;
        }

        @Override
        public int shardOf(Object value) {
            return 0;
        }
    }

    public static final class ZeroShards extends Abstract {
        @Override
        public int shardCount() {
            return 0;
        }

        @Override
        public int shardOf(Object value) {
            return 0;
        }
    }

    public static final class FailingInit extends Abstract {
        static {
            if (Boolean.TRUE) {
                throw new IllegalStateException("licence file missing");
            }
        }

        @Override
        public int shardCount() {
            return 1;
        }

        @Override
        public int shardOf(Object value) {
            return 0;
        }
    }
}

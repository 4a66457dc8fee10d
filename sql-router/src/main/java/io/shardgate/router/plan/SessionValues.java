package io.shardgate.router.plan;

/**
 * Session variables the proxy's own evaluation follows, as MariaDB's would: what it computes must
 * match what a backend with the session's settings computes.
 */
public final class SessionValues {

    private SessionValues() {
    }

    /** {@code group_concat_max_len}: bytes a GROUP_CONCAT result is cut at. */
    public static long groupConcatMaxLen(SessionState session) {
        return number(session, "group_concat_max_len", 1_048_576L);
    }

    /** {@code div_precision_increment}: digits a division (and AVG) adds to its dividend's scale. */
    public static int divPrecision(SessionState session) {
        return (int) number(session, "div_precision_increment", 4);
    }

    private static long number(SessionState session, String name, long otherwise) {
        try {
            return session.systemVariable(name, VariableScope.DEFAULT) instanceof Long l ? l : otherwise;
        } catch (RuntimeException unknown) {
            return otherwise;
        }
    }
}

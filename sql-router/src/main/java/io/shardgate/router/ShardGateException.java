package io.shardgate.router;

/**
 * The one exception type that reaches the client as an ERR packet: it carries the MySQL error
 * number, SQLSTATE and message. Backend errors keep the backend's own number and state.
 */
public final class ShardGateException extends RuntimeException {

    private final int errorNumber;
    private final String sqlState;

    public ShardGateException(ErrorCode code, Object... args) {
        this(code.number(), code.sqlState(), code.format(args), null);
    }

    public ShardGateException(int errorNumber, String sqlState, String message, Throwable cause) {
        super(message, cause, true, cause != null);
        this.errorNumber = errorNumber;
        this.sqlState = sqlState == null || sqlState.length() != 5 ? "HY000" : sqlState;
    }

    /**
     * MariaDB's message for {@code code}, so clients recognise it, followed by what exactly was
     * wrong: {@code Incorrect arguments to EXECUTE (statement p takes 2 values, USING gave 1)}.
     */
    public static ShardGateException detailed(ErrorCode code, String detail, Object... args) {
        return new ShardGateException(code.number(), code.sqlState(), code.format(args) + " (" + detail + ")", null);
    }

    public static ShardGateException notSupported(String what) {
        return new ShardGateException(ErrorCode.NOT_SUPPORTED, what);
    }

    public int errorNumber() {
        return errorNumber;
    }

    public String sqlState() {
        return sqlState;
    }
}

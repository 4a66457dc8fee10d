package io.shardgate.router;

/**
 * The MySQL errors ShardGate itself raises: number, SQLSTATE and message template, as MariaDB
 * words them where MariaDB has the same error, so clients and ORMs recognise them.
 */
public enum ErrorCode {
    ACCESS_DENIED(1045, "28000", "Access denied for user '%s'@'%s' (using password: %s)"),
    DB_ACCESS_DENIED(1044, "42000", "Access denied for user '%s'@'%s' to database '%s'"),
    TABLE_ACCESS_DENIED(1142, "42000", "%s command denied to user '%s'@'%s' for table `%s`.`%s`"),
    UNKNOWN_DATABASE(1049, "42000", "Unknown database '%s'"),
    NO_DATABASE_SELECTED(1046, "3D000", "No database selected"),
    NO_SUCH_TABLE(1146, "42S02", "Table '%s.%s' doesn't exist"),
    UNKNOWN_COMMAND(1047, "08S01", "Unknown command"),
    PARSE_ERROR(1064, "42000", "You have an error in your SQL syntax: %s"),
    EMPTY_QUERY(1065, "42000", "Query was empty"),
    NOT_SUPPORTED(1235, "42000", "Statement not supported: %s"),
    BAD_FIELD(1054, "42S22", "Unknown column '%s' in '%s'"),
    AMBIGUOUS_FIELD(1052, "23000", "Column '%s' in %s is ambiguous"),
    UNKNOWN_SYSTEM_VARIABLE(1193, "HY000", "Unknown system variable '%s'"),
    WRONG_VALUE_FOR_VAR(1231, "42000", "Variable '%s' can't be set to the value of '%s'"),
    NO_SUCH_SAVEPOINT(1305, "42000", "SAVEPOINT %s does not exist"),
    UNKNOWN_CHARACTER_SET(1115, "42000", "Unknown character set: '%s'"),
    UNKNOWN_COLLATION(1273, "HY000", "Unknown collation: '%s'"),
    INCORRECT_INTEGER_VALUE(1366, "22007", "Incorrect integer value: '%s' for column `%s`.`%s`"),
    UNKNOWN_STMT_HANDLER(1243, "HY000", "Unknown prepared statement handler (%s) given to %s"),
    WRONG_ARGUMENTS(1210, "HY000", "Incorrect arguments to %s"),
    TOO_MANY_PREPARED(1461, "42000", "Can't create more than max_prepared_stmt_count statements (current value: %s)"),
    NOT_PREPARABLE(1295, "HY000", "This command is not supported in the prepared statement protocol yet"),
    NO_OPEN_CURSOR(1421, "HY000", "The statement (%s) has no open cursor"),
    TOO_MANY_PLACEHOLDERS(1390, "HY000", "Prepared statement contains too many placeholders"),
    PACKET_TOO_LARGE(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes"),
    HANDSHAKE_ERROR(1043, "08S01", "Bad handshake"),
    AUTH_MODE_NOT_SUPPORTED(1251, "08004",
            "Client does not support authentication protocol requested by server; consider upgrading MariaDB client"),
    MALFORMED_PACKET(1835, "HY000", "Malformed communication packet: %s"),
    QUERY_INTERRUPTED(1317, "70100", "Query execution was interrupted"),
    CONNECTION_KILLED(1927, "70100", "Connection was killed"),
    NO_SUCH_THREAD(1094, "HY000", "Unknown thread id: %d"),
    KILL_DENIED(1095, "HY000", "You are not owner of thread %d"),
    PROCEDURE_CANNOT_RETURN_RESULTS(1312, "0A000", "PROCEDURE %s can't return a result set in the given context"),
    BACKEND_UNAVAILABLE(2003, "HY000", "Can't connect to data node '%s' (%s): %s"),
    BACKEND_ERROR(1105, "HY000", "%s"),
    UNKNOWN_ERROR(1105, "HY000", "%s");

    private final int number;
    private final String sqlState;
    private final String template;

    ErrorCode(int number, String sqlState, String template) {
        this.number = number;
        this.sqlState = sqlState;
        this.template = template;
    }

    public int number() {
        return number;
    }

    public String sqlState() {
        return sqlState;
    }

    public String format(Object... args) {
        return args.length == 0 ? template : String.format(template, args);
    }
}

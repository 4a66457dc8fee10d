package io.shardgate.router;

import java.util.Set;

/**
 * The words a MariaDB statement can start with. A statement ShardGate does not plan is refused in
 * one of two ways: one MariaDB would run (it starts with one of these words) is "not supported"
 * (1235), anything else is a syntax error (1064) as MariaDB reports it, so a typo such as
 * {@code SELEC 1} gets the error a client expects from a server.
 */
final class StatementWords {

    private static final Set<String> MARIADB = Set.of("ALTER", "ANALYZE", "BACKUP", "BEGIN", "BINLOG", "CACHE", "CALL",
            "CASE", "CHANGE", "CHECK", "CHECKSUM", "CLOSE", "COMMIT", "CREATE", "DEALLOCATE", "DECLARE", "DELETE", "DESC",
            "DESCRIBE", "DO", "DROP", "EXECUTE", "EXPLAIN", "FETCH", "FLUSH", "GET", "GRANT", "HANDLER", "HELP", "IF",
            "INSERT", "INSTALL", "ITERATE", "KILL", "LEAVE", "LOAD", "LOCK", "LOOP", "OPEN", "OPTIMIZE", "PREPARE", "PURGE",
            "RELEASE", "RENAME", "REPAIR", "REPEAT", "REPLACE", "RESET", "RESIGNAL", "RETURN", "REVOKE", "ROLLBACK",
            "SAVEPOINT", "SELECT", "SET", "SHOW", "SHUTDOWN", "SIGNAL", "START", "STOP", "TRUNCATE", "UNINSTALL", "UNLOCK",
            "UPDATE", "USE", "VALUES", "WHILE", "WITH", "XA", "(");

    private StatementWords() {
    }

    /** The refusal of a statement starting with {@code keyword} that ShardGate does not plan. */
    static ShardGateException refusal(String keyword, String sql) {
        if (MARIADB.contains(keyword)) {
            return ShardGateException.notSupported(keyword + " statement");
        }
        String near = sql.length() <= 80 ? sql : sql.substring(0, 80);
        return new ShardGateException(ErrorCode.PARSE_ERROR, (keyword.isEmpty() ? "no statement" : "'" + keyword
                + "' does not start a statement") + " (near '" + near + "' at line 1)");
    }
}

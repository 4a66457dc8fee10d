package io.shardgate.server.session;

import io.shardgate.router.parse.ParsedSql;
import java.util.Locale;
import java.util.Set;

/**
 * What kind of statement a client sent, as far as the session's bookkeeping cares: which
 * {@code Com_*} status counter it counts in, whether it clears the diagnostics area (MariaDB
 * clears it for statements that use tables), and whether its rows are FOUND_ROWS() (all that
 * return rows but SHOW WARNINGS and SHOW ERRORS).
 */
public record StatementClass(String counter, boolean usesTables, boolean setsFoundRows) {

    /** Statements that touch no table: they leave the previous statement's warnings readable. */
    private static final Set<String> TABLELESS = Set.of("SET", "USE", "BEGIN", "START", "COMMIT", "ROLLBACK",
            "SAVEPOINT", "RELEASE", "DO", "XA", "DEALLOCATE");

    public static StatementClass of(ParsedSql statement) {
        String first = statement.keyword(0);
        String second = statement.keyword(1);
        boolean showsDiagnostics = first.equals("SHOW") && (second.equals("WARNINGS") || second.equals("ERRORS"));
        return new StatementClass(counter(first, second, statement.keyword(2)), usesTables(statement, first, second),
                !showsDiagnostics);
    }

    private static boolean usesTables(ParsedSql s, String first, String second) {
        if (TABLELESS.contains(first) || (first.equals("DROP") && second.equals("PREPARE"))) {
            return false;
        }
        if (first.equals("SHOW")) {
            // SHOW WARNINGS, SHOW ERRORS and SHOW COUNT(*) WARNINGS read the diagnostics area itself;
            // SHOW CREATE DATABASE reads a database's options, no table
            return !(second.equals("WARNINGS") || second.equals("ERRORS") || second.equals("COUNT")
                    || (second.equals("CREATE") && (s.keyword(2).equals("DATABASE") || s.keyword(2).equals("SCHEMA"))));
        }
        if (first.equals("SELECT")) {
            return hasTopLevelFrom(s);
        }
        return true;
    }

    /** A FROM naming anything but DUAL, outside parentheses. */
    private static boolean hasTopLevelFrom(ParsedSql s) {
        int from = s.topLevel("FROM");
        return from >= 0 && !s.keyword(from + 1).equals("DUAL");
    }

    private static String counter(String first, String second, String third) {
        String name = switch (first) {
            case "SELECT", "WITH", "(" -> "select";
            case "INSERT", "UPDATE", "DELETE", "REPLACE", "COMMIT", "SAVEPOINT", "TRUNCATE" -> first.toLowerCase(Locale.ROOT);
            case "SET" -> "set_option";
            case "USE" -> "change_db";
            case "BEGIN", "START" -> "begin";
            case "ROLLBACK" -> second.equals("TO") || third.equals("TO") ? "rollback_to_savepoint" : "rollback";
            case "RELEASE" -> "release_savepoint";
            case "SHOW" -> show(second, third);
            case "DROP" -> second.equals("PREPARE") ? "dealloc_sql" : second.equals("TABLE") || second.equals("INDEX")
                    ? "drop_" + second.toLowerCase(Locale.ROOT) : null;
            case "CREATE", "ALTER" -> second.equals("TABLE") || second.equals("INDEX")
                    ? first.toLowerCase(Locale.ROOT) + "_" + second.toLowerCase(Locale.ROOT) : null;
            case "EXPLAIN", "DESC", "DESCRIBE" -> "select";
            case "PREPARE" -> "prepare_sql";
            case "EXECUTE" -> "execute_sql";
            case "DEALLOCATE" -> "dealloc_sql";
            default -> null;
        };
        return name == null ? null : "Com_" + name;
    }

    private static String show(String second, String third) {
        String what = second.equals("GLOBAL") || second.equals("SESSION") || second.equals("FULL") ? third : second;
        return switch (what) {
            case "WARNINGS", "ERRORS", "STATUS", "VARIABLES", "TABLES", "DATABASES" -> "show_" + what.toLowerCase(Locale.ROOT);
            case "COLUMNS", "FIELDS" -> "show_fields";
            case "INDEX", "INDEXES", "KEYS" -> "show_keys";
            case "CREATE" -> "show_create_table";
            case "COUNT" -> "show_warnings";
            default -> null;
        };
    }
}

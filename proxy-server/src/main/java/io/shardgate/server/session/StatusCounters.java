package io.shardgate.server.session;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters of SHOW STATUS: the proxy's own (Questions, Com_select, ...), kept once for the whole
 * proxy (GLOBAL) and once per session (SESSION, which also shows the global-only values such as
 * Uptime, as MariaDB does).
 */
public final class StatusCounters {

    private static final String[] STATEMENT_COUNTERS = {"Com_select", "Com_insert", "Com_update", "Com_delete",
        "Com_replace", "Com_set_option", "Com_begin", "Com_commit", "Com_rollback", "Com_savepoint",
        "Com_rollback_to_savepoint", "Com_release_savepoint", "Com_change_db", "Com_show_warnings",
        "Com_show_errors", "Com_show_status", "Com_show_variables", "Com_show_tables", "Com_show_databases",
        "Com_show_fields", "Com_show_keys", "Com_show_create_table", "Com_create_table", "Com_drop_table",
        "Com_alter_table", "Com_create_index", "Com_drop_index", "Com_truncate", "Com_prepare_sql",
        "Com_execute_sql", "Com_dealloc_sql", "Com_stmt_prepare", "Com_stmt_execute", "Com_stmt_fetch",
        "Com_stmt_reset", "Com_stmt_close", "Com_stmt_send_long_data"};

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    /** Values read when shown: Uptime, Threads_connected. */
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    public StatusCounters() {
        for (String name : STATEMENT_COUNTERS) {
            counters.put(name, new LongAdder());
        }
        counters.put("Questions", new LongAdder());
        counters.put("Queries", new LongAdder());
        counters.put("Connections", new LongAdder());
    }

    /** One client statement of class {@code s}. */
    public void statement(StatementClass s) {
        counters.get("Questions").increment();
        counters.get("Queries").increment();
        if (s.counter() != null) {
            counters.computeIfAbsent(s.counter(), k -> new LongAdder()).increment();
        }
    }

    /**
     * A command counted apart from the statement it may run (COM_STMT_PREPARE, COM_STMT_EXECUTE,
     * ...): its {@code Com_stmt_*} counter only. Questions counts the statement an execution runs.
     */
    public void command(String counter) {
        counters.computeIfAbsent(counter, k -> new LongAdder()).increment();
    }

    public void connection() {
        counters.get("Connections").increment();
    }

    /** A value computed when shown. */
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    /** Every counter's and gauge's value, sorted by name. */
    public SortedMap<String, Object> values() {
        SortedMap<String, Object> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        counters.forEach((name, value) -> out.put(name, value.sum()));
        gauges.forEach((name, value) -> out.put(name, value.getAsLong()));
        return out;
    }

    /** SHOW SESSION STATUS: this session's statement counters over the proxy's other values. */
    public SortedMap<String, Object> overlay(StatusCounters session) {
        SortedMap<String, Object> out = values();
        session.counters.forEach((name, value) -> {
            if (!name.equals("Connections")) {
                out.put(name, value.sum());
            }
        });
        return out;
    }
}

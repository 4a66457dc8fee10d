package io.shardgate.router.plan;

import java.util.List;

/**
 * Where a statement's backends and primitives report what MariaDB keeps in its diagnostics area:
 * the conditions (warnings, notes) they raised, and FOUND_ROWS() of a SQL_CALC_FOUND_ROWS query.
 * Called from the threads of a fan-out at once, so implementations are thread-safe.
 */
public interface Diagnostics {

    /**
     * @param count  how many conditions were raised (the warning count of the OK or EOF packet)
     * @param listed those of them the backend listed, at most {@code max_error_count}
     */
    void add(long count, List<Condition> listed);

    default void add(Condition condition) {
        add(1, List.of(condition));
    }

    /** A backend's FOUND_ROWS() after a SQL_CALC_FOUND_ROWS query; several shards' add up. */
    void foundRows(long rows);

    /**
     * Status flags a backend set that describe how it ran the statement (NO_INDEX_USED,
     * NO_GOOD_INDEX_USED); the client's final packet carries those of every shard.
     */
    default void statusFlags(int flags) {
    }

    /** Discards everything, for callers that have no client to tell. */
    Diagnostics IGNORED = new Diagnostics() {
        @Override
        public void add(long count, List<Condition> listed) {
        }

        @Override
        public void foundRows(long rows) {
        }
    };
}

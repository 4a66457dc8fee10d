package io.shardgate.server.session;

import io.shardgate.router.ShardGateException;
import io.shardgate.router.plan.Condition;
import io.shardgate.router.plan.Diagnostics;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's diagnostics area, as MariaDB keeps it: the conditions of the last statement that
 * raised any, for SHOW WARNINGS / SHOW ERRORS / {@code @@warning_count}.
 *
 * <p>MariaDB clears the list when a statement that uses tables starts, and replaces it when a
 * statement raises conditions; a statement without tables that raises none (SET, SELECT 1,
 * SHOW WARNINGS itself) leaves the previous statement's list readable. Conditions arrive while
 * a statement runs, from the shards of a fan-out at once, so adding is synchronized; what the
 * client reads is kept apart until the statement ends.
 */
public final class SessionDiagnostics implements Diagnostics {

    /** max_error_count of the running statement. */
    private int maxListed;

    /** The running statement's. */
    private long count;
    private final List<Condition> listed = new ArrayList<>();
    private Long foundRows;
    private int statusFlags;

    /** The last statement's, as the client sees them. */
    private List<Condition> visible = List.of();
    private long visibleCount;

    public SessionDiagnostics() {
        this.maxListed = 64;
    }

    @Override
    public synchronized void add(long n, List<Condition> conditions) {
        count += n;
        for (Condition c : conditions) {
            if (listed.size() < maxListed) {
                listed.add(c);
            }
        }
    }

    @Override
    public synchronized void foundRows(long rows) {
        foundRows = foundRows == null ? rows : foundRows + rows;
    }

    @Override
    public synchronized void statusFlags(int flags) {
        statusFlags |= flags;
    }

    /** The backends' status flags of the running statement. */
    public synchronized int backendStatusFlags() {
        return statusFlags;
    }

    /**
     * A statement starts: nothing of it recorded yet.
     *
     * @param maxErrorCount conditions kept for SHOW WARNINGS (max_error_count); all are counted
     */
    public synchronized void begin(long maxErrorCount) {
        maxListed = (int) Math.max(0, Math.min(maxErrorCount, 65535));
        count = 0;
        listed.clear();
        foundRows = null;
        statusFlags = 0;
    }

    /**
     * The statement ended: its conditions become what the client reads.
     *
     * @return the statement's warning count, for its OK or EOF packet
     */
    public synchronized int end(boolean usesTables) {
        if (count > 0) {
            visible = List.copyOf(listed);
            visibleCount = count;
        } else if (usesTables) {
            visible = List.of();
            visibleCount = 0;
        }
        return (int) Math.min(count, 0xFFFF);
    }

    /** The statement failed: the error is its last condition. */
    public synchronized void fail(ShardGateException e, boolean usesTables) {
        add(new Condition(Condition.Level.ERROR, e.errorNumber(), e.getMessage() == null ? "" : e.getMessage()));
        end(usesTables);
    }

    /** FOUND_ROWS() a backend computed for the running statement, or null. */
    public synchronized Long backendFoundRows() {
        return foundRows;
    }

    public synchronized List<Condition> conditions() {
        return visible;
    }

    /** {@code @@warning_count}: every condition of the last statement, errors included. */
    public synchronized long warningCount() {
        return visibleCount;
    }

    /** {@code @@error_count}. */
    public synchronized long errorCount() {
        return visible.stream().filter(c -> c.level() == Condition.Level.ERROR).count();
    }
}

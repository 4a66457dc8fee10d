package io.shardgate.router.merge;

import io.shardgate.router.plan.Condition;

/** MariaDB's warning for a GROUP_CONCAT result cut at group_concat_max_len. */
final class GroupConcatCut {

    private GroupConcatCut() {
    }

    /**
     * @param row the 1-based number MariaDB names: the input row that overflowed when the values
     *            are ordered, the group otherwise (which the proxy uses when it cannot tell the row)
     */
    static Condition warning(long row) {
        return new Condition(Condition.Level.WARNING, 1260, "Row " + row + " was cut by GROUP_CONCAT()");
    }
}

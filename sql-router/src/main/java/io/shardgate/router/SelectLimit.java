package io.shardgate.router;

import io.shardgate.router.merge.Limit;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.VariableScope;

/**
 * {@code sql_select_limit}: a SELECT without a LIMIT of its own returns at most that many rows.
 * The proxy applies it to the statement's final rows rather than setting it on the backends,
 * where it would also cut the rows a cross-shard merge, a join lookup or a subquery answered
 * first needs whole.
 */
final class SelectLimit {

    private SelectLimit() {
    }

    static Primitive apply(Primitive plan, ParsedSql parsed, SessionState session) {
        String first = parsed.keyword(0);
        if (!(first.equals("SELECT") || first.equals("WITH") || first.equals("(")) || parsed.topLevel("LIMIT") >= 0) {
            return plan;
        }
        Object limit;
        try {
            limit = session.systemVariable("sql_select_limit", VariableScope.SESSION);
        } catch (ShardGateException unknown) {
            return plan;
        }
        if (!(limit instanceof Long n) || n == Long.MAX_VALUE || n < 0) {
            return plan;
        }
        return new Limit(plan, 0, n);
    }
}

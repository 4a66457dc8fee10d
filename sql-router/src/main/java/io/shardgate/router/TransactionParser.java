package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.TransactionControl;
import io.shardgate.router.plan.TransactionControl.Action;

/** BEGIN [WORK] / START TRANSACTION [READ ONLY | READ WRITE] / COMMIT [WORK] / ROLLBACK [WORK]. */
final class TransactionParser {

    private TransactionParser() {
    }

    static Primitive parse(TokenCursor in) {
        Action action;
        if (in.accept("BEGIN")) {
            in.accept("WORK");
            action = Action.BEGIN;
        } else if (in.accept("START")) {
            in.expect("TRANSACTION");
            action = Action.BEGIN;
            do {
                if (in.acceptAll("READ", "ONLY")) {
                    action = Action.BEGIN_READ_ONLY;
                } else if (in.acceptAll("READ", "WRITE")) {
                    action = Action.BEGIN;
                } else if (in.acceptAll("WITH", "CONSISTENT", "SNAPSHOT")) {
                    // each shard's transaction takes its own snapshot at its first statement
                } else if (!in.atEnd()) {
                    throw in.syntax("unexpected START TRANSACTION option");
                }
            } while (in.accept(","));
        } else if (in.accept("COMMIT")) {
            in.accept("WORK");
            action = Action.COMMIT;
        } else {
            in.expect("ROLLBACK");
            in.accept("WORK");
            if (in.peek().equals("TO")) {
                throw ShardGateException.notSupported("ROLLBACK TO SAVEPOINT");
            }
            action = Action.ROLLBACK;
        }
        // AND NO CHAIN and NO RELEASE restate the defaults.
        in.acceptAll("AND", "NO", "CHAIN");
        in.acceptAll("NO", "RELEASE");
        if (in.acceptAll("AND", "CHAIN") || in.accept("RELEASE")) {
            throw ShardGateException.notSupported("COMMIT/ROLLBACK with CHAIN or RELEASE");
        }
        if (!in.atEnd()) {
            throw in.syntax("unexpected text");
        }
        return new TransactionControl(action);
    }
}

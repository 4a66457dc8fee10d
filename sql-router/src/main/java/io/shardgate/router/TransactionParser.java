package io.shardgate.router;

import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.TransactionControl;
import io.shardgate.router.plan.TransactionControl.Action;
import java.util.List;
import java.util.function.Supplier;

/**
 * BEGIN [WORK] / START TRANSACTION [READ ONLY | READ WRITE | WITH CONSISTENT SNAPSHOT] /
 * COMMIT [WORK] [AND [NO] CHAIN] / ROLLBACK [WORK] [AND [NO] CHAIN] / SAVEPOINT sp /
 * ROLLBACK [WORK] TO [SAVEPOINT] sp / RELEASE SAVEPOINT sp.
 *
 * <p>WITH CONSISTENT SNAPSHOT asks for one consistent point: every data node of the session's
 * schema (of every schema, without one: mariadb-dump starts its transaction before choosing a
 * database) joins the transaction at once and takes its snapshot then, rather than when a
 * statement first touches it.
 */
final class TransactionParser {

    private TransactionParser() {
    }

    static Primitive parse(TokenCursor in, Supplier<List<String>> snapshotNodes) {
        if (in.accept("SAVEPOINT")) {
            return savepoint(in, Action.SAVEPOINT);
        }
        if (in.accept("RELEASE")) {
            in.expect("SAVEPOINT");
            return savepoint(in, Action.RELEASE_SAVEPOINT);
        }
        Action action;
        if (in.accept("BEGIN")) {
            in.accept("WORK");
            action = Action.BEGIN;
        } else if (in.accept("START")) {
            in.expect("TRANSACTION");
            action = Action.BEGIN;
            boolean snapshot = false;
            do {
                if (in.acceptAll("READ", "ONLY")) {
                    action = Action.BEGIN_READ_ONLY;
                } else if (in.acceptAll("READ", "WRITE")) {
                    action = Action.BEGIN_READ_WRITE;
                } else if (in.acceptAll("WITH", "CONSISTENT", "SNAPSHOT")) {
                    snapshot = true;
                } else if (!in.atEnd()) {
                    throw in.syntax("unexpected START TRANSACTION option");
                }
            } while (in.accept(","));
            if (!in.atEnd()) {
                throw in.syntax("unexpected text");
            }
            return new TransactionControl(action, null, false, snapshot ? snapshotNodes.get() : List.of());
        } else if (in.accept("COMMIT")) {
            in.accept("WORK");
            action = Action.COMMIT;
        } else {
            in.expect("ROLLBACK");
            in.accept("WORK");
            if (in.accept("TO")) {
                in.accept("SAVEPOINT");
                return savepoint(in, Action.ROLLBACK_TO_SAVEPOINT);
            }
            action = Action.ROLLBACK;
        }
        // AND NO CHAIN and NO RELEASE restate the defaults.
        boolean chain = false;
        if (action == Action.COMMIT || action == Action.ROLLBACK) {
            if (!in.acceptAll("AND", "NO", "CHAIN")) {
                chain = in.acceptAll("AND", "CHAIN");
            }
            in.acceptAll("NO", "RELEASE");
            if (in.accept("RELEASE")) {
                throw ShardGateException.notSupported("COMMIT/ROLLBACK RELEASE (close the connection instead)");
            }
        }
        if (!in.atEnd()) {
            throw in.syntax("unexpected text");
        }
        return new TransactionControl(action, null, chain);
    }

    private static Primitive savepoint(TokenCursor in, Action action) {
        String name = in.name();
        if (!in.atEnd()) {
            throw in.syntax("unexpected text after the savepoint name");
        }
        return new TransactionControl(action, name, false);
    }
}

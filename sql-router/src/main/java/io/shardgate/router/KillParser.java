package io.shardgate.router;

import io.shardgate.router.parse.TokenType;
import io.shardgate.router.plan.Kill;
import io.shardgate.router.plan.Primitive;

/**
 * {@code KILL [HARD | SOFT] [CONNECTION | QUERY] id} with a literal id, MariaDB's grammar minus
 * {@code KILL USER} and {@code KILL QUERY ID}, which name things the proxy does not track.
 */
final class KillParser {

    private KillParser() {
    }

    static Primitive parse(TokenCursor in) {
        in.expect("KILL");
        // HARD and SOFT differ in how MariaDB unwinds a statement; the proxy cancels the same way either way
        if (!in.accept("HARD")) {
            in.accept("SOFT");
        }
        boolean queryOnly = false;
        if (in.accept("QUERY")) {
            queryOnly = true;
            if (in.peek().equals("ID")) {
                throw ShardGateException.notSupported("KILL QUERY ID (ShardGate kills by connection id)");
            }
        } else {
            in.accept("CONNECTION");
        }
        if (in.peek().equals("USER")) {
            throw ShardGateException.notSupported("KILL USER (ShardGate kills by connection id)");
        }
        if (in.type() != TokenType.NUMBER) {
            throw in.syntax("expected a connection id");
        }
        String digits = in.next();
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw in.syntax("expected a connection id");
        }
        if (!in.atEnd()) {
            throw in.syntax("unexpected text after the connection id");
        }
        return new Kill(id, queryOnly);
    }
}

package io.shardgate.router.plan;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * {@code PREPARE name FROM text}: checks the statement and keeps it in the session under its name.
 * As in MariaDB, a statement of the same name is dropped first, so one that fails to prepare
 * leaves no statement of that name behind.
 *
 * @param check throws when the statement cannot be prepared (syntax, a statement kind ShardGate refuses)
 */
public record PrepareSql(String name, SetValue text, BiConsumer<PreparedText, SessionState> check) implements Primitive {

    static final String PREPARED = "Statement prepared";

    @Override
    public Result execute(ExecutionContext context) {
        SessionState session = context.session();
        String sql = switch (text.resolve(context)) {
            case null -> throw new ShardGateException(ErrorCode.PARSE_ERROR, "PREPARE " + name + " FROM NULL");
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case BigDecimal d -> d.toPlainString();
            case Object o -> o.toString();
        };
        session.deallocateSql(name);
        PreparedText statement = PreparedText.of(sql, session.backslashEscapes());
        check.accept(statement, session);
        session.prepareSql(name, statement);
        return new UpdateResult(0, 0, 0, PREPARED, false);
    }

    @Override
    public Description describe() {
        return Description.leaf("PrepareSql " + name + " FROM " + text);
    }
}

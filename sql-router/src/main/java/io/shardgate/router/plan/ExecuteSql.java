package io.shardgate.router.plan;

import io.shardgate.router.ErrorCode;
import io.shardgate.router.ShardGateException;
import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.parse.PreparedText;
import io.shardgate.router.parse.SqlLiterals;
import io.shardgate.router.parse.SqlParser;
import io.shardgate.router.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code EXECUTE name [USING value, ...]}: the values (user variables, literals or expressions)
 * become SQL literals in the prepared text, which is then planned and run like a query of its own,
 * routed by the bound values.
 */
public record ExecuteSql(String name, List<SetValue> values, BiFunction<ParsedSql, SessionState, Primitive> planner)
        implements Primitive {

    public ExecuteSql {
        values = List.copyOf(values);
    }

    @Override
    public Result execute(ExecutionContext context) {
        SessionState session = context.session();
        PreparedText statement = session.preparedSql(name);
        if (statement == null) {
            throw new ShardGateException(ErrorCode.UNKNOWN_STMT_HANDLER, name, "EXECUTE");
        }
        if (values.size() != statement.parameterCount()) {
            throw ShardGateException.detailed(ErrorCode.WRONG_ARGUMENTS, "statement " + name + " takes "
                    + statement.parameterCount() + " values, USING gave " + values.size(), "EXECUTE");
        }
        List<String> literals = new ArrayList<>(values.size());
        for (SetValue v : values) {
            literals.add(SqlLiterals.of(v.resolve(context), session.backslashEscapes()));
        }
        ParsedSql bound = SqlParser.parse(statement.bind(literals), session.backslashEscapes(), session.clientCharset());
        return planner.apply(bound, session).execute(context);
    }

    @Override
    public Description describe() {
        return Description.leaf("ExecuteSql " + name + (values.isEmpty() ? "" : " USING " + values));
    }
}

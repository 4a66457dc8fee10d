package io.shardgate.router;

import io.shardgate.router.parse.ParsedSql;
import io.shardgate.router.plan.DeallocateSql;
import io.shardgate.router.plan.ExecuteSql;
import io.shardgate.router.plan.PrepareSql;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.SessionState;
import io.shardgate.router.plan.SetValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The SQL-level prepared statements, parsed by hand: {@code PREPARE name FROM text},
 * {@code EXECUTE name [USING value, ...]}, {@code {DEALLOCATE | DROP} PREPARE name}. The text and
 * the values may be literals, user variables or expressions, as in MariaDB 10.2 and later.
 */
final class PreparedSqlParser {

    private PreparedSqlParser() {
    }

    static Primitive parse(TokenCursor in, DataNode evaluator, Planner planner) {
        if (in.accept("PREPARE")) {
            String name = in.name();
            in.expect("FROM");
            SetValue text = SetParser.value(in, evaluator);
            end(in);
            return new PrepareSql(name, text, planner::checkPrepared);
        }
        if (in.accept("EXECUTE")) {
            String name = in.name();
            List<SetValue> values = new ArrayList<>();
            if (in.accept("USING")) {
                do {
                    values.add(SetParser.value(in, evaluator));
                } while (in.accept(","));
            }
            end(in);
            BiFunction<ParsedSql, SessionState, Primitive> plan = planner::plan;
            return new ExecuteSql(name, values, plan);
        }
        if (!in.accept("DEALLOCATE")) {
            in.expect("DROP");
        }
        in.expect("PREPARE");
        String name = in.name();
        end(in);
        return new DeallocateSql(name);
    }

    private static void end(TokenCursor in) {
        if (!in.atEnd()) {
            throw in.syntax("unexpected text");
        }
    }
}

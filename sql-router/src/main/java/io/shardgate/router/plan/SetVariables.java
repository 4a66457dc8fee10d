package io.shardgate.router.plan;

import io.shardgate.router.result.Result;
import io.shardgate.router.result.UpdateResult;
import java.util.List;

/** {@code SET ...}: applied to the session in order, as MariaDB does. */
public final class SetVariables implements Primitive {

    private final List<Assignment> assignments;

    public SetVariables(List<Assignment> assignments) {
        this.assignments = List.copyOf(assignments);
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    @Override
    public Result execute(ExecutionContext context) {
        for (Assignment a : assignments) {
            a.apply(context);
        }
        return UpdateResult.EMPTY;
    }

    @Override
    public Description describe() {
        return Description.leaf("SetVariables " + assignments);
    }
}

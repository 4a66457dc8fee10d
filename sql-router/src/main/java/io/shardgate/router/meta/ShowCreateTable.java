package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.ShardingRules;
import io.shardgate.router.plan.Description;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.Primitive;
import io.shardgate.router.plan.Route;
import io.shardgate.router.plan.ShardStatement;
import io.shardgate.router.result.ListRowStream;
import io.shardgate.router.result.Result;
import io.shardgate.router.result.Row;
import io.shardgate.router.result.RowStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code SHOW CREATE TABLE} of a sharded table: the first shard's statement, whose
 * {@code AUTO_INCREMENT=} is the greatest counter of all shards, what one MariaDB holding every
 * row would show (each shard's counter is past its own greatest id). Other tables' statements are
 * their first node's, routed as they are.
 */
public final class ShowCreateTable implements Primitive {

    /** The table options, after the line with the column list's closing parenthesis. */
    private static final Pattern COUNTER = Pattern.compile("\n\\) ENGINE=(\\S+)( AUTO_INCREMENT=(\\d+))?");

    private final Route first;
    private final String table;
    private final List<DataNode> shards;
    private final ShardingRules rules;

    /**
     * @param table  the table's name on the shards
     * @param shards every shard, the first one's statement is shown
     */
    public ShowCreateTable(Route first, String table, List<DataNode> shards, ShardingRules rules) {
        this.first = first;
        this.table = table;
        this.shards = List.copyOf(shards);
        this.rules = rules;
    }

    @Override
    public Result execute(ExecutionContext context) {
        RowStream answer = (RowStream) first.execute(context);
        List<Row> rows = new ArrayList<>();
        try (answer) {
            for (Row r = answer.next(); r != null; r = answer.next()) {
                rows.add(r);
            }
        }
        BigInteger counter = greatestCounter(context);
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            byte[][] cells = r.cells().clone();
            if (counter != null && cells.length > 1 && cells[1] != null) {
                cells[1] = withCounter(r.text(1), counter).getBytes(StandardCharsets.UTF_8);
            }
            out.add(new Row(cells));
        }
        return new ListRowStream(answer.columns(), out);
    }

    private BigInteger greatestCounter(ExecutionContext context) {
        List<ShardStatement> statements = new ArrayList<>();
        for (DataNode n : shards) {
            statements.add(new ShardStatement(n.name(), n.database(), "SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = " + SqlValues.text(n.database()) + " AND TABLE_NAME = " + SqlValues.text(table)));
        }
        BigInteger max = null;
        for (NodeQueries.Answer a : NodeQueries.run(context.shards(), statements, rules.limits().maxJoinRows())) {
            for (Row r : a.rows()) {
                if (r.text(0) != null) {
                    BigInteger v = new BigInteger(r.text(0));
                    max = max == null || v.compareTo(max) > 0 ? v : max;
                }
            }
        }
        return max;
    }

    /**
     * The statement with {@code AUTO_INCREMENT=counter}; MariaDB leaves the option out while the
     * counter is 1 (nothing inserted), so it is added after {@code ENGINE=} when the first shard
     * has none.
     */
    static String withCounter(String statement, BigInteger counter) {
        Matcher m = COUNTER.matcher(statement);
        if (!m.find()) {
            return statement;
        }
        String option = counter.compareTo(BigInteger.ONE) > 0 ? " AUTO_INCREMENT=" + counter : "";
        return statement.substring(0, m.start()) + "\n) ENGINE=" + m.group(1) + option + statement.substring(m.end());
    }

    @Override
    public Description describe() {
        return Description.of("ShowCreateTable " + table + " (AUTO_INCREMENT= the greatest over "
                + shards.stream().map(DataNode::name).toList() + ")", first.describe());
    }
}

package io.shardgate.router.meta;

import io.shardgate.router.DataNode;
import io.shardgate.router.plan.ExecutionContext;
import io.shardgate.router.plan.LikePattern;
import io.shardgate.router.result.Column;
import io.shardgate.router.result.Row;
import java.util.List;

/**
 * The {@code LIKE 'pattern'} or {@code WHERE condition} of a SHOW statement. LIKE matches the
 * first column (the name) as MariaDB matches database and table names: case-sensitively. WHERE
 * is any condition over the SHOW's column names; a data node evaluates it ({@link ShowWhere}).
 *
 * @param pattern the LIKE pattern (the first column's name shows it), or null
 * @param where   the WHERE condition as the client wrote it, or null
 * @param clause  the whole clause as the client wrote it, with a leading space ("" for none)
 */
public record ShowFilter(String pattern, String where, String clause) {

    public static final ShowFilter NONE = new ShowFilter(null, null, "");

    /** @param literal the pattern's string literal as written */
    public static ShowFilter like(String pattern, String literal) {
        return new ShowFilter(pattern, null, " LIKE " + literal);
    }

    public static ShowFilter where(String condition) {
        return new ShowFilter(null, condition, " WHERE " + condition);
    }

    /** The first column's name: MariaDB appends the LIKE pattern ({@code Tables_in_shop (o%)}). */
    String name(String base) {
        return pattern == null ? base : base + " (" + pattern + ")";
    }

    List<Row> apply(ExecutionContext context, DataNode node, List<Column> columns, List<Row> rows) {
        if (pattern != null) {
            LikePattern like = LikePattern.of(pattern, false);
            return rows.stream().filter(r -> r.text(0) != null && like.matches(r.text(0))).toList();
        }
        if (where != null) {
            return ShowWhere.filter(context, node, columns, rows, where);
        }
        return rows;
    }


}

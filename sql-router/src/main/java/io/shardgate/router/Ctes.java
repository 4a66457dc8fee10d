package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.SqlParser;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Common table expressions the backends cannot evaluate where the query runs are written into the
 * query as derived tables ({@code WITH x AS (q) SELECT ... FROM x} becomes {@code SELECT ... FROM (q)
 * x}), each reference getting its own copy. Only non-recursive CTEs named in the main query's FROM
 * clause; others are refused.
 */
final class Ctes {

    private Ctes() {
    }

    /** The query with its CTEs inlined as derived tables. */
    static PlainSelect inline(PlainSelect ps) {
        Map<String, WithItem<?>> byName = new HashMap<>();
        for (WithItem<?> w : ps.getWithItemsList()) {
            if (w.isRecursive()) {
                throw ShardGateException.notSupported("WITH RECURSIVE over tables on several data nodes");
            }
            if (w.getWithItemList() != null && !w.getWithItemList().isEmpty()) {
                throw ShardGateException.notSupported("a WITH column list over tables on several data nodes");
            }
            if (w.getSelect() == null) {
                throw ShardGateException.notSupported("WITH over a statement that is not a SELECT");
            }
            byName.put(key(w.getAliasName()), w);
        }
        Map<String, Integer> uses = new HashMap<>();
        ps.setFromItem(replace(ps.getFromItem(), byName, uses));
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                j.setFromItem(replace(j.getFromItem(), byName, uses));
            }
        }
        ps.setWithItemsList(null);
        if (!namedOnlyInFrom(ps, byName)) {
            throw ShardGateException.notSupported("a common table expression used outside the main FROM clause,"
                    + " over tables on several data nodes");
        }
        return ps;
    }

    private static FromItem replace(FromItem item, Map<String, WithItem<?>> ctes, Map<String, Integer> uses) {
        if (!(item instanceof Table t) || t.getSchemaName() != null) {
            return item;
        }
        WithItem<?> w = ctes.get(key(t.getName()));
        if (w == null) {
            return item;
        }
        int n = uses.merge(key(t.getName()), 1, Integer::sum);
        Select body = n == 1 ? w.getSelect().getSelect() : (Select) SqlParser.reparse(w.getSelect().getSelect().toString());
        ParenthesedSelect derived = new ParenthesedSelect();
        derived.setSelect(body);
        derived.setAlias(new Alias(t.getAlias() != null ? t.getAlias().getName() : t.getName(), true));
        return derived;
    }

    /** No CTE name left anywhere else in the statement (subqueries, expressions). */
    private static boolean namedOnlyInFrom(PlainSelect ps, Map<String, WithItem<?>> ctes) {
        List<Table> left = TableReferences.of(ps).tables();
        return left.stream().noneMatch(t -> t.getSchemaName() == null && ctes.containsKey(key(t.getName())));
    }

    private static String key(String name) {
        return MysqlStrings.unquoteIdentifier(name).toLowerCase(Locale.ROOT);
    }
}

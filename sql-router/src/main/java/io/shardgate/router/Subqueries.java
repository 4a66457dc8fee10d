package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Finds the subqueries of a statement's expressions (WHERE, HAVING, select list, ON) with a way to
 * put a value in their place, and tells uncorrelated ones (runnable on their own, first) from
 * correlated ones (which name a column of the outer query).
 */
final class Subqueries {

    /** How a subquery is used, which decides what its rows are replaced by. */
    enum Use { IN_LIST, SCALAR, EXISTS, QUANTIFIED }

    /**
     * A subquery, how it is used, and how to put its value in its place.
     *
     * @param comparison for {@code x op ALL|ANY|SOME (subquery)}, the comparison
     */
    record Found(Select select, Use use, InExpression in, boolean notExists, Consumer<Expression> replace,
                 ComparisonOperator comparison) {

        Found(Select select, Use use, InExpression in, boolean notExists, Consumer<Expression> replace) {
            this(select, use, in, notExists, replace, null);
        }
    }

    private final List<Found> found = new ArrayList<>();

    private Subqueries() {
    }

    static List<Found> in(PlainSelect ps) {
        Subqueries s = new Subqueries();
        for (SelectItem<?> item : ps.getSelectItems()) {
            @SuppressWarnings("unchecked")
            SelectItem<Expression> typed = (SelectItem<Expression>) item;
            s.walk(item.getExpression(), typed::setExpression);
        }
        s.walk(ps.getWhere(), ps::setWhere);
        s.walk(ps.getHaving(), ps::setHaving);
        if (ps.getJoins() != null) {
            for (Join j : ps.getJoins()) {
                if (j.getOnExpressions() != null) {
                    List<Expression> on = new ArrayList<>(j.getOnExpressions());
                    for (int i = 0; i < on.size(); i++) {
                        int at = i;
                        s.walk(on.get(i), e -> {
                            on.set(at, e);
                            j.setOnExpressions(on);
                        });
                    }
                }
            }
        }
        return s.found;
    }

    static List<Found> inWhere(Expression where, Consumer<Expression> setWhere) {
        Subqueries s = new Subqueries();
        s.walk(where, setWhere);
        return s.found;
    }

    private void walk(Expression e, Consumer<Expression> replace) {
        switch (e) {
            case null -> {
            }
            case ParenthesedSelect p -> found.add(new Found(p.getSelect(), Use.SCALAR, null, false, replace));
            case ExistsExpression x when x.getRightExpression() instanceof ParenthesedSelect p ->
                    found.add(new Found(p.getSelect(), Use.EXISTS, null, x.isNot(), replace));
            case InExpression in when in.getRightExpression() instanceof ParenthesedSelect p -> {
                walk(in.getLeftExpression(), in::setLeftExpression);
                found.add(new Found(p.getSelect(), Use.IN_LIST, in, false, replace));
            }
            case InExpression in -> walk(in.getLeftExpression(), in::setLeftExpression);
            case ComparisonOperator c when c.getRightExpression() instanceof AnyComparisonExpression any -> {
                walk(c.getLeftExpression(), c::setLeftExpression);
                found.add(new Found(any.getSelect(), Use.QUANTIFIED, null, false, replace, c));
            }
            case BinaryExpression b -> {
                walk(b.getLeftExpression(), b::setLeftExpression);
                walk(b.getRightExpression(), b::setRightExpression);
            }
            case NotExpression n -> walk(n.getExpression(), n::setExpression);
            case SignedExpression s -> walk(s.getExpression(), s::setExpression);
            case IsNullExpression i -> walk(i.getLeftExpression(), i::setLeftExpression);
            case Between b -> {
                walk(b.getLeftExpression(), b::setLeftExpression);
                walk(b.getBetweenExpressionStart(), b::setBetweenExpressionStart);
                walk(b.getBetweenExpressionEnd(), b::setBetweenExpressionEnd);
            }
            case Function f when f.getParameters() != null -> walkList(f.getParameters());
            case ExpressionList<?> list -> walkList(list);
            case CaseExpression c -> {
                walk(c.getSwitchExpression(), c::setSwitchExpression);
                for (WhenClause w : c.getWhenClauses()) {
                    walk(w.getWhenExpression(), w::setWhenExpression);
                    walk(w.getThenExpression(), w::setThenExpression);
                }
                walk(c.getElseExpression(), c::setElseExpression);
            }
            default -> {
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void walkList(ExpressionList<?> list) {
        List<Expression> items = (List<Expression>) list;
        for (int i = 0; i < items.size(); i++) {
            int at = i;
            walk(items.get(i), e -> items.set(at, e));
        }
    }

    /**
     * Whether a subquery reads a column of the outer query: a column qualified by a name that is
     * not one of the subquery's own tables but is one of the outer ones.
     */
    static boolean correlated(Select sub, List<ResolvedTable> outer) {
        Set<String> own = ownNames(sub);
        Set<String> outerNames = new HashSet<>();
        outer.forEach(t -> outerNames.add(lower(t.qualifier())));
        boolean[] correlated = new boolean[1];
        sub.accept(new net.sf.jsqlparser.statement.select.SelectVisitorAdapter<Void>(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                Table t = column.getTable();
                if (t != null && t.getName() != null) {
                    String q = lower(t.getName());
                    correlated[0] |= !own.contains(q) && outerNames.contains(q);
                }
                return null;
            }
        }), null);
        if (correlated[0]) {
            return true;
        }
        String text = sub.toString().toLowerCase(Locale.ROOT);
        return outerNames.stream().anyMatch(q -> !own.contains(q) && mentionsQualifier(text, q));
    }

    /** The names and aliases of the tables a subquery reads, lower case. */
    static Set<String> ownNames(Select sub) {
        Set<String> own = new HashSet<>();
        new TablesNamesFinder<Void>() {
            @Override
            public <S> Void visit(Table table, S context) {
                own.add(lower(table.getName()));
                if (table.getAlias() != null) {
                    own.add(lower(table.getAlias().getName()));
                }
                return super.visit(table, context);
            }
        }.getTables((net.sf.jsqlparser.statement.Statement) sub);
        return own;
    }

    /**
     * A textual check for qualified references ({@code q.column}) anywhere in a subquery's text,
     * ON and HAVING included, which the expression visitors do not all reach.
     */
    static boolean mentionsQualifier(String lowerText, String qualifier) {
        return lowerText.contains(" " + qualifier + ".") || lowerText.contains("(" + qualifier + ".")
                || lowerText.contains("`" + qualifier + "`.") || lowerText.contains("," + qualifier + ".");
    }

    private static String lower(String name) {
        return MysqlStrings.unquoteIdentifier(name).toLowerCase(Locale.ROOT);
    }
}

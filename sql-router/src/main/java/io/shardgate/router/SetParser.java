package io.shardgate.router;

import io.shardgate.router.parse.MysqlStrings;
import io.shardgate.router.parse.Token;
import io.shardgate.router.parse.TokenType;
import io.shardgate.router.plan.Assignment;
import io.shardgate.router.plan.SetValue;
import io.shardgate.router.plan.SetVariables;
import io.shardgate.router.plan.VariableScope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code SET} statements, parsed by hand: JSqlParser lacks {@code SET TRANSACTION} and MariaDB's
 * string escapes. Values are single terms (literal, keyword, {@code @@var}, {@code @var}); an
 * expression value is refused rather than guessed.
 */
final class SetParser {

    private final TokenCursor in;
    private final DataNode evaluator;

    private SetParser(TokenCursor in, DataNode evaluator) {
        this.in = in;
        this.evaluator = evaluator;
    }

    /** @param evaluator the data node that computes expression values */
    static SetVariables parse(TokenCursor in, DataNode evaluator) {
        in.expect("SET");
        return new SetVariables(new SetParser(in, evaluator).assignments());
    }

    /**
     * One value as SET takes it (a term, or an expression a backend computes), ending at a
     * top-level comma or the end: the operands of PREPARE ... FROM and EXECUTE ... USING.
     */
    static SetValue value(TokenCursor in, DataNode evaluator) {
        return new SetParser(in, evaluator).value();
    }

    private List<Assignment> assignments() {
        List<Assignment> out = new ArrayList<>();
        VariableScope statementScope = scopeKeyword(VariableScope.DEFAULT);
        if (in.peek().equals("TRANSACTION")) {
            return transaction(statementScope);
        }
        do {
            out.add(assignment(statementScope));
        } while (in.accept(","));
        if (!in.atEnd()) {
            throw in.syntax("unexpected text");
        }
        return out;
    }

    private VariableScope scopeKeyword(VariableScope otherwise) {
        if (in.accept("GLOBAL")) {
            return VariableScope.GLOBAL;
        }
        if (in.accept("SESSION") || in.accept("LOCAL")) {
            return VariableScope.SESSION;
        }
        return otherwise;
    }

    private Assignment assignment(VariableScope statementScope) {
        if (in.accept("NAMES")) {
            String charset = in.accept("DEFAULT") ? null : in.name();
            String collation = in.accept("COLLATE") ? (in.accept("DEFAULT") ? null : in.name()) : null;
            return new Assignment.Names(charset, collation);
        }
        if (in.acceptAll("CHARACTER", "SET") || in.accept("CHARSET")) {
            return new Assignment.Names(in.accept("DEFAULT") ? null : in.name(), null, true);
        }
        VariableScope scope = scopeKeyword(statementScope);
        if (in.type() == TokenType.VARIABLE) {
            String variable = in.next();
            if (variable.startsWith("@@")) {
                return systemAssignment(variable.substring(2), scope);
            }
            expectAssign();
            return new Assignment.UserVariable(userVariableName(variable.substring(1)), value());
        }
        String name = in.name();
        if (in.peek().equals(".")) {
            in.next();
            name = name + "." + in.name();
        }
        return systemAssignment(name, scope);
    }

    private Assignment systemAssignment(String qualified, VariableScope scope) {
        String name = qualified;
        String lower = qualified.toLowerCase(Locale.ROOT);
        if (lower.startsWith("global.")) {
            scope = VariableScope.GLOBAL;
            name = qualified.substring(7);
        } else if (lower.startsWith("session.") || lower.startsWith("local.")) {
            scope = VariableScope.SESSION;
            name = qualified.substring(qualified.indexOf('.') + 1);
        }
        expectAssign();
        return new Assignment.SystemVariable(MysqlStrings.unquoteIdentifier(name).toLowerCase(Locale.ROOT), scope, value());
    }

    private void expectAssign() {
        if (!in.accept("=") && !in.accept(":=")) {
            throw in.syntax("expected '='");
        }
    }

    /** A single term is taken as is; anything longer is an expression for a backend to compute. */
    private SetValue value() {
        if (in.atEnd()) {
            throw in.syntax("expected a value");
        }
        int start = in.position();
        SetValue term = term();
        if (term != null && (in.atEnd() || in.peek().equals(","))) {
            return term;
        }
        in.reset(start);
        return computed();
    }

    private SetValue computed() {
        List<String> parts = new ArrayList<>();
        List<SetValue> variables = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        int previousEnd = -1;
        while (!in.atEnd() && !(depth == 0 && in.peek().equals(","))) {
            String p = in.peek();
            depth += p.equals("(") ? 1 : p.equals(")") ? -1 : 0;
            TokenType type = in.type();
            // Spacing as written: a space between a built-in function's name and its '(' is a
            // syntax error in MariaDB (without IGNORE_SPACE), e.g. NOW (), SUBSTRING (...).
            Token token = in.peekToken();
            if (previousEnd >= 0 && token.start() > previousEnd) {
                part.append(' ');
            }
            previousEnd = token.end();
            String text = in.next();
            if (type == TokenType.VARIABLE) {
                parts.add(part.toString());
                part.setLength(0);
                variables.add(text.startsWith("@@") ? systemReference(text.substring(2))
                        : new SetValue.UserReference(userVariableName(text.substring(1))));
            } else {
                part.append(text);
            }
        }
        parts.add(part.toString());
        return new SetValue.Computed(parts, variables, evaluator.name(), evaluator.database());
    }

    /** A literal, keyword or variable; null when the value is not a single term. */
    private SetValue term() {
        boolean negative = in.accept("-");
        TokenType type = in.type();
        String text = in.next();
        SetValue v = switch (type) {
            case NUMBER -> new SetValue.Constant(number(negative ? "-" + text : text));
            case STRING -> new SetValue.Constant(MysqlStrings.decode(text, in.backslashEscapes()));
            case VARIABLE -> text.startsWith("@@") ? systemReference(text.substring(2))
                    : new SetValue.UserReference(userVariableName(text.substring(1)));
            case WORD, QUOTED_IDENTIFIER -> word(MysqlStrings.unquoteIdentifier(text));
            default -> null;
        };
        return negative && type != TokenType.NUMBER ? null : v;
    }

    private String userVariableName(String written) {
        return MysqlStrings.userVariableName(written, in.backslashEscapes());
    }

    private static SetValue word(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "DEFAULT" -> new SetValue.Default();
            case "NULL" -> new SetValue.Constant(null);
            case "TRUE" -> new SetValue.Constant(1L);
            case "FALSE" -> new SetValue.Constant(0L);
            default -> new SetValue.Constant(word);
        };
    }

    private static SetValue systemReference(String qualified) {
        String lower = qualified.toLowerCase(Locale.ROOT);
        if (lower.startsWith("global.")) {
            return new SetValue.SystemReference(qualified.substring(7), VariableScope.GLOBAL);
        }
        if (lower.startsWith("session.") || lower.startsWith("local.")) {
            return new SetValue.SystemReference(qualified.substring(qualified.indexOf('.') + 1), VariableScope.SESSION);
        }
        return new SetValue.SystemReference(qualified, VariableScope.DEFAULT);
    }

    /** As MariaDB reads a number literal: with an exponent a DOUBLE, with a point a DECIMAL. */
    private static Object number(String text) {
        if (text.contains("e") || text.contains("E")) {
            return Double.parseDouble(text);
        }
        if (text.contains(".")) {
            return new BigDecimal(text);
        }
        return Constants.integer(new BigInteger(text));
    }

    /**
     * {@code SET [scope] TRANSACTION ISOLATION LEVEL ... | READ ONLY | READ WRITE}. Without a scope
     * MariaDB applies it to the next transaction only; ShardGate applies it to the session.
     */
    private List<Assignment> transaction(VariableScope scope) {
        in.expect("TRANSACTION");
        VariableScope s = scope == VariableScope.DEFAULT ? VariableScope.SESSION : scope;
        List<Assignment> out = new ArrayList<>();
        do {
            if (in.acceptAll("ISOLATION", "LEVEL")) {
                String level;
                if (in.acceptAll("READ", "UNCOMMITTED")) {
                    level = "READ-UNCOMMITTED";
                } else if (in.acceptAll("READ", "COMMITTED")) {
                    level = "READ-COMMITTED";
                } else if (in.acceptAll("REPEATABLE", "READ")) {
                    level = "REPEATABLE-READ";
                } else if (in.accept("SERIALIZABLE")) {
                    level = "SERIALIZABLE";
                } else {
                    throw in.syntax("expected an isolation level");
                }
                out.add(new Assignment.SystemVariable("transaction_isolation", s, new SetValue.Constant(level)));
            } else if (in.acceptAll("READ", "ONLY")) {
                out.add(new Assignment.SystemVariable("transaction_read_only", s, new SetValue.Constant(1L)));
            } else if (in.acceptAll("READ", "WRITE")) {
                out.add(new Assignment.SystemVariable("transaction_read_only", s, new SetValue.Constant(0L)));
            } else {
                throw in.syntax("expected ISOLATION LEVEL, READ ONLY or READ WRITE");
            }
        } while (in.accept(","));
        if (!in.atEnd()) {
            throw in.syntax("unexpected text");
        }
        return out;
    }
}

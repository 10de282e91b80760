package org.bulwark.core.screening;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Explains why a rule's condition held for one household: each comparison of its {@code when} with both sides
 * worked out from the evidence's figures and parameters (a choice {@code a ? b : c} shows the branch taken), so that
 * a page can say "out-of-pocket costs 25,300 ≥ threshold for other households 20,000" instead of the expression.
 * Same semantics as the engine (package-info): numbers are doubles, x / 0 = 0, a missing figure is 0 or false.
 */
public final class ConditionExplainer {

    /** One side of a comparison, as written and as worked out. */
    public sealed interface Term {
        /** The value: a Double, a Boolean or a String. */
        Object value();
    }

    /** A figure of the rule (a feature). */
    public record Figure(String name, Object value) implements Term {}

    /** A parameter of the rule file ({@code p.name}). */
    public record Parameter(String name, Object value) implements Term {}

    /** A literal written in the rule. */
    public record Constant(Object value) implements Term {}

    /** {@code left operator right}, operator one of + - * /. */
    public record Arithmetic(char operator, Term left, Term right, Object value) implements Term {}

    /** The branch a choice took; {@code condition} is what chose it. */
    public record Choice(Term condition, Term chosen, Object value) implements Term {}

    /**
     * One test of the condition: {@code figure operator threshold} (operator &lt; &lt;= &gt; &gt;= == !=), or a
     * flag alone ({@code operator} "is" or "not", threshold null). {@code holds} says whether it was met.
     */
    public record Check(Term figure, String operator, Term threshold, boolean holds) {}

    private static final CelCompiler PARSER =
            CelCompilerFactory.standardCelCompilerBuilder().build();
    /**
     * Conditions parsed once: a list explains hundreds of warnings of the same few rules. Bounded, as a rule file has
     * dozens of conditions; past the bound a condition is parsed each time.
     */
    private static final Map<String, Optional<CelAbstractSyntaxTree>> PARSED = new ConcurrentHashMap<>();

    private static final int PARSED_AT_MOST = 1_000;

    private final Map<String, Object> figures;
    private final Map<String, ?> parameters;

    private ConditionExplainer(Map<String, Object> figures, Map<String, ?> parameters) {
        this.figures = figures;
        this.parameters = parameters;
    }

    /**
     * The checks of a condition, in the order written, worked out from these figures and parameters; empty when the
     * condition does not parse (a rule file of another version, say).
     */
    public static List<Check> explain(String when, Map<String, Object> figures, Map<String, ?> parameters) {
        Optional<CelAbstractSyntaxTree> ast = PARSED.get(when);
        if (ast == null) {
            ast = parse(when);
            if (PARSED.size() < PARSED_AT_MOST) {
                PARSED.put(when, ast);
            }
        }
        if (ast.isEmpty()) {
            return List.of();
        }
        List<Check> checks = new ArrayList<>();
        try {
            new ConditionExplainer(figures, parameters).collect(ast.get().getExpr(), checks);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return checks;
    }

    private static Optional<CelAbstractSyntaxTree> parse(String when) {
        try {
            return Optional.of(PARSER.parse(when).getAst());
        } catch (CelValidationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Walks the logic (and, or, not) down to its tests. */
    private void collect(CelExpr expr, List<Check> into) {
        Operator op = operator(expr);
        if (op == Operator.LOGICAL_AND || op == Operator.LOGICAL_OR) {
            expr.call().args().forEach(arg -> collect(arg, into));
        } else if (op == Operator.LOGICAL_NOT) {
            Term flag = term(expr.call().args().get(0));
            into.add(new Check(flag, "not", null, !truth(flag.value())));
        } else if (comparison(op) != null) {
            Term left = term(expr.call().args().get(0));
            Term right = term(expr.call().args().get(1));
            into.add(new Check(left, comparison(op), right, compare(comparison(op), left.value(), right.value())));
        } else {
            Term flag = term(expr);
            into.add(new Check(flag, "is", null, truth(flag.value())));
        }
    }

    private Term term(CelExpr expr) {
        return switch (expr.getKind()) {
            case IDENT -> new Figure(expr.ident().name(), figure(expr.ident().name()));
            case SELECT ->
                new Parameter(expr.select().field(), parameter(expr.select().field()));
            case CONSTANT -> new Constant(constant(expr.constant()));
            case CALL -> call(expr);
            default -> throw new IllegalArgumentException(expr.getKind().name());
        };
    }

    private Term call(CelExpr expr) {
        Operator op = operator(expr);
        List<CelExpr> args = expr.call().args();
        if (op == Operator.CONDITIONAL) {
            Term condition = condition(args.get(0));
            Term chosen = term(args.get(truth(condition.value()) ? 1 : 2));
            return new Choice(condition, chosen, chosen.value());
        }
        if (op == Operator.NEGATE) {
            Term inner = term(args.get(0));
            return new Arithmetic('-', new Constant(0.0), inner, -number(inner.value()));
        }
        char symbol = op == Operator.ADD
                ? '+'
                : op == Operator.SUBTRACT ? '-' : op == Operator.MULTIPLY ? '*' : op == Operator.DIVIDE ? '/' : 0;
        if (symbol == 0) {
            return condition(expr);
        }
        Term left = term(args.get(0));
        Term right = term(args.get(1));
        double a = number(left.value());
        double b = number(right.value());
        double value = switch (symbol) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            default -> b == 0 ? 0 : a / b;
        };
        return new Arithmetic(symbol, left, right, value);
    }

    /** A test used as a value (the condition of a choice): a flag, or a comparison reduced to its truth. */
    private Term condition(CelExpr expr) {
        Operator op = operator(expr);
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || op == Operator.CONDITIONAL) {
            return term(expr);
        }
        List<Check> checks = new ArrayList<>();
        collect(expr, checks);
        boolean holds = op == Operator.LOGICAL_OR
                ? checks.stream().anyMatch(Check::holds)
                : checks.stream().allMatch(Check::holds);
        return checks.size() == 1 && checks.get(0).threshold() == null
                ? checks.get(0).figure()
                : new Constant(holds);
    }

    private Object figure(String name) {
        Object value = figures.get(name);
        return value == null ? 0.0 : value instanceof Number n ? n.doubleValue() : value;
    }

    private Object parameter(String name) {
        Object value = parameters.get(name);
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    private static Object constant(CelConstant constant) {
        return switch (constant.getKind()) {
            case INT64_VALUE -> (double) constant.int64Value();
            case UINT64_VALUE -> constant.uint64Value().doubleValue();
            case DOUBLE_VALUE -> constant.doubleValue();
            case BOOLEAN_VALUE -> constant.booleanValue();
            case STRING_VALUE -> constant.stringValue();
            default -> throw new IllegalArgumentException(constant.getKind().name());
        };
    }

    private static String comparison(Operator op) {
        if (op == null) {
            return null;
        }
        return switch (op) {
            case LESS -> "<";
            case LESS_EQUALS -> "<=";
            case GREATER -> ">";
            case GREATER_EQUALS -> ">=";
            case EQUALS -> "==";
            case NOT_EQUALS -> "!=";
            default -> null;
        };
    }

    private static boolean compare(String op, Object left, Object right) {
        if (op.equals("==") || op.equals("!=")) {
            boolean equal = left instanceof Number a && right instanceof Number b
                    ? a.doubleValue() == b.doubleValue()
                    : String.valueOf(left).equals(String.valueOf(right));
            return op.equals("==") == equal;
        }
        double a = number(left);
        double b = number(right);
        return switch (op) {
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            default -> a >= b;
        };
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : value instanceof Boolean b && b ? 1 : 0;
    }

    private static boolean truth(Object value) {
        return value instanceof Boolean b ? b : number(value) != 0;
    }

    private static Operator operator(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || expr.call().target().isPresent()) {
            return null;
        }
        Optional<Operator> found = Operator.findReverse(expr.call().function());
        return found.orElse(null);
    }
}

package org.bulwark.core.screening;

import dev.cel.common.Operator;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.types.CelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a checked CEL expression into the engine's vectorised nodes. Supported: number, boolean and text literals,
 * variables, parameters {@code p.<name>}, {@code + - * /} and unary minus, {@code < <= > >= == !=} on numbers,
 * {@code == !=} on flags, {@code == != in [...]} between a text variable and text literals, {@code in [...]} of a
 * number and number literals, {@code && || !}, and {@code ?:}. Anything else CEL accepts is rejected with the reason.
 */
final class VectorCompiler {

    private final CheckedExpression expression;
    private final VariableScope scope;
    private final NodeIds ids;

    private VectorCompiler(CheckedExpression expression, VariableScope scope, NodeIds ids) {
        this.expression = expression;
        this.scope = scope;
        this.ids = ids;
    }

    static BoolNode bool(CheckedExpression expression, VariableScope scope, NodeIds ids) {
        return new VectorCompiler(expression, scope, ids).bool(expression.root());
    }

    static NumberNode number(CheckedExpression expression, VariableScope scope, NodeIds ids) {
        return new VectorCompiler(expression, scope, ids).number(expression.root());
    }

    static LevelNode level(CheckedExpression expression, VariableScope scope, NodeIds ids) {
        return new VectorCompiler(expression, scope, ids).level(expression.root());
    }

    private NumberNode number(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT:
                if (expr.constant().getKind() == CelConstant.Kind.DOUBLE_VALUE) {
                    return new NumberConstant(ids.next(), expr.constant().doubleValue());
                }
                break;
            case IDENT:
                return numberVariable(expr);
            case CALL:
                return numberCall(expr);
            default:
                break;
        }
        throw unsupported(expr);
    }

    private NumberNode numberVariable(CelExpr expr) {
        String name = expr.ident().name();
        if (name.startsWith(VariableScope.PARAMETER_PREFIX)) {
            return new ParameterValue(
                    ids.next(), scope.parameterIndex(name.substring(VariableScope.PARAMETER_PREFIX.length())));
        }
        return new NumberVariable(variable(expr, FieldType.NUMBER).slot());
    }

    private NumberNode numberCall(CelExpr expr) {
        List<CelExpr> args = expr.call().args();
        Operator operator = operator(expr);
        if (operator == Operator.NEGATE) {
            return new Negation(ids.next(), number(args.get(0)));
        }
        if (operator == Operator.CONDITIONAL) {
            return new NumberChoice(ids.next(), bool(args.get(0)), number(args.get(1)), number(args.get(2)));
        }
        Arithmetic.Operator arithmetic = operator == null
                ? null
                : switch (operator) {
                    case ADD -> Arithmetic.Operator.ADD;
                    case SUBTRACT -> Arithmetic.Operator.SUBTRACT;
                    case MULTIPLY -> Arithmetic.Operator.MULTIPLY;
                    case DIVIDE -> Arithmetic.Operator.DIVIDE;
                    default -> null;
                };
        if (arithmetic == null || !isNumber(expr)) {
            throw unsupported(expr);
        }
        return new Arithmetic(ids.next(), arithmetic, number(args.get(0)), number(args.get(1)));
    }

    private BoolNode bool(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT:
                if (expr.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
                    return new BoolConstant(ids.next(), expr.constant().booleanValue());
                }
                break;
            case IDENT:
                return new FlagVariable(variable(expr, FieldType.FLAG).slot());
            case CALL:
                return boolCall(expr);
            default:
                break;
        }
        throw unsupported(expr);
    }

    private BoolNode boolCall(CelExpr expr) {
        List<CelExpr> args = expr.call().args();
        Operator operator = operator(expr);
        if (operator == null) {
            throw unsupported(expr);
        }
        switch (operator) {
            case LOGICAL_AND:
                return new Logic(ids.next(), true, bool(args.get(0)), bool(args.get(1)));
            case LOGICAL_OR:
                return new Logic(ids.next(), false, bool(args.get(0)), bool(args.get(1)));
            case LOGICAL_NOT:
                return new Not(ids.next(), bool(args.get(0)));
            case CONDITIONAL:
                return new BoolChoice(ids.next(), bool(args.get(0)), bool(args.get(1)), bool(args.get(2)));
            case IN:
                return membership(expr, args.get(0), args.get(1));
            case EQUALS:
            case NOT_EQUALS:
                return equality(expr, operator == Operator.EQUALS, args.get(0), args.get(1));
            case LESS:
                return comparison(expr, Comparison.Operator.LESS);
            case LESS_EQUALS:
                return comparison(expr, Comparison.Operator.LESS_EQUAL);
            case GREATER:
                return comparison(expr, Comparison.Operator.GREATER);
            case GREATER_EQUALS:
                return comparison(expr, Comparison.Operator.GREATER_EQUAL);
            default:
                throw unsupported(expr);
        }
    }

    private BoolNode comparison(CelExpr expr, Comparison.Operator operator) {
        CelExpr left = expr.call().args().get(0);
        CelExpr right = expr.call().args().get(1);
        if (!isNumber(left) || !isNumber(right)) {
            throw expression.problem(
                    expr.id(),
                    "only numbers can be ordered with " + display(expr)
                            + "; the screening engine compares text and flags with == and != only");
        }
        return new Comparison(ids.next(), operator, number(left), number(right));
    }

    private BoolNode equality(CelExpr expr, boolean equal, CelExpr left, CelExpr right) {
        if (isNumber(left)) {
            return new Comparison(
                    ids.next(),
                    equal ? Comparison.Operator.EQUAL : Comparison.Operator.NOT_EQUAL,
                    number(left),
                    number(right));
        }
        if (kind(left) == CelKind.BOOL) {
            return new FlagEquality(ids.next(), equal, bool(left), bool(right));
        }
        if (kind(left) == CelKind.STRING) {
            if (left.getKind() == Kind.CONSTANT && right.getKind() == Kind.IDENT) {
                return textMatch(expr, right, List.of(left), !equal);
            }
            return textMatch(expr, left, List.of(right), !equal);
        }
        throw unsupported(expr);
    }

    private BoolNode membership(CelExpr expr, CelExpr element, CelExpr list) {
        if (list.getKind() != Kind.LIST) {
            throw expression.problem(expr.id(), "'in' needs a list of literals written out, like ['C', 'D']");
        }
        List<CelExpr> items = list.list().elements();
        if (kind(element) == CelKind.STRING) {
            return textMatch(expr, element, items, false);
        }
        if (isNumber(element)) {
            double[] constants = new double[items.size()];
            for (int i = 0; i < constants.length; i++) {
                CelExpr item = items.get(i);
                if (item.getKind() != Kind.CONSTANT || item.constant().getKind() != CelConstant.Kind.DOUBLE_VALUE) {
                    throw expression.problem(item.id(), "'in' needs number literals in its list");
                }
                constants[i] = item.constant().doubleValue();
            }
            return new NumberMembership(ids.next(), number(element), constants);
        }
        throw unsupported(expr);
    }

    private BoolNode textMatch(CelExpr expr, CelExpr variable, List<CelExpr> constants, boolean negated) {
        if (variable.getKind() != Kind.IDENT) {
            throw expression.problem(
                    expr.id(),
                    "text can only be compared as a text field against literal text, " + "like kind == 'inpatient'");
        }
        List<String> texts = new ArrayList<>();
        for (CelExpr constant : constants) {
            if (constant.getKind() != Kind.CONSTANT || constant.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                throw expression.problem(
                        constant.id(), "text can only be compared with literal text, " + "like kind == 'inpatient'");
            }
            texts.add(constant.constant().stringValue());
        }
        return new TextMatch(ids.next(), variable(variable, FieldType.TEXT).slot(), List.copyOf(texts), negated);
    }

    private LevelNode level(CelExpr expr) {
        if (expr.getKind() == Kind.CONSTANT && expr.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
            WarningLevel level = WarningLevel.fromCode(expr.constant().stringValue());
            if (level == null) {
                throw expression.problem(
                        expr.id(), "'" + expr.constant().stringValue() + "' is not a level; use red, orange or yellow");
            }
            return new LevelNode.Fixed(ids.next(), level);
        }
        if (expr.getKind() == Kind.CALL && operator(expr) == Operator.CONDITIONAL) {
            List<CelExpr> args = expr.call().args();
            return new LevelNode.Choice(ids.next(), bool(args.get(0)), level(args.get(1)), level(args.get(2)));
        }
        throw expression.problem(
                expr.id(),
                "a level expression may only choose between 'red', 'orange' and "
                        + "'yellow' with conditions (cond ? 'red' : 'orange')");
    }

    private VariableScope.Variable variable(CelExpr expr, FieldType type) {
        VariableScope.Variable variable = scope.variable(expr.ident().name());
        if (variable == null || variable.type() != type) {
            // CEL has already checked names and types, so this means a declaration the engine cannot read
            throw expression.problem(expr.id(), "'" + expr.ident().name() + "' cannot be read here");
        }
        return variable;
    }

    private static Operator operator(CelExpr call) {
        Optional<Operator> found = Operator.findReverse(call.call().function());
        return call.call().target().isPresent() ? null : found.orElse(null);
    }

    private boolean isNumber(CelExpr expr) {
        return kind(expr) == CelKind.DOUBLE;
    }

    private CelKind kind(CelExpr expr) {
        return expression.ast().getType(expr.id()).map(type -> type.kind()).orElse(CelKind.UNSPECIFIED);
    }

    private RuleException unsupported(CelExpr expr) {
        return expression.problem(expr.id(), display(expr) + " is not supported by the screening engine");
    }

    private static String display(CelExpr expr) {
        return switch (expr.getKind()) {
            case CALL -> {
                String function = expr.call().function();
                Optional<Operator> operator = Operator.findReverse(function);
                yield operator.isPresent()
                        ? "operator " + function.replace("_", "").replace("@", "")
                        : "function " + function + "()";
            }
            case CONSTANT ->
                "a " + expr.constant().getKind().name().toLowerCase().replace("_value", "") + " literal here";
            case LIST -> "a list outside 'in'";
            case MAP -> "a map literal";
            case STRUCT -> "a message literal";
            case SELECT -> "field selection ." + expr.select().field();
            case COMPREHENSION -> "a comprehension (all, exists, map, filter)";
            default -> "this expression";
        };
    }
}

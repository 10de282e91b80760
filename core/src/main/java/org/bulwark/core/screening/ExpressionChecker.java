package org.bulwark.core.screening;

import com.google.common.collect.ImmutableList;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.Locale;

/**
 * Parses and type-checks a rule file's CEL expression with CEL's own compiler. Every number in a rule is a double:
 * integer literals are turned into doubles between parsing and checking, so {@code 3 * p.line} means
 * {@code 3.0 * p.line} instead of failing CEL's strict int/double separation.
 */
final class ExpressionChecker {

    private ExpressionChecker() {}

    /**
     * Checks the expression in {@code node} against {@code scope}; it must evaluate to {@code expected}.
     *
     * @param role what the expression is, for messages (e.g. {@code when}, {@code features[0].where})
     */
    static CheckedExpression check(SourceNode node, VariableScope scope, FieldType expected, String role) {
        String text = node.nonBlankText();
        CelValidationResult parsed = scope.compiler().parse(text, role);
        if (parsed.hasError()) {
            throw firstIssue(node, role, parsed, "does not parse");
        }
        CelAbstractSyntaxTree parsedAst = ast(parsed);
        rejectUnknownParameters(node, role, parsedAst, parsedAst.getExpr(), scope);
        CelExpr doubled = withDoubleLiterals(parsedAst.getExpr());
        CelAbstractSyntaxTree rewritten = CelAbstractSyntaxTree.newParsedAst(doubled, parsedAst.getSource());
        CelValidationResult checked = scope.compiler().check(rewritten);
        if (checked.hasError()) {
            throw firstIssue(node, role, checked, "does not type-check");
        }
        CelAbstractSyntaxTree ast = ast(checked);
        CelType type = ast.getResultType();
        if (type.kind() != expected.celType().kind()) {
            throw CheckedExpression.problemAt(
                    node,
                    role,
                    null,
                    "must be a " + typeName(expected.celType()) + " expression, but it is a " + typeName(type));
        }
        return new CheckedExpression(node, role, ast);
    }

    private static RuleException firstIssue(SourceNode node, String role, CelValidationResult result, String what) {
        CelIssue issue = result.getErrors().get(0);
        return CheckedExpression.problemAt(
                node,
                role,
                issue.getSourceLocation(),
                "'" + node.text().strip() + "' " + what + ": " + issue.getMessage());
    }

    private static CelAbstractSyntaxTree ast(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("CEL reported no error but gave no tree", e);
        }
    }

    /** Says "unknown parameter p.x" rather than CEL's "undeclared reference to 'p'". */
    private static void rejectUnknownParameters(
            SourceNode node, String role, CelAbstractSyntaxTree ast, CelExpr expr, VariableScope scope) {
        switch (expr.getKind()) {
            case SELECT -> {
                CelExpr operand = expr.select().operand();
                if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT
                        && operand.ident().name().equals("p")
                        && !scope.hasParameter(expr.select().field())) {
                    throw new CheckedExpression(node, role, ast)
                            .problem(
                                    expr.id(),
                                    "unknown parameter p." + expr.select().field());
                }
                rejectUnknownParameters(node, role, ast, operand, scope);
            }
            case CALL -> {
                expr.call().target().ifPresent(target -> rejectUnknownParameters(node, role, ast, target, scope));
                expr.call().args().forEach(arg -> rejectUnknownParameters(node, role, ast, arg, scope));
            }
            case LIST -> expr.list().elements().forEach(item -> rejectUnknownParameters(node, role, ast, item, scope));
            default -> {
                // constants, identifiers and forms the vector compiler rejects anyway
            }
        }
    }

    private static CelExpr withDoubleLiterals(CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> {
                CelConstant constant = expr.constant();
                yield switch (constant.getKind()) {
                    case INT64_VALUE ->
                        CelExpr.ofConstant(expr.id(), CelConstant.ofValue((double) constant.int64Value()));
                    case UINT64_VALUE ->
                        CelExpr.ofConstant(
                                expr.id(),
                                CelConstant.ofValue(constant.uint64Value().doubleValue()));
                    default -> expr;
                };
            }
            case CALL -> {
                ImmutableList.Builder<CelExpr> args = ImmutableList.builder();
                expr.call().args().forEach(arg -> args.add(withDoubleLiterals(arg)));
                yield CelExpr.ofCall(
                        expr.id(),
                        expr.call().target().map(ExpressionChecker::withDoubleLiterals),
                        expr.call().function(),
                        args.build());
            }
            case LIST -> {
                ImmutableList.Builder<CelExpr> items = ImmutableList.builder();
                expr.list().elements().forEach(item -> items.add(withDoubleLiterals(item)));
                yield CelExpr.ofList(expr.id(), items.build(), expr.list().optionalIndices());
            }
            case SELECT ->
                CelExpr.ofSelect(
                        expr.id(),
                        withDoubleLiterals(expr.select().operand()),
                        expr.select().field(),
                        expr.select().testOnly());
            default -> expr;
        };
    }

    private static String typeName(CelType type) {
        if (type.kind() == CelKind.DOUBLE) {
            return "number";
        }
        if (type.kind() == CelKind.BOOL) {
            return "boolean";
        }
        if (type.kind() == CelKind.STRING) {
            return "text";
        }
        return type.name().toLowerCase(Locale.ROOT);
    }
}

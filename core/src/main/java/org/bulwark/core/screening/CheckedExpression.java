package org.bulwark.core.screening;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import java.util.LinkedHashSet;
import java.util.Set;

/** A CEL expression of a rule file that parsed and type-checked, with the YAML node it came from. */
record CheckedExpression(SourceNode node, String role, CelAbstractSyntaxTree ast) {

    String text() {
        return node.text();
    }

    CelExpr root() {
        return ast.getExpr();
    }

    /** A problem located at a sub-expression: the YAML line of that part of the expression. */
    RuleException problem(long exprId, String reason) {
        Integer offset = ast.getSource().getPositionsMap().get(exprId);
        CelSourceLocation location = offset == null
                ? CelSourceLocation.NONE
                : ast.getSource().getOffsetLocation(offset).orElse(CelSourceLocation.NONE);
        return problemAt(node, role, location, reason);
    }

    /** A problem at a CEL source location, mapped to the YAML line of the expression's node. */
    static RuleException problemAt(SourceNode node, String role, CelSourceLocation location, String reason) {
        int line = node.contentLine();
        String column = "";
        if (location != null && location.getLine() > 0) {
            line += location.getLine() - 1;
            column = " (column " + (location.getColumn() + 1) + " of the expression)";
        }
        return new RuleException(node.source(), null, line, role + ": " + reason + column);
    }

    /** Names of the variables the expression reads, parameters as {@code p.<name>}. */
    Set<String> referencedNames() {
        Set<String> names = new LinkedHashSet<>();
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (!reference.name().isEmpty()) {
                names.add(reference.name());
            }
        }
        return names;
    }

    /** Names of the parameters the expression reads, without the {@code p.} prefix. */
    Set<String> referencedParameters() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : referencedNames()) {
            if (name.startsWith(VariableScope.PARAMETER_PREFIX)) {
                names.add(name.substring(VariableScope.PARAMETER_PREFIX.length()));
            }
        }
        return names;
    }
}

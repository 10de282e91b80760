package org.bulwark.core.screening;

import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names an expression may use — variables bound to frame slots, and the parameters {@code p.<name>} — and the CEL
 * compiler declared with exactly those names and types, so that CEL itself rejects unknown names and type errors.
 */
final class VariableScope {

    /** A variable: its name, the slot a frame reads it from, and its type. */
    record Variable(String name, int slot, FieldType type) {}

    static final String PARAMETER_PREFIX = "p.";

    private final Map<String, Variable> variables;
    private final List<String> parameters;
    private CelCompiler compiler;

    VariableScope(Map<String, Variable> variables, List<String> parameters) {
        this.variables = new LinkedHashMap<>(variables);
        this.parameters = List.copyOf(parameters);
    }

    Variable variable(String name) {
        return variables.get(name);
    }

    /** Index of a parameter in the parameter list, or -1. */
    int parameterIndex(String name) {
        return parameters.indexOf(name);
    }

    boolean hasParameter(String name) {
        return parameters.contains(name);
    }

    /** A compiler knowing these variables and parameters; CEL's standard functions, no macros. */
    CelCompiler compiler() {
        if (compiler == null) {
            CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder();
            variables
                    .values()
                    .forEach(variable ->
                            builder.addVar(variable.name(), variable.type().celType()));
            parameters.forEach(name -> builder.addVar(PARAMETER_PREFIX + name, SimpleType.DOUBLE));
            compiler = builder.build();
        }
        return compiler;
    }
}

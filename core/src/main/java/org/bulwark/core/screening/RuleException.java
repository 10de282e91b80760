package org.bulwark.core.screening;

/** A rule file that cannot be used, naming the source, the rule (when known), the line and the reason. */
public final class RuleException extends RuntimeException {

    private final String source;
    private final String ruleId;
    private final int line;
    private final String reason;

    /** A problem at {@code line} (1-based, 0 when unknown) of {@code source}, inside rule {@code ruleId} (nullable). */
    public RuleException(String source, String ruleId, int line, String reason) {
        super(format(source, ruleId, line, reason));
        this.source = source;
        this.ruleId = ruleId;
        this.line = line;
        this.reason = reason;
    }

    /** The name of the rule file. */
    public String source() {
        return source;
    }

    /** The id of the rule at fault, or {@code null} when the problem is outside any rule. */
    public String ruleId() {
        return ruleId;
    }

    /** The 1-based line in the rule file, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    /** The same problem attributed to a rule, unless it already is. */
    RuleException inRule(String id) {
        return ruleId != null ? this : new RuleException(source, id, line, reason);
    }

    private static String format(String source, String ruleId, int line, String reason) {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (ruleId != null) {
            text.append("rule ").append(ruleId).append(": ");
        }
        return text.append(reason).toString();
    }
}

package org.bulwark.core.exchange;

/** Thrown when a catalogue file cannot be used; names the file, the category (when one is at fault) and the problem. */
public class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String category;
    private final String problem;

    /** Creates the exception; {@code category} is null when the problem is not in one category. */
    public CatalogueException(String source, String category, String problem, Throwable cause) {
        super(source + ": " + (category == null ? "" : "category " + category + ": ") + problem, cause);
        this.source = source;
        this.category = category;
        this.problem = problem;
    }

    /** Creates the exception without a cause. */
    public CatalogueException(String source, String category, String problem) {
        this(source, category, problem, null);
    }

    /** The file (or resource) that was read. */
    public String source() {
        return source;
    }

    /** The code of the faulty category, or null. */
    public String category() {
        return category;
    }

    /** What is wrong, without the source and category. */
    public String problem() {
        return problem;
    }
}

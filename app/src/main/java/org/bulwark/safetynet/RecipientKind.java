package org.bulwark.safetynet;

/** The two kinds of safety-net support a household receives, each from its civil-affairs data category. */
public enum RecipientKind {
    /** rural minimum living allowance, 农村低保 */
    ALLOWANCE("minimum_living_allowance"),
    /** extreme-poverty support, 特困供养 */
    SUPPORT("extreme_poverty_support");

    private final String category;

    RecipientKind(String category) {
        this.category = category;
    }

    /** The department data category its records come in. */
    public String category() {
        return category;
    }

    static RecipientKind ofCategory(String category) {
        for (RecipientKind kind : values()) {
            if (kind.category.equals(category)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a safety-net category: " + category);
    }
}

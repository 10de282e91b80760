package org.bulwark.registry;

/**
 * A search of the registry: free text (a name or its beginning, a full or partial identity number, a household
 * number), an optional region inside the user's scope, an optional category, and a page.
 */
public record HouseholdSearch(String text, String regionCode, String category, int page, int size) {

    public HouseholdSearch {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 200);
    }
}

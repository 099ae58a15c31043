package dev.pms.core.common;

import dev.pms.core.validation.InputChecker;

/** The {@code limit} of every listing: a whole number from 1 to {@value #MAX}, {@value #DEFAULT} when absent. */
public final class PageSizes {
    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageSizes() {
    }

    /** @throws dev.pms.core.error.ValidationException naming {@code limit} */
    public static int parse(String limit, String listing) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        InputChecker check = new InputChecker();
        int size = DEFAULT;
        try {
            size = Integer.parseInt(limit.trim());
            if (size < 1 || size > MAX) {
                check.add("limit", "must be between 1 and " + MAX + " (got " + size + ")");
            }
        } catch (NumberFormatException e) {
            check.add("limit", "must be a whole number between 1 and " + MAX);
        }
        check.throwIfProblems(listing);
        return size;
    }
}

package dev.pms.aws.http.requests;

import dev.pms.core.common.PageSizes;
import dev.pms.core.validation.FieldProblems;

/** The {@code limit} query parameter of a listing: a whole number from 1 to 200, 50 when absent. */
public final class PageLimit {

    private PageLimit() {
    }

    /** @throws dev.pms.core.error.ValidationException naming {@code limit}, with {@code listing} as the subject */
    public static int parse(String limit, String listing) {
        FieldProblems check = new FieldProblems();
        int size = read(check, limit);
        check.throwIfProblems(listing);
        return size;
    }

    /** The page size, or the default with the problem recorded on {@code check}. */
    static int read(FieldProblems check, String limit) {
        if (limit == null || limit.isBlank()) {
            return PageSizes.DEFAULT;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size < 1 || size > PageSizes.MAX) {
                check.add("limit", "must be between 1 and " + PageSizes.MAX + " (got " + size + ")");
                return PageSizes.DEFAULT;
            }
            return size;
        } catch (NumberFormatException e) {
            check.add("limit", "must be a whole number between 1 and " + PageSizes.MAX);
            return PageSizes.DEFAULT;
        }
    }
}

package dev.pms.core.common;

/** Ids that come from a path or a body: anything blank or longer than any id we issue cannot name a stored item. */
public final class Ids {
    public static final int MAX_LENGTH = 128;

    private Ids() {
    }

    public static boolean plausible(String id) {
        return id != null && !id.isBlank() && id.length() <= MAX_LENGTH;
    }
}

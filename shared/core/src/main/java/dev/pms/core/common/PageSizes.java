package dev.pms.core.common;

/** The {@code limit} of every listing: a whole number from 1 to {@value #MAX}, {@value #DEFAULT} when absent. */
public final class PageSizes {
    public static final int DEFAULT = 50;
    public static final int MAX = 200;

    private PageSizes() {
    }
}

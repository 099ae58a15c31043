package dev.pms.core.channel;

/**
 * One copy field of a placement. {@code maxChars} is the hard limit (absent when the platform sets none),
 * {@code visibleChars} what shows before truncation, {@code warnChars} the advised length,
 * {@code countMin}/{@code countMax} how many values the field takes (e.g. 3 to 15 headlines).
 */
public record TextField(String name, Integer maxChars, Integer visibleChars, Integer warnChars, Integer minChars,
                        Integer countMin, Integer countMax) {
}

package dev.pms.core.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The suite's enums travel as their lower-case names ({@code product_launch}, {@code image_edit}). */
public final class EnumCodes {
    private EnumCodes() {
    }

    public static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive and trimmed; empty for null or an unknown code. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> code(e).equals(normalized)).findFirst();
    }

    /** For {@code @JsonCreator}: an unknown code is an IllegalArgumentException naming what was expected. */
    public static <E extends Enum<E>> E fromJson(Class<E> type, String value, String what) {
        return parse(type, value).orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + value + "'"));
    }
}

package dev.pms.core.pack;

/**
 * One check of one packed file. {@code field} names the copy field a text check is about (absent for image checks
 * and for checks of the whole file).
 */
public record PackCheck(String rule, boolean passed, String detail, String field) {

    static PackCheck passed(String rule, String detail) {
        return new PackCheck(rule, true, detail, null);
    }

    static PackCheck failed(String rule, String detail) {
        return new PackCheck(rule, false, detail, null);
    }

    static PackCheck ofField(String rule, boolean passed, String field, String detail) {
        return new PackCheck(rule, passed, detail, field);
    }
}

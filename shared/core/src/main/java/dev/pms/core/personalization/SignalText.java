package dev.pms.core.personalization;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps what a signal stores small and free of personal data: free text is cut to a short phrase with e-mail
 * addresses, links and phone numbers removed; codes are lower-case identifiers.
 */
final class SignalText {
    static final int MAX_PHRASE_CHARS = 160;
    private static final int MAX_CODE_CHARS = 60;
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(https?://|www\\.)\\S+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\s().-]{7,}\\d");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,59}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}#% ]+");

    private SignalText() {
    }

    /** A short phrase of free text with personal data taken out; null when nothing is left. */
    static String phrase(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = PHONE.matcher(LINK.matcher(EMAIL.matcher(text).replaceAll(" ")).replaceAll(" ")).replaceAll(" ");
        cleaned = SPACES.matcher(cleaned).replaceAll(" ").strip();
        if (cleaned.length() > MAX_PHRASE_CHARS) {
            int cut = cleaned.lastIndexOf(' ', MAX_PHRASE_CHARS);
            cleaned = cleaned.substring(0, cut > MAX_PHRASE_CHARS / 2 ? cut : MAX_PHRASE_CHARS);
        }
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A lower-case code ({@code problem-solution}, {@code product_photoshoot}); null when the value is not one. */
    static String code(String value) {
        if (value == null) {
            return null;
        }
        String code = value.strip().toLowerCase(Locale.ROOT);
        return CODE.matcher(code).matches() && code.length() <= MAX_CODE_CHARS ? code : null;
    }

    static boolean isCode(String name) {
        return name != null && CODE.matcher(name).matches();
    }

    /** A setting worth keeping: a short single-line string, a number or a boolean; anything else is null. */
    static Object setting(Object value, int maxChars) {
        if (value instanceof Number number) {
            double real = number.doubleValue();
            boolean whole = real == Math.rint(real) && Math.abs(real) < Integer.MAX_VALUE;
            return whole ? (Object) (int) real : (Object) real;
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            String stripped = text.strip();
            boolean keep = !stripped.isEmpty() && stripped.length() <= maxChars && stripped.indexOf('\n') < 0
                    && !stripped.startsWith("data:");
            return keep ? stripped : null;
        }
        return null;
    }

    /** The comparable form of a phrase: lower case, punctuation dropped, single spaces. */
    static String normalized(String phrase) {
        String lower = NOT_WORD.matcher(phrase.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return SPACES.matcher(lower).replaceAll(" ").strip();
    }
}

package dev.pms.core.personalization;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form's complete defaults: each field learned from the user's own events where enough of them agree, else the
 * Brand DNA's (or the suite's) value. The studio's template choice is not a default of its own.
 */
final class FormDefaults {
    private FormDefaults() {
    }

    static Map<String, Learned<Object>> of(FormType form, BrandDefaults brand, LearnedPreferences learned) {
        Map<String, Learned<Object>> fields = new LinkedHashMap<>(brand.of(form));
        if (form == FormType.CAMPAIGN_CREATOR) {
            if (learned.channels() != null) {
                fields.put("channels", learned.channels().withValue(learned.channels().value()));
            }
            if (learned.goal() != null) {
                fields.put("goal", learned.goal().withValue(learned.goal().value()));
            }
            return fields;
        }
        learned.form(form).forEach((field, value) -> {
            if (!field.equals("template_id")) {
                fields.put(field, value);
            }
        });
        return fields;
    }

    /** The plain values of the fields, as the form takes them. */
    static Map<String, Object> values(Map<String, Learned<Object>> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((field, value) -> values.put(field, value.value()));
        return values;
    }
}

package dev.pms.devstack.stepfunctions;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for state machine definition files as SAM deploys them. */
public final class StateMachineDefinitions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.:-]+)}");

    private StateMachineDefinitions() {
    }

    /**
     * Replaces each {@code ${Name}} placeholder whose name is a key of {@code substitutions}
     * (SAM {@code DefinitionSubstitutions}); placeholders without a substitution are left as they are.
     */
    public static String substitute(String definition, Map<String, String> substitutions) {
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder(definition.length());
        while (matcher.find()) {
            String value = substitutions.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

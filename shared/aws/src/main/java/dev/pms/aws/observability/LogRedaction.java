package dev.pms.aws.observability;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What never reaches a log line: bearer and JSON web tokens, the signature and credentials of a presigned URL, provider
 * API keys and the workflow's task tokens. Each is replaced by {@value #MASK}, keeping the name before it so a reader
 * still sees what was there.
 */
public final class LogRedaction {
    public static final String MASK = "[redacted]";

    /** Group 1 (when present) is kept: the name or prefix that says what the secret was. */
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("(?i)(X-Amz-(?:Signature|Credential|Security-Token)=)[^&\\s\"']+"),
            Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+)[A-Za-z0-9._~+/=-]+"),
            Pattern.compile("()\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
            Pattern.compile("()\\bsk-[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(?i)(\"?(?:api[_-]?key|access[_-]?token|secret|password|task[_-]?token)"
                    + "\"?\\s*[:=]\\s*\"?)[^\\s\",&}]+"));

    private LogRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern secret : SECRETS) {
            Matcher matcher = secret.matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
            }
        }
        return result;
    }
}

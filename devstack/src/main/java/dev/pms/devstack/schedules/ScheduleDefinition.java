package dev.pms.devstack.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One function event of {@code Type: ScheduleV2} (an EventBridge Scheduler schedule) or {@code Type: Schedule}
 * (an EventBridge rule), read the way SAM reads it. Its devstack {@link #name()} is the event's logical id; it
 * also answers to its {@code Name} property and to {@code Function.Event} ({@link #names()}).
 *
 * @param input                the {@code Input} JSON text, or null for the Scheduled Event envelope
 * @param awsName              the schedule's or rule's name in its ARN: {@code Name}, else {@code pms-local-<Function><Event>}
 * @param startDate            Scheduler's {@code StartDate} or null
 * @param endDate              Scheduler's {@code EndDate} or null
 * @param maximumRetryAttempts retries after a failed invocation
 * @param maximumEventAge      no retry once the event is older
 */
public record ScheduleDefinition(String name, String functionLogicalId, String eventName, Kind kind,
                                 ScheduleExpression expression, ZoneId zone, boolean enabled, String input,
                                 String awsName, String arn, Instant startDate, Instant endDate,
                                 int maximumRetryAttempts, Duration maximumEventAge) {

    /**
     * Lambda retries a failed asynchronous invocation twice; EventBridge's own policy (185 retries over 24 h)
     * only applies when the invocation cannot be delivered at all, which cannot happen in process.
     */
    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 2;
    public static final Duration DEFAULT_MAXIMUM_EVENT_AGE = Duration.ofHours(24);

    /** Which EventBridge service delivers the event. */
    public enum Kind {
        SCHEDULER("ScheduleV2", "ScheduleExpression", "aws.scheduler"),
        RULE("Schedule", "Schedule", "aws.events");

        private final String eventType;
        private final String expressionProperty;
        private final String source;

        Kind(String eventType, String expressionProperty, String source) {
            this.eventType = eventType;
            this.expressionProperty = expressionProperty;
            this.source = source;
        }

        public String eventType() {
            return eventType;
        }

        /** {@code source} of the Scheduled Event envelope. */
        public String source() {
            return source;
        }

        static Optional<Kind> ofEventType(Object type) {
            for (Kind kind : values()) {
                if (kind.eventType.equals(type)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private static final Set<String> SCHEDULER_PROPERTIES = Set.of("ScheduleExpression", "ScheduleExpressionTimezone",
            "Name", "GroupName", "State", "Input", "StartDate", "EndDate", "RetryPolicy");
    private static final Set<String> SCHEDULER_IGNORED = Set.of("Description", "FlexibleTimeWindow", "DeadLetterConfig",
            "KmsKeyArn", "OmitName", "PermissionsBoundary", "RoleArn");
    private static final Set<String> RULE_PROPERTIES = Set.of("Schedule", "Name", "State", "Enabled", "Input",
            "RetryPolicy");
    private static final Set<String> RULE_IGNORED = Set.of("Description", "DeadLetterConfig", "Target");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId UTC = ZoneId.of("UTC");

    public ScheduleDefinition {
        if (maximumRetryAttempts < 0) {
            throw new IllegalArgumentException("maximumRetryAttempts must not be negative");
        }
    }

    /** Every schedule event of every function, in template order; disabled ones included. */
    public static List<ScheduleDefinition> allOf(List<FunctionDefinition> functions, IntrinsicResolver resolver) {
        List<ScheduleDefinition> schedules = new ArrayList<>();
        for (FunctionDefinition function : functions) {
            function.events().forEach((eventName, declared) -> {
                Map<String, Object> event = SamTemplate.asMapOf(declared);
                Kind.ofEventType(event.get("Type")).ifPresent(kind ->
                        schedules.add(of(function, eventName, kind, event.get("Properties"), resolver)));
            });
        }
        return List.copyOf(schedules);
    }

    static ScheduleDefinition of(FunctionDefinition function, String eventName, Kind kind, Object declaredProperties,
                                 IntrinsicResolver resolver) {
        String where = "Schedule " + eventName + " (function " + function.logicalId() + ", Type: " + kind.eventType + ")";
        if (declaredProperties == null) {
            throw new TemplateException(where + ": Properties." + kind.expressionProperty + " is missing");
        }
        Map<String, Object> properties = SamTemplate.asMapOf(resolver.resolve(declaredProperties,
                "Resources." + function.logicalId() + ".Properties.Events." + eventName + ".Properties"));
        Set<String> supported = kind == Kind.SCHEDULER ? SCHEDULER_PROPERTIES : RULE_PROPERTIES;
        Set<String> ignored = kind == Kind.SCHEDULER ? SCHEDULER_IGNORED : RULE_IGNORED;
        for (String property : properties.keySet()) {
            if (!supported.contains(property) && !ignored.contains(property)) {
                throw new TemplateException(where + ": unknown property " + property + " (supported: "
                        + String.join(", ", supported.stream().sorted().toList()) + "; accepted and ignored: "
                        + String.join(", ", ignored.stream().sorted().toList()) + ")");
            }
        }

        Object expressionText = properties.get(kind.expressionProperty);
        if (expressionText == null) {
            throw new TemplateException(where + ": Properties." + kind.expressionProperty + " is missing");
        }
        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parse(String.valueOf(expressionText));
        } catch (IllegalArgumentException e) {
            throw new TemplateException(where + ": " + kind.expressionProperty + " " + e.getMessage());
        }
        if (kind == Kind.RULE && expression instanceof ScheduleExpression.At) {
            throw new TemplateException(where + ": at(...) is for EventBridge Scheduler only (Type: ScheduleV2)");
        }

        ZoneId zone = UTC;
        Object timezone = properties.get("ScheduleExpressionTimezone");
        if (timezone != null) {
            try {
                zone = ZoneId.of(String.valueOf(timezone));
            } catch (DateTimeException e) {
                throw new TemplateException(where + ": ScheduleExpressionTimezone '" + timezone
                        + "' is not a time zone (e.g. Europe/Berlin)");
            }
        }

        boolean enabled = enabled(properties, kind, where);
        String input = input(properties.get("Input"), where);
        String awsName = properties.containsKey("Name") ? String.valueOf(properties.get("Name"))
                : IntrinsicResolver.STACK_NAME + "-" + function.logicalId() + eventName;
        String arn = kind == Kind.SCHEDULER
                ? "arn:aws:scheduler:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":schedule/"
                        + properties.getOrDefault("GroupName", "default") + "/" + awsName
                : "arn:aws:events:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":rule/" + awsName;
        Instant startDate = date(properties.get("StartDate"), "StartDate", where);
        Instant endDate = date(properties.get("EndDate"), "EndDate", where);
        if (startDate != null && endDate != null && !endDate.isAfter(startDate)) {
            throw new TemplateException(where + ": EndDate " + endDate + " is not after StartDate " + startDate);
        }

        int maximumRetryAttempts = DEFAULT_MAXIMUM_RETRY_ATTEMPTS;
        Duration maximumEventAge = DEFAULT_MAXIMUM_EVENT_AGE;
        Object retryPolicy = properties.get("RetryPolicy");
        if (retryPolicy != null) {
            Map<String, Object> retry = SamTemplate.asMapOf(retryPolicy);
            maximumRetryAttempts = intProperty(retry, "MaximumRetryAttempts", maximumRetryAttempts, 0, 185, where);
            maximumEventAge = Duration.ofSeconds(intProperty(retry, "MaximumEventAgeInSeconds",
                    (int) maximumEventAge.toSeconds(), 60, 86_400, where));
        }
        return new ScheduleDefinition(eventName, function.logicalId(), eventName, kind, expression, zone, enabled, input,
                awsName, arn, startDate, endDate, maximumRetryAttempts, maximumEventAge);
    }

    private static boolean enabled(Map<String, Object> properties, Kind kind, String where) {
        Object state = properties.get("State");
        if (state != null) {
            String value = String.valueOf(state);
            Set<String> states = kind == Kind.SCHEDULER ? Set.of("ENABLED", "DISABLED")
                    : Set.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
            if (!states.contains(value)) {
                throw new TemplateException(where + ": State must be one of " + String.join(", ",
                        states.stream().sorted().toList()) + " but is '" + value + "'");
            }
            return !value.equals("DISABLED");
        }
        Object enabled = properties.get("Enabled");
        if (enabled != null) {
            String value = String.valueOf(enabled);
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new TemplateException(where + ": Enabled must be true or false but is '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }
        return true;
    }

    private static String input(Object input, String where) {
        if (input == null) {
            return null;
        }
        if (!(input instanceof String text)) {
            throw new TemplateException(where + ": Input must be a string of JSON (quote it: Input: '{\"a\":1}') but is "
                    + input);
        }
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TemplateException(where + ": Input is not valid JSON: " + e.getOriginalMessage());
        }
        return text;
    }

    private static Instant date(Object value, String property, String where) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new TemplateException(where + ": " + property + " '" + text
                    + "' is not a timestamp like 2030-01-01T00:00:00Z");
        }
    }

    private static int intProperty(Map<String, Object> properties, String name, int fallback, int min, int max,
                                   String where) {
        Object value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        int number;
        try {
            number = Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new TemplateException(where + ": RetryPolicy." + name + " must be a whole number but is '" + value + "'");
        }
        if (number < min || number > max) {
            throw new TemplateException(where + ": RetryPolicy." + name + " must be " + min + ".." + max + " but is "
                    + number);
        }
        return number;
    }

    /** What the schedule answers to: its event's logical id, its {@code Name} property, {@code Function.Event}. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        names.add(name);
        names.add(awsName);
        names.add(functionLogicalId + "." + eventName);
        return names;
    }

    /**
     * The first fire time strictly after {@code after} within {@code StartDate}..{@code EndDate}; a rate counts from
     * {@code StartDate} when given, else from {@code anchor} (when the devstack started).
     */
    public Optional<Instant> nextFireAfter(Instant after, Instant anchor) {
        Instant from = startDate != null && !startDate.isBefore(after) ? startDate.minusNanos(1) : after;
        return expression.nextFireAfter(from, startDate != null ? startDate : anchor, zone)
                .filter(fire -> endDate == null || !fire.isAfter(endDate));
    }

    @Override
    public String toString() {
        return name + " → " + functionLogicalId + " (" + kind.eventType + ", " + expression.text()
                + (zone.equals(UTC) ? "" : " " + zone) + (enabled ? "" : ", disabled") + ")";
    }
}

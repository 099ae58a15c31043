package dev.pms.devstack.schedules;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.emulators.LocalAws;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.joda.time.DateTime;

/**
 * What EventBridge hands the function: the schedule's {@code Input} JSON when it has one (for Scheduler with its
 * context attributes {@code <aws.scheduler.schedule-arn>}, {@code <aws.scheduler.scheduled-time>},
 * {@code <aws.scheduler.execution-id>} and {@code <aws.scheduler.attempt-number>} filled in), else the
 * Scheduled Event envelope.
 */
final class ScheduledEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScheduledEvents() {
    }

    /** The event of one delivery attempt ({@code attempt} from 1) of the fire at {@code scheduledTime}. */
    static JsonNode payload(ScheduleDefinition schedule, Instant scheduledTime, String eventId, int attempt) {
        String time = timestamp(scheduledTime);
        if (schedule.input() != null) {
            String input = schedule.input();
            if (schedule.kind() == ScheduleDefinition.Kind.SCHEDULER) {
                input = input.replace("<aws.scheduler.schedule-arn>", schedule.arn())
                        .replace("<aws.scheduler.scheduled-time>", time)
                        .replace("<aws.scheduler.execution-id>", eventId)
                        .replace("<aws.scheduler.attempt-number>", String.valueOf(attempt));
            }
            try {
                return JSON.readTree(input);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Input of schedule " + schedule.name() + " is no JSON once its context "
                        + "attributes are filled in: " + e.getOriginalMessage(), e);
            }
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", eventId);
        envelope.put("detail-type", "Scheduled Event");
        envelope.put("source", schedule.kind().source());
        envelope.put("account", LocalAws.ACCOUNT_ID);
        envelope.put("time", time);
        envelope.put("region", LocalAws.REGION);
        envelope.putArray("resources").add(schedule.arn());
        envelope.putObject("detail");
        return envelope;
    }

    /** EventBridge's event time: UTC, whole seconds. */
    static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The payload as the handler's declared event type, as Lambda's Java runtime would deserialize it. */
    static Object forHandler(JsonNode payload, Type eventType) {
        if (eventType == ScheduledEvent.class) {
            return scheduledEvent(payload);
        }
        if (eventType == JsonNode.class) {
            return payload;
        }
        return JSON.convertValue(payload, JSON.getTypeFactory().constructType(eventType));
    }

    private static ScheduledEvent scheduledEvent(JsonNode payload) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion(payload.path("version").asText(null));
        event.setId(payload.path("id").asText(null));
        event.setDetailType(payload.path("detail-type").asText(null));
        event.setSource(payload.path("source").asText(null));
        event.setAccount(payload.path("account").asText(null));
        event.setRegion(payload.path("region").asText(null));
        if (payload.hasNonNull("time")) {
            event.setTime(DateTime.parse(payload.get("time").asText()));
        }
        List<String> resources = new ArrayList<>();
        payload.path("resources").forEach(resource -> resources.add(resource.asText()));
        event.setResources(resources);
        Map<String, Object> detail = payload.path("detail").isObject()
                ? JSON.convertValue(payload.get("detail"), JSON.getTypeFactory().constructMapType(
                        LinkedHashMap.class, String.class, Object.class))
                : Map.of();
        event.setDetail(detail);
        return event;
    }

    /** The handler's answer as JSON, as Lambda serializes it; null stays null. */
    static JsonNode resultJson(Object result) {
        if (result == null) {
            return null;
        }
        if (result instanceof JsonNode node) {
            return node;
        }
        return JSON.valueToTree(result);
    }
}

package dev.pms.devstack.eventsources;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Builds the event Lambda hands an SQS-triggered function, from the messages ElasticMQ returned. */
final class SqsEvents {

    private SqsEvents() {
    }

    static SQSEvent eventOf(List<Message> messages, SqsEventSourceMapping mapping, String region) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(messages.size());
        for (Message message : messages) {
            records.add(recordOf(message, mapping, region));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSEvent.SQSMessage recordOf(Message message, SqsEventSourceMapping mapping, String region) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attributeOf(value)));
        record.setMessageAttributes(attributes);
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(mapping.queueArn());
        record.setAwsRegion(region);
        return record;
    }

    private static SQSEvent.MessageAttribute attributeOf(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        attribute.setBinaryListValues(value.binaryListValues().stream().map(SdkBytes::asByteBuffer).toList());
        return attribute;
    }

    /** The event as Lambda serializes it ({@code Records}, {@code eventSourceARN}, base64 binary values), for handlers that do not take an {@link SQSEvent}. */
    static Map<String, Object> lambdaJsonOf(SQSEvent event) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("messageId", message.getMessageId());
            record.put("receiptHandle", message.getReceiptHandle());
            record.put("body", message.getBody());
            record.put("attributes", message.getAttributes());
            Map<String, Object> attributes = new LinkedHashMap<>();
            message.getMessageAttributes().forEach((name, value) -> {
                Map<String, Object> attribute = new LinkedHashMap<>();
                if (value.getStringValue() != null) {
                    attribute.put("stringValue", value.getStringValue());
                }
                if (value.getBinaryValue() != null) {
                    attribute.put("binaryValue", base64(value.getBinaryValue()));
                }
                attribute.put("stringListValues", value.getStringListValues());
                attribute.put("binaryListValues", value.getBinaryListValues().stream().map(SqsEvents::base64).toList());
                attribute.put("dataType", value.getDataType());
                attributes.put(name, attribute);
            });
            record.put("messageAttributes", attributes);
            record.put("md5OfMessageAttributes", message.getMd5OfMessageAttributes());
            record.put("md5OfBody", message.getMd5OfBody());
            record.put("eventSource", message.getEventSource());
            record.put("eventSourceARN", message.getEventSourceArn());
            record.put("awsRegion", message.getAwsRegion());
            records.add(record);
        }
        return Map.of("Records", records);
    }

    private static String base64(ByteBuffer bytes) {
        return Base64.getEncoder().encodeToString(SdkBytes.fromByteBuffer(bytes).asByteArray());
    }
}

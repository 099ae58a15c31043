package dev.pms.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

final class Attr {
    private Attr() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}

package dev.pms.devstack.stepfunctions.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A deployed state machine; the definition is replaced by UpdateStateMachine. */
final class StateMachine {
    final String arn;
    final String name;
    final String type;
    final Instant creationDate;
    volatile String definitionText;
    volatile JsonNode definition;
    volatile String roleArn;
    volatile Instant updateDate;

    StateMachine(String arn, String name, String type, Instant creationDate, String definitionText,
                 JsonNode definition, String roleArn) {
        this.arn = arn;
        this.name = name;
        this.type = type;
        this.creationDate = creationDate;
        this.definitionText = definitionText;
        this.definition = definition;
        this.roleArn = roleArn;
        this.updateDate = creationDate;
    }
}

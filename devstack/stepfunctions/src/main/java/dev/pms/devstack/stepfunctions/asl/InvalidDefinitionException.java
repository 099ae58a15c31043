package dev.pms.devstack.stepfunctions.asl;

/** The definition is not valid Amazon States Language, or uses a feature this engine does not run. */
public final class InvalidDefinitionException extends RuntimeException {
    public InvalidDefinitionException(String message) {
        super(message);
    }
}

package dev.pms.aws.observability;

import org.apache.logging.log4j.message.AbstractMessageFactory;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;

/**
 * Log4j's message factory for every logger (named by {@code log4j2.messageFactory} in
 * {@code log4j2.component.properties}): the formatted text of each message, SLF4J's and {@code System.Logger}'s
 * alike, passes through {@link LogRedaction} before any layout sees it.
 */
public final class RedactingMessageFactory extends AbstractMessageFactory {

    @Override
    public Message newMessage(String message) {
        return new RedactedMessage(new SimpleMessage(message));
    }

    @Override
    public Message newMessage(CharSequence message) {
        return new RedactedMessage(new SimpleMessage(message));
    }

    @Override
    public Message newMessage(Object message) {
        return message instanceof Message ready ? new RedactedMessage(ready)
                : new RedactedMessage(new SimpleMessage(String.valueOf(message)));
    }

    @Override
    public Message newMessage(String message, Object... params) {
        return new RedactedMessage(new ParameterizedMessage(message, params));
    }

    /** A message whose formatted text is redacted once, when first asked for. */
    static final class RedactedMessage implements Message {
        private final Message message;
        private transient String formatted;

        RedactedMessage(Message message) {
            this.message = message;
        }

        @Override
        public String getFormattedMessage() {
            if (formatted == null) {
                formatted = LogRedaction.redact(message.getFormattedMessage());
            }
            return formatted;
        }

        @Override
        public String getFormat() {
            return LogRedaction.redact(message.getFormat());
        }

        @Override
        public Object[] getParameters() {
            return new Object[0];
        }

        @Override
        public Throwable getThrowable() {
            return message.getThrowable();
        }
    }
}

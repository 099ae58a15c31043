package dev.pms.providers.openai;

/** The provider answered 2xx with something that is not a usable chat completion. */
final class MalformedAnswerException extends Exception {

    MalformedAnswerException(String message) {
        super(message);
    }
}

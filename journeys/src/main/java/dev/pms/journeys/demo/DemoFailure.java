package dev.pms.journeys.demo;

/** Ends the demo with exit code 1; the message is printed as it is. */
final class DemoFailure extends RuntimeException {
    DemoFailure(String message) {
        super(message);
    }
}

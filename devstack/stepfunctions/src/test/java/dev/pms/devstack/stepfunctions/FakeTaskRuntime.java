package dev.pms.devstack.stepfunctions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Test double of the devstack's task runtime: Lambdas are Java functions; SQS messages are recorded. */
public final class FakeTaskRuntime implements TaskRuntime {

    /** A Lambda handler of the test. */
    @FunctionalInterface
    public interface FakeLambda {
        String handle(String payloadJson) throws TaskFailedException;
    }

    public record SentMessage(String queueUrl, String body, Map<String, Object> otherParameters) {
    }

    public record Invocation(String function, String payload, long nanoTime) {
    }

    private final Map<String, FakeLambda> lambdas = new ConcurrentHashMap<>();
    private final BlockingQueue<SentMessage> sent = new LinkedBlockingQueue<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger();

    public FakeTaskRuntime lambda(String name, FakeLambda handler) {
        lambdas.put(name, handler);
        return this;
    }

    @Override
    public String invokeLambda(String functionNameOrArn, String payloadJson) throws TaskFailedException {
        String name = functionNameOrArn.contains(":function:")
                ? functionNameOrArn.substring(functionNameOrArn.indexOf(":function:") + ":function:".length())
                .split(":")[0]
                : functionNameOrArn;
        invocations.add(new Invocation(name, payloadJson, System.nanoTime()));
        FakeLambda lambda = lambdas.get(name);
        if (lambda == null) {
            throw new TaskFailedException("ResourceNotFoundException", "Function not found: " + functionNameOrArn);
        }
        return lambda.handle(payloadJson);
    }

    @Override
    public String sendSqsMessage(String queueUrl, String messageBody, Map<String, Object> otherParameters) {
        sent.add(new SentMessage(queueUrl, messageBody, otherParameters));
        return "{\"MessageId\":\"msg-" + messageIds.incrementAndGet() + "\",\"MD5OfMessageBody\":\"x\"}";
    }

    /** The next message sent to SQS, waiting up to the timeout. */
    public SentMessage nextMessage(long timeout, TimeUnit unit) throws InterruptedException {
        SentMessage message = sent.poll(timeout, unit);
        if (message == null) {
            throw new AssertionError("no SQS message was sent within " + timeout + " " + unit);
        }
        return message;
    }

    public List<Invocation> invocations() {
        return invocations;
    }
}

package dev.pms.devstack.eventsources;

import dev.pms.devstack.LocalService;
import dev.pms.devstack.LocalServiceFactory;
import dev.pms.devstack.functions.InProcessFunction;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS → Lambda event sources of the template: one {@link SqsQueuePoller} per enabled function event of
 * {@code Type: SQS}. Started after provisioning; on close, batches being invoked are finished and settled, and
 * every polling thread has ended before the functions and emulators stop.
 */
public final class SqsEventSources implements LocalServiceFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSources.class);
    private static final long STOP_GRACE_SECONDS = 5;

    @Override
    public LocalService start(Context context) {
        List<SqsEventSourceMapping> mappings = SqsEventSourceMapping.allOf(
                context.functions().all().values().stream().map(InProcessFunction::definition).toList(),
                context.template(), context.resolver(), context.resources());
        mappings.forEach(mapping -> LOG.info("SQS event source {}", mapping));
        List<SqsEventSourceMapping> enabled = mappings.stream().filter(SqsEventSourceMapping::enabled).toList();
        SqsClient sqs = context.localAws().sqsClient();
        List<SqsQueuePoller> pollers = enabled.stream()
                .map(mapping -> new SqsQueuePoller(mapping, context.functions().get(mapping.functionLogicalId()),
                        sqs, context.localAws().region()))
                .toList();
        pollers.forEach(SqsQueuePoller::start);
        return new RunningEventSources(pollers, sqs);
    }

    private static final class RunningEventSources implements LocalService {
        private final List<SqsQueuePoller> pollers;
        private final SqsClient sqs;

        RunningEventSources(List<SqsQueuePoller> pollers, SqsClient sqs) {
            this.pollers = pollers;
            this.sqs = sqs;
        }

        @Override
        public String name() {
            return "sqs-event-sources";
        }

        /** None: the pollers only call ElasticMQ and the functions. */
        @Override
        public URI endpoint() {
            return null;
        }

        @Override
        public Map<String, String> functionProperties() {
            return Map.of();
        }

        @Override
        public void close() {
            pollers.forEach(SqsQueuePoller::requestStop);
            // a batch being invoked may run for the function's whole Timeout, as on Lambda
            long longestTimeoutSeconds = pollers.stream()
                    .mapToLong(SqsQueuePoller::functionTimeoutSeconds).max().orElse(0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(longestTimeoutSeconds + STOP_GRACE_SECONDS);
            for (SqsQueuePoller poller : pollers) {
                if (!poller.awaitStopped(deadline)) {
                    LOG.warn("SQS event source {} did not stop in time; interrupting it", poller.mapping());
                    poller.interruptRemaining();
                }
            }
            sqs.close();
        }
    }
}

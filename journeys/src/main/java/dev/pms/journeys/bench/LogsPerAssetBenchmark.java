package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What CloudWatch Logs would receive from the functions for one generation run of the 40-asset campaign on the
 * devstack (offline providers): every log event written inside an invocation, in the exact JSON the Lambda
 * configuration writes (Powertools' layout), and every EMF metric document, counted in lines and bytes per function
 * and per generated asset. The client's status polls are counted apart (their number depends on the poll interval).
 */
public final class LogsPerAssetBenchmark {
    private static final String STATUS_POLL = "GET /api/product-marketing/campaigns/{campaign_id}/generation answered";

    /** Lines and bytes of one kind of output. */
    private static final class Tally {
        final AtomicLong lines = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        void add(long size) {
            lines.incrementAndGet();
            bytes.addAndGet(size);
        }
    }

    private final Map<String, Tally> byFunction = new TreeMap<>();
    private final Tally polls = new Tally();
    private final Tally metrics = new Tally();
    private final Set<String> invocations = ConcurrentHashMap.newKeySet();
    private volatile boolean counting;

    public static void main(String[] args) throws Exception {
        new LogsPerAssetBenchmark().run();
    }

    private void run() throws Exception {
        BenchmarkHttp http = new BenchmarkHttp(Duration.ofSeconds(60));
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false);
        PrintStream console = System.out;
        try (Devstack devstack = Devstack.start(options)) {
            countFunctionLogs();
            System.setOut(new PrintStream(new MetricDocuments(console), true, StandardCharsets.UTF_8));
            String user = "bench-" + UUID.randomUUID();
            http.send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}", BenchmarkHttp.ANY_SUCCESS);
            String token = devstack.tokenFor(user);
            String api = devstack.apiBase().toString();
            JsonNode campaign = http.send("POST", URI.create(api + "/campaigns/create-blueprint"), token,
                    GenerationBenchmark.CAMPAIGN, 201);
            String id = campaign.get("campaign_id").asText();
            http.send("POST", URI.create(api + "/campaigns/" + id + "/generate-proposals"), token, "{}",
                    BenchmarkHttp.ANY_SUCCESS);
            http.send("POST", URI.create(api + "/campaigns/" + id + "/proposals/approve-all"), token, null,
                    BenchmarkHttp.ANY_SUCCESS);

            counting = true;
            http.send("POST", URI.create(api + "/campaigns/" + id + "/generation"), token, "{\"autopilot\": true}", 202);
            JsonNode status;
            do {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                status = http.send("GET", URI.create(api + "/campaigns/" + id + "/generation"), token, null, 200);
            } while (!List.of("succeeded", "completed_with_failures", "failed", "stopped")
                    .contains(status.get("status").asText()));
            counting = false;
            System.setOut(console);
            int ready = 0;
            for (JsonNode asset : http.send("GET", URI.create(api + "/assets?campaign_id=" + id + "&limit=200"), token,
                    null, 200).get("assets")) {
                ready += asset.path("status").asText().equals("ready") ? 1 : 0;
            }
            report(status, ready, campaign.get("asset_nodes").size());
        } finally {
            System.setOut(console);
        }
    }

    private void report(JsonNode status, int assets, int nodes) {
        long lines = 0;
        long bytes = 0;
        System.out.printf(Locale.ROOT, "generation run %s, %d assets (%d nodes); function log while it ran:%n",
                status.get("status").asText(), assets, nodes);
        for (Map.Entry<String, Tally> entry : byFunction.entrySet()) {
            Tally tally = entry.getValue();
            lines += tally.lines.get();
            bytes += tally.bytes.get();
            System.out.printf(Locale.ROOT, "  %-28s %6d lines %9d bytes%n", entry.getKey(), tally.lines.get(),
                    tally.bytes.get());
        }
        System.out.printf(Locale.ROOT, "  %-28s %6d lines %9d bytes%n", "EMF metric documents", metrics.lines.get(),
                metrics.bytes.get());
        System.out.printf(Locale.ROOT, "  %-28s %6d lines %9d bytes (not counted below)%n", "client status polls",
                polls.lines.get(), polls.bytes.get());
        long allLines = lines + metrics.lines.get();
        long allBytes = bytes + metrics.bytes.get();
        System.out.printf(Locale.ROOT, "per generated asset: %.1f log lines, %.0f bytes; with EMF: %.1f lines, %.0f bytes"
                        + " (%d invocations; Lambda adds its START/END/REPORT lines to each)%n",
                (double) lines / assets, (double) bytes / assets, (double) allLines / assets, (double) allBytes / assets,
                invocations.size());
    }

    /** Counts, in the Lambda JSON layout, every event written inside a function invocation. */
    private void countFunctionLogs() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logging.getConfiguration();
        Layout<String> layout = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                .setEventTemplateUri("classpath:LambdaJsonLayout.json").build();
        AbstractAppender counter = new AbstractAppender("function-log-counter", null, layout, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String function = event.getContextData().getValue("function_name");
                if (!counting || function == null) {
                    return;
                }
                int size = layout.toSerializable(event).getBytes(StandardCharsets.UTF_8).length;
                if (event.getMessage().getFormattedMessage().startsWith(STATUS_POLL)) {
                    polls.add(size);
                    return;
                }
                String request = event.getContextData().getValue("function_request_id");
                if (request != null) {
                    invocations.add(request);
                }
                synchronized (byFunction) {
                    byFunction.computeIfAbsent(function, name -> new Tally()).add(size);
                }
            }
        };
        counter.start();
        configuration.getRootLogger().addAppender(counter, null, null);
        configuration.getLoggers().values().stream().filter(logger -> !logger.isAdditive())
                .forEach(logger -> logger.addAppender(counter, null, null));
        logging.updateLoggers();
    }

    /** Passes stdout through, counting the lines that are EMF documents (Powertools writes them to stdout). */
    private final class MetricDocuments extends OutputStream {
        private final PrintStream console;
        private final StringBuilder line = new StringBuilder();

        MetricDocuments(PrintStream console) {
            this.console = console;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            if (b == '\n') {
                String text = line.toString();
                if (counting && text.startsWith("{\"_aws\"")) {
                    metrics.add(text.getBytes(StandardCharsets.UTF_8).length + 1L);
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
    }
}

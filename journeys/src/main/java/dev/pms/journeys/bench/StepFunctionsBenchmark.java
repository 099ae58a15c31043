package dev.pms.journeys.bench;

import dev.pms.devstack.stepfunctions.StepFunctionsService;
import dev.pms.devstack.stepfunctions.TaskRuntime;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.HashMap;

/**
 * Measures the devstack Step Functions engine beside moto_server in the same run:
 * per-transition overhead over a Pass/Choice loop of about 1,000 state transitions, and the time from
 * StartExecution to the first Lambda task's invocation. The same loop written in JSONata, its counter in a
 * workflow variable, is measured on our engine too (moto cannot evaluate JSONata on its own).
 *
 * <p>Arguments: {@code [--moto-launcher PATH] [--runs N] [--moto-runs N] [--latency-samples N]}.
 */
public final class StepFunctionsBenchmark {

    private static final String ROLE = "arn:aws:iam::123456789012:role/bench";
    private static final int LOOP_ITERATIONS = 499;
    /** Init + (Check + Inc) x iterations + final Check + Done. */
    private static final int TRANSITIONS = 1 + 2 * LOOP_ITERATIONS + 2;
    private static final String LOOP = """
            {"StartAt":"Init","States":{
              "Init":{"Type":"Pass","Result":0,"ResultPath":"$.i","Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericLessThan":%d,"Next":"Inc"}],
                       "Default":"Done"},
              "Inc":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"Check"},
              "Done":{"Type":"Succeed"}}}""".formatted(LOOP_ITERATIONS);
    /** The same loop in JSONata, with the counter in a variable: same number of transitions. */
    private static final String JSONATA_LOOP = """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"i":0},"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Condition":"{%% $i < %d %%}","Next":"Inc"}],"Default":"Done"},
              "Inc":{"Type":"Pass","Assign":{"i":"{%% $i + 1 %%}"},"Output":{"i":"{%% $i + 1 %%}"},"Next":"Check"},
              "Done":{"Type":"Succeed"}}}""".formatted(LOOP_ITERATIONS);
    private static final String FIRST_LAMBDA = """
            {"StartAt":"Invoke","States":{"Invoke":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"first","Payload.$":"$"},"End":true}}}""";

    private record LoopRun(double wallMillis, double engineMillis) {
    }

    private StepFunctionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("--runs", "15"));
        int motoRuns = Integer.parseInt(options.getOrDefault("--moto-runs", "3"));
        int latencySamples = Integer.parseInt(options.getOrDefault("--latency-samples", "50"));
        String launcher = options.get("--moto-launcher");

        System.out.printf("Step Functions benchmark — %d cores, Java %s, loop of %d state transitions%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), TRANSITIONS);

        BlockingQueue<Long> invocations = new ArrayBlockingQueue<>(16);
        TaskRuntime runtime = new TaskRuntime() {
            @Override
            public String invokeLambda(String function, String payload) {
                invocations.add(System.nanoTime());
                return "{}";
            }

            @Override
            public String sendSqsMessage(String queueUrl, String body, Map<String, Object> others) {
                return "{\"MessageId\":\"bench\"}";
            }
        };

        List<LoopRun> ours;
        List<LoopRun> oursJsonata;
        List<Double> latencies = new ArrayList<>();
        try (StepFunctionsService service = StepFunctionsService.start(0, null, runtime);
             SfnClient sfn = client(service.endpoint())) {
            String loop = service.deployStateMachine("bench-loop", LOOP, ROLE);
            ours = loopRuns(sfn, loop, 10, runs, "ours");
            String jsonataLoop = service.deployStateMachine("bench-loop-jsonata", JSONATA_LOOP, ROLE);
            oursJsonata = loopRuns(sfn, jsonataLoop, 10, runs, "ours JSONata");
            String first = service.deployStateMachine("bench-first-lambda", FIRST_LAMBDA, ROLE);
            for (int i = 0; i < 10 + latencySamples; i++) {
                long started = System.nanoTime();
                String arn = sfn.startExecution(b -> b.stateMachineArn(first).input("{}")).executionArn();
                Long invoked = invocations.poll(10, TimeUnit.SECONDS);
                if (invoked == null) {
                    throw new IllegalStateException("the Lambda task was not invoked within 10 s");
                }
                if (i >= 10) {
                    latencies.add((invoked - started) / 1e6);
                }
                awaitEnd(sfn, arn, Duration.ofSeconds(10));
            }
        }

        List<LoopRun> moto = List.of();
        String motoNote;
        if (launcher == null || !Files.isRegularFile(Path.of(launcher))) {
            motoNote = "moto_server: skipped (no --moto-launcher file given)";
        } else {
            Process process = null;
            try {
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                Path log = Files.createTempFile("moto_bench", ".log");
                process = new ProcessBuilder("python3", launcher, Integer.toString(port))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                URI endpoint = URI.create("http://127.0.0.1:" + port);
                enableMotoExecution(endpoint, process);
                try (SfnClient motoClient = client(endpoint)) {
                    String loop = motoClient.createStateMachine(b -> b.name("bench-loop").definition(LOOP)
                            .roleArn(ROLE)).stateMachineArn();
                    moto = loopRuns(motoClient, loop, 1, motoRuns, "moto");
                }
                motoNote = null;
            } catch (IOException e) {
                motoNote = "moto_server: skipped (" + e.getMessage() + ")";
            } finally {
                if (process != null) {
                    process.destroy();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }

        double oursEngine = median(ours.stream().map(LoopRun::engineMillis).toList()) / TRANSITIONS;
        double oursWall = median(ours.stream().map(LoopRun::wallMillis).toList()) / TRANSITIONS;
        System.out.println();
        System.out.printf("per-transition overhead (median of %d runs of the %d-transition Pass/Choice loop):%n",
                ours.size(), TRANSITIONS);
        System.out.printf("  ours   engine (stopDate-startDate) %8.4f ms   wall (StartExecution..end seen) %8.4f ms%n",
                oursEngine, oursWall);
        System.out.printf("  ours, the loop in JSONata with a variable: engine %8.4f ms   wall %8.4f ms%n",
                median(oursJsonata.stream().map(LoopRun::engineMillis).toList()) / TRANSITIONS,
                median(oursJsonata.stream().map(LoopRun::wallMillis).toList()) / TRANSITIONS);
        if (!moto.isEmpty()) {
            double motoEngine = median(moto.stream().map(LoopRun::engineMillis).toList()) / TRANSITIONS;
            double motoWall = median(moto.stream().map(LoopRun::wallMillis).toList()) / TRANSITIONS;
            System.out.printf("  moto   engine (stopDate-startDate) %8.4f ms   wall (StartExecution..end seen) %8.4f ms"
                    + "   (median of %d runs)%n", motoEngine, motoWall, moto.size());
            System.out.printf("  ratio  moto/ours: engine %.1fx, wall %.1fx%n", motoEngine / oursEngine,
                    motoWall / oursWall);
        } else {
            System.out.println("  " + motoNote);
        }
        Collections.sort(latencies);
        System.out.printf("StartExecution -> first Lambda invocation (ours, through SfnClient over HTTP, %d samples):"
                        + " median %.3f ms, p90 %.3f ms, min %.3f ms%n", latencies.size(), median(latencies),
                latencies.get((int) Math.floor(latencies.size() * 0.9)), latencies.get(0));
    }

    private static List<LoopRun> loopRuns(SfnClient sfn, String machineArn, int warmups, int runs, String label) {
        List<LoopRun> measured = new ArrayList<>();
        for (int i = 0; i < warmups + runs; i++) {
            long started = System.nanoTime();
            String name = label.replace(' ', '-') + "-" + System.nanoTime();
            String arn = sfn.startExecution(b -> b.stateMachineArn(machineArn).name(name).input("{}")).executionArn();
            DescribeExecutionResponse done = awaitEnd(sfn, arn, Duration.ofMinutes(5));
            double wall = (System.nanoTime() - started) / 1e6;
            if (done.status() != ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException(label + " loop ended " + done.status() + ": " + done.error() + " "
                        + done.cause());
            }
            double engine = Duration.between(done.startDate(), done.stopDate()).toNanos() / 1e6;
            if (i >= warmups) {
                measured.add(new LoopRun(wall, engine));
                System.out.printf("  %-12s run %d: %.1f ms wall, %.1f ms engine%n", label, i - warmups + 1, wall,
                        engine);
            }
        }
        return measured;
    }

    private static DescribeExecutionResponse awaitEnd(SfnClient sfn, String arn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(b -> b.executionArn(arn));
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("still running after " + timeout + ": " + arn);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void enableMotoExecution(URI endpoint, Process process) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest enable = HttpRequest.newBuilder(endpoint.resolve("/moto-api/config"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stepfunctions\":{\"execute_state_machine\":true}}"))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited at start");
            }
            try {
                if (http.send(enable, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("moto_server did not answer within 60 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static SfnClient client(URI endpoint) {
        return SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}

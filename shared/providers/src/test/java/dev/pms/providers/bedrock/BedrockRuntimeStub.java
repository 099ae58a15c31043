package dev.pms.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.pms.providers.http.LoopbackServer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Amazon Bedrock runtime for tests: {@code Converse}, {@code InvokeModel} (Nova Canvas {@code TEXT_IMAGE},
 * checking its size rules), {@code StartAsyncInvoke} and {@code GetAsyncInvoke} (Nova Reel, writing the clip into
 * the requested S3 folder through {@code videoWriter} when the job completes), as the restJson protocol carries them.
 * Every request's SigV4 signature (service {@code bedrock}) is verified with the known credentials; a request that
 * fails the check is answered {@code 403 InvalidSignatureException} and recorded in {@link #signatureProblems()}.
 */
public final class BedrockRuntimeStub implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "AKIDBEDROCKSTUB";
    public static final String SECRET_ACCESS_KEY = "bedrock-stub-secret";
    public static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MODEL_CALL = Pattern.compile("/model/([^/]+)/(converse|invoke)");
    private static final Pattern KEYS = Pattern.compile("Its keys are exactly: ([^\\n]+)\\.\\n");

    /** One request the stub received, its JSON body parsed. */
    public record Call(String operation, String modelId, JsonNode body) {
    }

    /** A refusal to give instead of the next answer. */
    public record Failure(int status, String errorType, String message) {
    }

    private final LoopbackServer server;
    private final SigV4Verifier verifier = new SigV4Verifier(ACCESS_KEY_ID, SECRET_ACCESS_KEY, "bedrock");
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> signatureProblems = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, VideoJob> videoJobs = new ConcurrentHashMap<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private final BiConsumer<String, byte[]> videoWriter;
    private volatile Function<List<String>, String> copyWriter = BedrockRuntimeStub::copyFor;
    private volatile String stopReason = "end_turn";
    private volatile int pollsUntilDone = 1;

    private static final class VideoJob {
        final String outputFolder;
        final AtomicInteger polls = new AtomicInteger();

        VideoJob(String outputFolder) {
            this.outputFolder = outputFolder;
        }
    }

    /** {@code videoWriter} receives {@code s3://bucket/key} and the bytes of each completed clip. */
    public BedrockRuntimeStub(BiConsumer<String, byte[]> videoWriter) {
        this.videoWriter = videoWriter;
        this.server = new LoopbackServer("/", this::handle);
    }

    public URI endpoint() {
        return URI.create(server.root());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> signatureProblems() {
        return List.copyOf(signatureProblems);
    }

    /** The next requests are refused this way, in order, before the stub answers normally again. */
    public void failNext(Failure... next) {
        failures.addAll(List.of(next));
    }

    /** Writes the copy for the requested field names (by default a short line naming each field). */
    public void copyWriter(Function<List<String>, String> writer) {
        this.copyWriter = writer;
    }

    public void stopReason(String reason) {
        this.stopReason = reason;
    }

    /** How many {@code GetAsyncInvoke} calls answer {@code InProgress} before a job completes. */
    public void pollsUntilDone(int polls) {
        this.pollsUntilDone = polls;
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Optional<String> problem = verifier.problem(exchange.getRequestMethod(), exchange.getRequestURI(),
                exchange.getRequestHeaders(), body);
        if (problem.isPresent()) {
            signatureProblems.add(problem.get());
            error(exchange, new Failure(403, "InvalidSignatureException", "The request signature we calculated does"
                    + " not match the signature you provided"));
            return;
        }
        String path = exchange.getRequestURI().getRawPath();
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        Matcher model = MODEL_CALL.matcher(path);
        String operation;
        String modelId = null;
        if (model.matches()) {
            modelId = URLDecoder.decode(model.group(1), StandardCharsets.UTF_8);
            operation = model.group(2).equals("converse") ? "Converse" : "InvokeModel";
        } else if (path.equals("/async-invoke") && exchange.getRequestMethod().equals("POST")) {
            operation = "StartAsyncInvoke";
            modelId = json.path("modelId").asText();
        } else if (path.startsWith("/async-invoke/") && exchange.getRequestMethod().equals("GET")) {
            operation = "GetAsyncInvoke";
        } else {
            error(exchange, new Failure(404, "UnknownOperationException", "no such operation " + path));
            return;
        }
        calls.add(new Call(operation, modelId, json));
        if (!failures.isEmpty()) {
            error(exchange, failures.remove(0));
            return;
        }
        switch (operation) {
            case "Converse" -> converse(exchange, json);
            case "InvokeModel" -> invokeModel(exchange, json);
            case "StartAsyncInvoke" -> startAsyncInvoke(exchange, json);
            default -> getAsyncInvoke(exchange, URLDecoder.decode(path.substring("/async-invoke/".length()),
                    StandardCharsets.UTF_8));
        }
    }

    private void converse(HttpExchange exchange, JsonNode request) throws IOException {
        String system = request.path("system").path(0).path("text").asText();
        Matcher keys = KEYS.matcher(system);
        List<String> fields = new ArrayList<>();
        if (keys.find()) {
            for (String key : keys.group(1).split(", ")) {
                fields.add(key.replace("\"", ""));
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("output").putObject("message").put("role", "assistant")
                .putArray("content").addObject().put("text", copyWriter.apply(fields));
        answer.put("stopReason", stopReason);
        answer.putObject("usage").put("inputTokens", 812).put("outputTokens", 143).put("totalTokens", 955);
        answer.putObject("metrics").put("latencyMs", 420);
        ok(exchange, answer);
    }

    private void invokeModel(HttpExchange exchange, JsonNode request) throws IOException {
        JsonNode config = request.path("imageGenerationConfig");
        int width = config.path("width").asInt();
        int height = config.path("height").asInt();
        String text = request.path("textToImageParams").path("text").asText();
        if (!"TEXT_IMAGE".equals(request.path("taskType").asText()) || text.isEmpty() || text.length() > 1024) {
            error(exchange, new Failure(400, "ValidationException", "taskType or text is invalid"));
            return;
        }
        if (width % 16 != 0 || height % 16 != 0 || width < 320 || height < 320 || width > 4096 || height > 4096
                || (long) width * height > 4_194_304L || Math.max(width, height) > 4 * Math.min(width, height)) {
            error(exchange, new Failure(400, "ValidationException", "Invalid dimensions " + width + "x" + height));
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putArray("images").add(Base64.getEncoder().encodeToString(png(width, height)));
        answer.putNull("error");
        ok(exchange, answer);
    }

    private void startAsyncInvoke(HttpExchange exchange, JsonNode request) throws IOException {
        String folder = request.path("outputDataConfig").path("s3OutputDataConfig").path("s3Uri").asText();
        JsonNode config = request.path("modelInput").path("videoGenerationConfig");
        if (!folder.startsWith("s3://") || !"TEXT_VIDEO".equals(request.path("modelInput").path("taskType").asText())
                || config.path("durationSeconds").asInt() != 6 || !"1280x720".equals(config.path("dimension").asText())) {
            error(exchange, new Failure(400, "ValidationException", "invalid Nova Reel input"));
            return;
        }
        String id = "stubjob" + invocations.incrementAndGet();
        String arn = "arn:aws:bedrock:" + REGION + ":123456789012:async-invoke/" + id;
        videoJobs.put(arn, new VideoJob(folder.replaceAll("/+$", "") + "/" + id));
        ok(exchange, JSON.createObjectNode().put("invocationArn", arn));
    }

    private void getAsyncInvoke(HttpExchange exchange, String arn) throws IOException {
        VideoJob job = videoJobs.get(arn);
        if (job == null) {
            error(exchange, new Failure(404, "ResourceNotFoundException", "no such invocation"));
            return;
        }
        boolean done = job.polls.incrementAndGet() > pollsUntilDone;
        if (done && job.polls.get() == pollsUntilDone + 1) {
            videoWriter.accept(job.outputFolder + "/output.mp4", mp4());
            videoWriter.accept(job.outputFolder + "/manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("invocationArn", arn);
        answer.put("modelArn", "arn:aws:bedrock:" + REGION + "::foundation-model/amazon.nova-reel-v1:1");
        answer.put("status", done ? "Completed" : "InProgress");
        answer.putObject("outputDataConfig").putObject("s3OutputDataConfig").put("s3Uri", job.outputFolder);
        ok(exchange, answer);
    }

    private static String copyFor(List<String> fields) {
        ObjectNode copy = JSON.createObjectNode();
        fields.forEach(field -> copy.put(field, "Bright launch copy for " + field.replace('_', ' ')));
        return copy.toString();
    }

    /** The bytes of an MP4 file's first box, enough for a test to tell a clip from other bytes. */
    static byte[] mp4() {
        byte[] box = new byte[32];
        box[3] = 32;
        System.arraycopy("ftypisom".getBytes(StandardCharsets.US_ASCII), 0, box, 4, 8);
        return box;
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2B6CB0));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void ok(HttpExchange exchange, JsonNode answer) throws IOException {
        LoopbackServer.respond(exchange, 200, "application/json", Map.of(),
                answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void error(HttpExchange exchange, Failure failure) throws IOException {
        LoopbackServer.respond(exchange, failure.status(), "application/json",
                Map.of("x-amzn-ErrorType", failure.errorType()),
                JSON.createObjectNode().put("message", failure.message()).toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}

package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a studio user waits for: each studio route called through the gateway on the offline engines until its answer
 * (which carries the media's URL when it was made within the wait budget), median of N after one warm-up, with the
 * bytes the media takes in the asset library, beside the median of one warm {@code GET /templates} in the same run.
 */
public final class StudioBenchmark {
    private static final String API = "/api/product-marketing";

    private final BenchmarkHttp http = new BenchmarkHttp(Duration.ofSeconds(60));

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        new StudioBenchmark().run(runs);
    }

    private void run(int runs) throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false);
        String picture = dataUrl(picture(1200, 800), "image/png");
        String portrait = dataUrl(picture(600, 800), "image/png");
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("POST /products/photoshoot (1024x1024, 1 variation)", "/products/photoshoot|{\"product_name\": "
                + "\"Aurora Bottle\", \"product_description\": \"An insulated steel bottle that keeps drinks cold all day\", "
                + "\"environment\": \"lifestyle\", \"background_style\": \"lifestyle\", \"lighting\": \"natural\"}");
        calls.put("POST /products/animate/rotation (720p, 5 s)", "/products/animate/rotation|{\"product_name\": "
                + "\"Aurora Bottle\", \"resolution\": \"720p\", \"duration\": 5, \"product_image_base64\": \"" + picture + "\"}");
        calls.put("POST /products/video/demo (720p, 10 s)", "/products/video/demo|{\"product_name\": \"Aurora Bottle\", "
                + "\"product_description\": \"Keeps drinks cold for 24 hours. Leak-proof lid. Fits every cup holder.\", "
                + "\"resolution\": \"720p\", \"duration\": 10}");
        calls.put("POST /products/avatar/overview (480p, spoken script)", "/products/avatar/overview|{\"product_name\": "
                + "\"Aurora Bottle\", \"resolution\": \"480p\", \"avatar_image_base64\": \"" + portrait + "\", "
                + "\"script_text\": \"Meet Aurora Bottle. It keeps your water cold all day, wherever you go.\"}");
        try (Devstack devstack = Devstack.start(options)) {
            String user = "bench-" + UUID.randomUUID();
            http.send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}", 200);
            String token = devstack.tokenFor(user);
            String api = devstack.baseUri() + API;
            List<Double> baseline = new ArrayList<>();
            Map<String, List<Double>> times = new LinkedHashMap<>();
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (int i = -1; i < runs; i++) {
                long start = System.nanoTime();
                http.send("GET", URI.create(api + "/templates"), token, null, 200);
                if (i >= 0) {
                    baseline.add(BenchmarkHttp.millisSince(start));
                }
                for (Map.Entry<String, String> call : calls.entrySet()) {
                    String[] parts = call.getValue().split("\\|", 2);
                    long began = System.nanoTime();
                    JsonNode answer = http.send("POST", URI.create(api + parts[0]), token, parts[1], 200);
                    double ms = BenchmarkHttp.millisSince(began);
                    if (i >= 0) {
                        times.computeIfAbsent(call.getKey(), k -> new ArrayList<>()).add(ms);
                        JsonNode asset = http.send("GET", URI.create(api + "/assets/" + answer.get("asset_id").asText()),
                                token, null, 200);
                        bytes.put(call.getKey(), asset.get("bytes").asLong());
                    }
                }
            }
            double base = BenchmarkHttp.median(baseline);
            System.out.println("Product studio through the gateway, offline engines (java " + System.getProperty("java.version")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores), median of " + runs + " after one warm-up");
            System.out.printf(Locale.ROOT, "baseline: one warm GET /templates, median: %8.2f ms%n", base);
            times.forEach((label, samples) -> System.out.printf(Locale.ROOT,
                    "%-52s answer %8.1f ms (= %6.1f x baseline; slowest %8.1f ms); stored %,10d bytes%n", label,
                    BenchmarkHttp.median(samples), BenchmarkHttp.median(samples) / base, Collections.max(samples), bytes.get(label)));
        }
    }

    private static byte[] picture(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0xF3F1EC), 0, height, new Color(0xD9D4CA)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1A73E8));
        g.fillRoundRect(width * 3 / 8, height / 6, width / 4, height * 2 / 3, width / 10, width / 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String dataUrl(byte[] bytes, String type) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}

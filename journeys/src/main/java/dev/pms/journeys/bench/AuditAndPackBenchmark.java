package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceTable;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import com.sun.management.ThreadMXBean;

/**
 * Audit throughput and memory per image (1080×1350 PNG, warm), beside plain ImageIO decoding of the same
 * PNG as the baseline; and the build time of a channel-pack export of a 40-asset campaign across 5 channels
 * through the devstack, beside rendering the same campaign's first export (cold) in the same run.
 */
public final class AuditAndPackBenchmark {
    private static final String FORTY_NODE_LAUNCH = """
            {"campaign_name": "Pack benchmark", "goal": "product_launch", "launch_date": "2027-01-15",
             "channels": ["instagram", "youtube", "email", "linkedin", "amazon"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        auditThroughput(images);
        packBuildTime(args.length > 1 ? Integer.parseInt(args[1]) : 3);
    }

    private static void auditThroughput(int count) throws Exception {
        byte[] png = samplePng(1080, 1350);
        ImageAuditService audits = new ImageAuditService(ChannelCatalog.load(), PriceTable.load());
        ObjectNode body = Json.mapper().createObjectNode().put("image_base64", Base64.getEncoder().encodeToString(png));
        body.putObject("asset_metadata").put("target_channel", "instagram").put("placement", "feed_portrait");
        for (int i = 0; i < 20; i++) {
            audits.audit(body);
            ImageIO.read(new ByteArrayInputStream(png));
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            audits.audit(body);
        }
        double auditSeconds = (System.nanoTime() - started) / 1e9;
        long allocatedPerAudit = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / count;
        started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            ImageIO.read(new ByteArrayInputStream(png));
        }
        double decodeSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "audit of a 1080x1350 PNG (%d KB), warm, %d images: %.1f images/s, %.1f ms each, "
                        + "%.1f MB allocated per audit%n", png.length / 1024, count, count / auditSeconds,
                auditSeconds * 1000 / count, allocatedPerAudit / 1e6);
        System.out.printf(Locale.ROOT, "baseline ImageIO.read of the same PNG: %.1f ms each; audit = %.1f x decode%n",
                decodeSeconds * 1000 / count, auditSeconds / decodeSeconds);
    }

    private static void packBuildTime(int runs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Devstack devstack = Devstack.start(DevstackOptions.defaults().withPort(0)
                .withSigningKeyDirectory(Files.createTempDirectory("pms-bench-keys")))) {
            String token = devstack.tokenFor("pack-bench-" + UUID.randomUUID());
            JsonNode campaign = post(http, devstack.apiBase() + "/campaigns/create-blueprint", token, FORTY_NODE_LAUNCH);
            String id = campaign.get("campaign_id").asText();
            post(http, devstack.apiBase() + "/campaigns/" + id + "/generate-proposals", token, "{}");
            URI export = URI.create(devstack.apiBase() + "/campaigns/" + id + "/channel-packs");
            long started = System.nanoTime();
            JsonNode first = post(http, export.toString(), token, "{}");
            double coldMs = (System.nanoTime() - started) / 1e6;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                started = System.nanoTime();
                post(http, export.toString(), token, "{}");
                best = Math.min(best, (System.nanoTime() - started) / 1e6);
            }
            JsonNode manifest = first.get("manifest");
            System.out.printf(Locale.ROOT, "channel-pack export of a %d-node campaign across 5 channels: %d files packed, "
                            + "%d skipped (video/audio/avatar), valid=%s; first (cold) %.0f ms, best of %d warm %.0f ms "
                            + "(%.0f ms per packed file)%n", campaign.get("asset_nodes").size(),
                    manifest.get("files").size(), manifest.get("skipped").size(), first.get("valid").asBoolean(),
                    coldMs, runs, best, best / manifest.get("files").size());
        }
    }

    private static JsonNode post(HttpClient http, String uri, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(2))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    private static byte[] samplePng(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(26, 115, 232), width, height, new Color(11, 31, 58)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 40; i++) {
            g.fillOval((i * 97) % width, (i * 53) % height, 60 + i, 60 + i);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

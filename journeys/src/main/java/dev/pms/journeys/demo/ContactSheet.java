package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html} beside {@code manifest.json}: every asset of the demo on one page, grouped by channel and then
 * by phase in campaign order — images, videos with controls, voice with a player, copy as text — each with its
 * placement, size, cost and model. Self-contained HTML and CSS; the media are linked by their relative paths, so the
 * folder can be zipped or served as it is.
 */
final class ContactSheet {
    static final String FILE_NAME = "index.html";

    private record Node(String phase, String title) {
    }

    private ContactSheet() {
    }

    /**
     * @param manifest the manifest as written ({@code manifest.json}, read as JSON so fields added to it later, such
     *                 as {@code alt_text}, are used when present)
     * @param campaign the campaign as the API answers it: its {@code phases} and {@code asset_nodes}
     */
    static Path write(Path out, JsonNode manifest, JsonNode campaign) {
        Path file = out.resolve(FILE_NAME);
        try {
            Files.writeString(file, render(out, manifest, campaign), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DemoFailure("cannot write " + file + ": " + e);
        }
        return file;
    }

    static String render(Path out, JsonNode manifest, JsonNode campaign) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        campaign.path("asset_nodes").forEach(node -> nodes.put(node.path("asset_id").asText(),
                new Node(node.path("phase").asText("unphased"), node.path("title").asText(""))));
        List<String> phaseOrder = new ArrayList<>();
        campaign.path("phases").forEach(phase -> phaseOrder.add(phase.path("name").asText()));

        Map<String, Map<String, List<JsonNode>>> byChannelAndPhase = new LinkedHashMap<>();
        for (JsonNode asset : manifest.path("assets")) {
            Node node = nodes.getOrDefault(asset.path("asset_id").asText(), new Node("unphased", ""));
            byChannelAndPhase.computeIfAbsent(asset.path("channel").asText("other"), key -> new LinkedHashMap<>())
                    .computeIfAbsent(node.phase(), key -> new ArrayList<>()).add(asset);
        }

        String name = manifest.path("campaign_name").asText("Campaign");
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(name)).append(" - contact sheet</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(name)).append("</h1>\n")
                .append("<p class=\"summary\">");
        summary(html, manifest);
        html.append("</p>\n<nav>");
        for (String channel : byChannelAndPhase.keySet()) {
            html.append("<a href=\"#").append(anchor(channel)).append("\">").append(escape(label(channel)))
                    .append("</a>");
        }
        html.append("</nav>\n</header>\n<main>\n");
        byChannelAndPhase.forEach((channel, byPhase) -> {
            html.append("<section class=\"channel\" id=\"").append(anchor(channel)).append("\">\n<h2>")
                    .append(escape(label(channel))).append("</h2>\n");
            List<String> phases = new ArrayList<>(phaseOrder);
            byPhase.keySet().stream().filter(phase -> !phases.contains(phase)).forEach(phases::add);
            for (String phase : phases) {
                List<JsonNode> assets = byPhase.get(phase);
                if (assets == null) {
                    continue;
                }
                html.append("<h3>").append(escape(label(phase))).append(" <span class=\"count\">")
                        .append(assets.size()).append(assets.size() == 1 ? " asset" : " assets")
                        .append("</span></h3>\n<div class=\"grid\">\n");
                for (JsonNode asset : assets) {
                    card(html, out, asset, nodes.getOrDefault(asset.path("asset_id").asText(), new Node(phase, "")));
                }
                html.append("</div>\n");
            }
            html.append("</section>\n");
        });
        html.append("</main>\n<footer>Written by <code>devstack demo</code> · every file checked against its SHA-256 · ")
                .append("details in <a href=\"").append(DemoOutput.MANIFEST).append("\">").append(DemoOutput.MANIFEST)
                .append("</a></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, JsonNode manifest) {
        html.append(manifest.path("asset_count").asInt()).append(" assets · ")
                .append(size(manifest.path("total_bytes").asLong())).append(" · spent ")
                .append(money(DemoOutput.decimal(manifest, "spent_usd"))).append(" of an estimated ")
                .append(money(DemoOutput.decimal(manifest, "estimated_cost_usd"))).append(" · run ")
                .append(escape(manifest.path("run_status").asText("unknown")));
    }

    private static void card(StringBuilder html, Path out, JsonNode asset, Node node) {
        String path = DemoOutput.text(asset, "path");
        String placement = asset.path("placement").asText("");
        html.append("<figure class=\"card ").append(escape(asset.path("asset_type").asText(""))).append("\">\n");
        if (path == null) {
            html.append("<div class=\"missing\">Not generated: ")
                    .append(escape(asset.path("error").asText(asset.path("status").asText("unknown")))).append("</div>\n");
        } else {
            String src = escape(path);
            String mime = asset.path("mime_type").asText("").toLowerCase(Locale.ROOT);
            if (mime.startsWith("image/")) {
                html.append("<a class=\"media\" href=\"").append(src).append("\"><img src=\"").append(src)
                        .append("\" alt=\"").append(escape(altText(asset, node))).append("\"></a>\n");
            } else if (mime.startsWith("video/") || mime.startsWith("audio/")) {
                String tag = mime.startsWith("video/") ? "video" : "audio";
                html.append("<").append(tag).append(" class=\"media\" controls preload=\"metadata\"><source src=\"")
                        .append(src).append("\" type=\"").append(escape(mime)).append("\"><a href=\"").append(src)
                        .append("\">Download</a></").append(tag).append(">\n");
            } else {
                copy(html, out, path);
            }
        }
        html.append("<figcaption>\n<strong>").append(escape(node.title().isBlank() ? placement : node.title()))
                .append("</strong>\n<dl>\n");
        fact(html, "Placement", placement);
        fact(html, "Size", dimensions(asset) + size(asset.path("bytes").asLong()));
        fact(html, "Cost", money(DemoOutput.decimal(asset, "cost_usd")));
        fact(html, "Model", asset.path("provider").asText("?") + " · " + asset.path("model").asText("?"));
        html.append("</dl>\n");
        if (path != null) {
            html.append("<a class=\"file\" href=\"").append(escape(path)).append("\">").append(escape(path))
                    .append("</a>\n");
        }
        html.append("</figcaption>\n</figure>\n");
    }

    /** Copy stored as a JSON object of fields is shown field by field; other text as it is. */
    private static void copy(StringBuilder html, Path out, String path) {
        String text;
        try {
            text = Files.readString(out.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(cannot read " + path + ")";
        }
        JsonNode fields = null;
        try {
            fields = text.strip().startsWith("{") ? Json.mapper().readTree(text) : null;
        } catch (IOException notJson) {
            fields = null;
        }
        html.append("<div class=\"copy\">");
        if (fields == null || !fields.isObject()) {
            html.append("<p>").append(escape(text.strip())).append("</p>");
        } else {
            fields.fields().forEachRemaining(field -> {
                html.append("<div class=\"field\"><span class=\"name\">").append(escape(label(field.getKey())))
                        .append("</span>");
                if (field.getValue().isArray()) {
                    html.append("<ul>");
                    field.getValue().forEach(item -> html.append("<li>").append(escape(item.asText())).append("</li>"));
                    html.append("</ul>");
                } else {
                    html.append("<p>").append(escape(field.getValue().asText())).append("</p>");
                }
                html.append("</div>");
            });
        }
        html.append("</div>\n");
    }

    /** The image's own alt text when the manifest has one, else what the image is for. */
    static String altText(JsonNode asset, Node node) {
        String alt = DemoOutput.text(asset, "alt_text");
        if (alt != null && !alt.isBlank()) {
            return alt;
        }
        String what = node.title().isBlank() ? asset.path("placement").asText("image") : node.title();
        return what + " (" + asset.path("width").asText("?") + "×" + asset.path("height").asText("?") + ")";
    }

    private static void fact(StringBuilder html, String term, String value) {
        html.append("<dt>").append(term).append("</dt><dd>").append(escape(value)).append("</dd>\n");
    }

    private static String dimensions(JsonNode asset) {
        StringBuilder text = new StringBuilder();
        if (asset.hasNonNull("width") && asset.hasNonNull("height")) {
            text.append(asset.get("width").asInt()).append("×").append(asset.get("height").asInt()).append(" · ");
        }
        if (asset.hasNonNull("duration_s")) {
            text.append(String.format(Locale.ROOT, "%.1f s", asset.get("duration_s").asDouble())).append(" · ");
        }
        return text.toString();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String money(BigDecimal usd) {
        return usd == null ? "$?" : "$" + usd.stripTrailingZeros().toPlainString();
    }

    private static String label(String code) {
        String words = code.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String anchor(String code) {
        return "channel-" + DemoOutput.safe(code);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static final String CSS = """
            :root { --ink: #1d2330; --muted: #5f6b7a; --line: #e3e7ee; --paper: #f6f7f9; --card: #fff; --accent: #1a73e8; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: var(--ink); background: var(--paper); }
            header { padding: 32px 40px 16px; background: var(--card); border-bottom: 1px solid var(--line);
                     position: sticky; top: 0; z-index: 1; }
            h1 { margin: 0 0 4px; font-size: 26px; letter-spacing: -0.01em; }
            .summary { margin: 0 0 12px; color: var(--muted); }
            nav { display: flex; flex-wrap: wrap; gap: 8px; }
            nav a { padding: 4px 12px; border: 1px solid var(--line); border-radius: 999px; color: var(--ink);
                    text-decoration: none; font-size: 13px; }
            nav a:hover { border-color: var(--accent); color: var(--accent); }
            main { padding: 8px 40px 40px; }
            h2 { margin: 32px 0 4px; font-size: 20px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
            h3 { margin: 20px 0 12px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.08em;
                 color: var(--muted); }
            .count { font-weight: normal; text-transform: none; letter-spacing: 0; }
            .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 20px;
                    align-items: start; }
            .card { margin: 0; background: var(--card); border: 1px solid var(--line); border-radius: 10px;
                    overflow: hidden; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.05); }
            .card .media { display: block; width: 100%; background: #eef1f5; }
            .card img, .card video { display: block; width: 100%; max-height: 420px; object-fit: contain;
                                     background: #eef1f5; }
            .card audio { width: 100%; padding: 16px 12px; }
            .copy { padding: 14px 16px; font-size: 14px; max-height: 420px; overflow: auto;
                    background: #fbfcfd; border-bottom: 1px solid var(--line); }
            .copy p { margin: 0; white-space: pre-wrap; }
            .copy ul { margin: 0; padding-left: 18px; }
            .field + .field { margin-top: 10px; }
            .field .name { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: 0.06em;
                           color: var(--muted); margin-bottom: 2px; }
            .missing { padding: 32px 16px; color: #b42318; background: #fef3f2; }
            figcaption { padding: 12px 16px 14px; font-size: 13px; }
            figcaption strong { display: block; margin-bottom: 6px; font-size: 14px; }
            dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0 0 8px; }
            dt { color: var(--muted); }
            dd { margin: 0; overflow-wrap: anywhere; }
            .file { color: var(--accent); font-size: 12px; overflow-wrap: anywhere; }
            footer { padding: 24px 40px 40px; color: var(--muted); font-size: 13px; }
            footer a { color: var(--accent); }
            """;
}

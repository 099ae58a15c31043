package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ContactSheetTest {

    @Test
    void groupsByChannelThenPhaseInCampaignOrderWithAltTextCopyAndFacts(@TempDir Path out) throws Exception {
        Files.createDirectories(out.resolve("linkedin"));
        Files.writeString(out.resolve("linkedin/text-post_copy-b.json"), "{\"text\": \"Ship <faster>\", \"tags\": [\"#a\"]}");
        JsonNode manifest = Json.mapper().readTree("""
                {"campaign_name": "Aurora & co", "asset_count": 3, "total_bytes": 2048, "spent_usd": 0.06,
                 "estimated_cost_usd": 0.06, "run_status": "succeeded", "assets": [
                  {"path": "linkedin/text-post_copy-b.json", "asset_id": "b", "channel": "linkedin",
                   "asset_type": "text", "mime_type": "application/json", "bytes": 40, "cost_usd": 0.002,
                   "provider": "offline", "model": "copywriter", "placement": "linkedin/post_copy"},
                  {"path": "linkedin/image-a.png", "asset_id": "a", "channel": "linkedin", "asset_type": "image",
                   "mime_type": "image/png", "width": 1200, "height": 628, "bytes": 2000, "cost_usd": 0.03,
                   "provider": "offline", "model": "template", "placement": "linkedin/post_landscape",
                   "alt_text": "Aurora lamp on a desk: \\"Light that follows you\\""},
                  {"path": "linkedin/image-c.png", "asset_id": "c", "channel": "linkedin", "asset_type": "image",
                   "mime_type": "image/png", "width": 1200, "height": 628, "bytes": 8, "cost_usd": 0.03,
                   "provider": "offline", "model": "template", "placement": "linkedin/post_landscape"}]}
                """);
        JsonNode campaign = Json.mapper().readTree("""
                {"phases": [{"name": "teaser"}, {"name": "launch"}], "asset_nodes": [
                  {"asset_id": "a", "phase": "launch", "title": "Launch: LinkedIn post image"},
                  {"asset_id": "b", "phase": "launch", "title": "Launch: LinkedIn post copy"},
                  {"asset_id": "c", "phase": "teaser", "title": "Teaser: LinkedIn post image"}]}
                """);

        String html = ContactSheet.render(out, manifest, campaign);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Aurora &amp; co - contact sheet</title>")
                .contains("alt=\"Aurora lamp on a desk: &quot;Light that follows you&quot;\"")
                .contains("alt=\"Teaser: LinkedIn post image (1200×628)\"")
                .contains("<p>Ship &lt;faster&gt;</p>").contains("<li>#a</li>")
                .contains("2.0 KB").contains("$0.03").contains("offline · template")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(html.indexOf(">Teaser <")).isLessThan(html.indexOf(">Launch <"));
        assertThat(html.indexOf("src=\"linkedin/image-c.png\"")).isLessThan(html.indexOf("src=\"linkedin/image-a.png\""));
    }
}

package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's {@code index.html} opened in headless Chromium, as a person would open it first: every
 * image decodes and every video loads, has a duration and plays with its voice-over decoding. Without Chromium the test is skipped locally and fails under CI ({@code CI} set), where
 * {@code .ci/run} installs it.
 */
@ExtendWith(DevstackExtension.class)
class ContactSheetBrowserEndToEndTest {
    private static final String BRIEF_WITH_VIDEO = """
            {"campaign_name": "Acme Notes sheet", "goal": "awareness", "channels": ["tiktok", "linkedin"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"},
             "brand_profile": {"color_palette": ["#1A73E8", "#0B1F3A"]}}
            """;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final String CHECK_MEDIA = """
            (async () => {
              const settle = (element, ok, failed, ms, what) => new Promise((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error(what + ' within ' + ms + ' ms')), ms);
                element.addEventListener(ok, () => { clearTimeout(timer); resolve(); }, {once: true});
                element.addEventListener(failed, () => { clearTimeout(timer); reject(new Error(failed)); }, {once: true});
              });
              const images = [];
              for (const img of document.images) {
                if (!img.complete) { await settle(img, 'load', 'error', 15000, 'no load').catch(() => {}); }
                images.push({src: img.getAttribute('src'), naturalWidth: img.naturalWidth, alt: img.alt});
              }
              const videos = [];
              for (const video of document.querySelectorAll('video')) {
                const result = {src: video.querySelector('source').getAttribute('src')};
                try {
                  if (video.readyState < 1) { await settle(video, 'loadedmetadata', 'error', 15000, 'no metadata'); }
                  result.readyStateBeforePlay = video.readyState;
                  await video.play();
                  const start = video.currentTime;
                  await new Promise((resolve, reject) => {
                    const timer = setTimeout(() => reject(new Error('currentTime stayed at ' + start)), 15000);
                    const advanced = () => {
                      if (video.currentTime > start) {
                        clearTimeout(timer); video.removeEventListener('timeupdate', advanced); resolve();
                      }
                    };
                    video.addEventListener('timeupdate', advanced);
                  });
                  video.pause();
                  result.played = true;
                } catch (e) {
                  result.played = false;
                  result.error = String(e && e.message || e) + (video.error ? ' (MediaError ' + video.error.code
                      + ': ' + video.error.message + ')' : '');
                }
                result.readyState = video.readyState;
                result.duration = video.duration;
                result.currentTime = video.currentTime;
                result.videoWidth = video.videoWidth;
                result.audioDecodedBytes = video.webkitAudioDecodedByteCount;
                result.videoDecodedBytes = video.webkitVideoDecodedByteCount;
                videos.push(result);
              }
              return {images, videos};
            })()
            """;

    @Test
    void everyImageOfTheContactSheetLoadsAndEveryVideoPlays(Devstack devstack, @TempDir Path dir) throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            String missing = "headless Chromium is not installed (apt-get install -y chromium, or set CHROMIUM)";
            assertThat(System.getenv("CI")).as(missing).isNull();
            Assumptions.abort(missing);
        }
        Path output = dir.resolve("out");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = DemoCommand.run(Map.of("url", devstack.baseUri().toString(),
                "data", devstack.options().signingKeyDirectory().toString(),
                "brief", Files.writeString(dir.resolve("brief.json"), BRIEF_WITH_VIDEO).toString(),
                "out", output.toString(), "timeout", "300"), print, print);
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode manifest = Json.mapper().readTree(output.resolve("manifest.json").toFile());
        long imageFiles = count(manifest, "image/");
        long videoFiles = count(manifest, "video/");
        assertThat(videoFiles).as("the brief makes a TikTok video").isPositive();

        try (HeadlessChromium browser = HeadlessChromium.start(chromium, PAGE_TIMEOUT)) {
            browser.open(output.resolve(ContactSheet.FILE_NAME).toUri(), PAGE_TIMEOUT);
            JsonNode media = browser.evaluate(CHECK_MEDIA, Duration.ofMinutes(2));
            Files.write(Path.of("target", "contact-sheet.png"), browser.screenshot(1280, PAGE_TIMEOUT));
            System.out.println("contact sheet media in Chromium: " + media);

            assertThat(media.get("images")).as(browser.browserLog()).hasSize((int) imageFiles);
            media.get("images").forEach(image -> assertThat(image.get("naturalWidth").asInt())
                    .as("%s decodes", image.get("src").asText()).isPositive());
            assertThat(media.get("videos")).hasSize((int) videoFiles);
            media.get("videos").forEach(video -> {
                assertThat(video.get("played").asBoolean()).as("%s plays: %s", video.get("src").asText(), video)
                        .isTrue();
                assertThat(video.get("duration").asDouble()).as("%s", video).isPositive();
                assertThat(video.get("videoWidth").asInt()).as("%s", video).isPositive();
                assertThat(video.get("readyState").asInt()).as("%s", video).isGreaterThanOrEqualTo(2);
                assertThat(video.get("audioDecodedBytes").asLong()).as("%s: the browser decodes its audio", video)
                        .isPositive();
            });
        }
    }

    private static long count(JsonNode manifest, String mimePrefix) {
        long count = 0;
        for (JsonNode asset : manifest.get("assets")) {
            if (asset.hasNonNull("path") && asset.path("mime_type").asText().startsWith(mimePrefix)) {
                count++;
            }
        }
        return count;
    }
}

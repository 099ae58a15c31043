package dev.pms.journeys.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.pricing.QualityTier;
import dev.pms.devstack.testing.HeadlessChromium;
import dev.pms.providers.offline.FreeTtsSynthesizer;
import dev.pms.providers.offline.OfflineImageRenderer;
import dev.pms.providers.offline.OfflineSlideshowVideo;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The offline engine's MP4s play in a real browser: Debian's Chromium, headless, decodes their picture and their Opus
 * voice. Without Chromium the test is skipped locally and fails under CI ({@code CI} set), where {@code .ci/run}
 * installs it.
 */
class OfflineVideoBrowserPlaybackIntegrationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PAGE = """
            <!doctype html><html><body><video id="clip" src="clip.mp4" preload="auto" playsinline></video></body></html>
            """;
    /** Plays the clip to about its middle (at most 15 s of waiting), then reports what the browser decoded. */
    private static final String PLAY = """
            (async () => {
              const video = document.getElementById('clip');
              const outcome = {};
              try {
                if (video.readyState < 1) {
                  await new Promise((resolve, reject) => {
                    video.addEventListener('loadedmetadata', resolve, {once: true});
                    video.addEventListener('error', () => reject(new Error('media error ' + video.error.code)), {once: true});
                  });
                }
                await video.play();
                outcome.played = true;
                const target = Math.min(video.duration * 0.6, 2.5);
                await new Promise(resolve => {
                  const timer = setTimeout(resolve, 15000);
                  const check = () => {
                    if (video.currentTime >= target || video.ended) {
                      clearTimeout(timer); video.removeEventListener('timeupdate', check); resolve();
                    }
                  };
                  video.addEventListener('timeupdate', check);
                });
                video.pause();
              } catch (e) {
                outcome.failure = String(e && e.message || e);
              }
              outcome.duration = video.duration;
              outcome.currentTime = video.currentTime;
              outcome.videoWidth = video.videoWidth;
              outcome.videoHeight = video.videoHeight;
              outcome.audioBytes = video.webkitAudioDecodedByteCount;
              outcome.decodedFrames = video.getVideoPlaybackQuality().totalVideoFrames;
              outcome.mediaError = video.error ? video.error.code + ' ' + video.error.message : null;
              outcome.canPlayAvcOpus = video.canPlayType('video/mp4; codecs="avc1.42E01E, opus"');
              return outcome;
            })()
            """;

    private final OfflineSlideshowVideo video = new OfflineSlideshowVideo(new OfflineImageRenderer(),
            new FreeTtsSynthesizer(), 4, 4);

    @Test
    void chromiumPlaysTheReelsPictureAndVoice(@TempDir Path dir) throws Exception {
        GeneratedMedia reel = make(AssetType.VIDEO, "instagram/reel");

        JsonNode playback = play(reel.bytes(), dir);

        assertThat(playback.path("canPlayAvcOpus").asText()).isEqualTo("probably");
        assertThat(playback.path("duration").asDouble()).isCloseTo(reel.durationSeconds(), within(0.1));
        assertThat(playback.path("videoWidth").asInt()).isEqualTo(reel.width());
        assertThat(playback.path("videoHeight").asInt()).isEqualTo(reel.height());
    }

    @Test
    void chromiumPlaysTheAvatarsPictureAndVoice(@TempDir Path dir) throws Exception {
        GeneratedMedia avatar = make(AssetType.AVATAR, "youtube/short");

        JsonNode playback = play(avatar.bytes(), dir);

        assertThat(playback.path("duration").asDouble()).isCloseTo(avatar.durationSeconds(), within(0.1));
    }

    private GeneratedMedia make(AssetType type, String placement) {
        GenerationRequest request = new GenerationRequest("job-1", "asset-1", type,
                ChannelCatalog.load().requirePlacement(placement), "A launch video for Acme Notes",
                "Write less, remember more", "Acme Notes turns every meeting into clear next steps.",
                Map.of("product_name", "Acme Notes", "product_description", "Notes that write themselves"),
                List.of("#1F6FEB", "#0D1117"), List.of(), "offline", null, QualityTier.STANDARD, null, null);
        return ((ProviderJob.Completed) video.submit(request)).media();
    }

    /** The browser's report after playing {@code mp4}; fails unless it played, advanced and decoded picture and voice. */
    private static JsonNode play(byte[] mp4, Path dir) throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        if (chromium == null) {
            String missing = "headless Chromium is not installed (apt-get install -y chromium, or set CHROMIUM)";
            assertThat(System.getenv("CI")).as(missing).isNull();
            Assumptions.abort(missing);
        }
        Files.write(dir.resolve("clip.mp4"), mp4);
        Path page = Files.writeString(dir.resolve("page.html"), PAGE);
        try (HeadlessChromium browser = HeadlessChromium.start(chromium, TIMEOUT)) {
            browser.open(page.toUri(), TIMEOUT);
            JsonNode playback = browser.evaluate(PLAY, TIMEOUT);
            assertThat(playback.path("failure").isMissingNode()).as("%s%n%s", playback, browser.browserLog()).isTrue();
            assertThat(playback.path("played").asBoolean()).as("%s", playback).isTrue();
            assertThat(playback.path("mediaError").isNull()).as("%s", playback).isTrue();
            assertThat(playback.path("currentTime").asDouble()).as("the clock advanced while playing").isGreaterThan(0.5);
            assertThat(playback.path("decodedFrames").asLong()).as("video frames decoded").isPositive();
            assertThat(playback.path("audioBytes").asLong()).as("Opus voice decoded").isPositive();
            return playback;
        }
    }
}

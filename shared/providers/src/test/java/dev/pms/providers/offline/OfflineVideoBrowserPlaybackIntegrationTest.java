package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.ProviderJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The offline engine's MP4s play in a real browser: Debian's Chromium, headless, decodes their picture and voice. */
class OfflineVideoBrowserPlaybackIntegrationTest {
    private final OfflineSlideshowVideo video = new OfflineSlideshowVideo(new OfflineImageRenderer(),
            new FreeTtsSynthesizer(), 4, 4);

    @Test
    void chromiumPlaysTheReelsPictureAndVoice() throws Exception {
        assumeTrue(HeadlessChromiumPlayer.available(), "Chromium is not installed at " + HeadlessChromiumPlayer.CHROMIUM);
        GeneratedMedia reel = ((ProviderJob.Completed) video.submit(
                Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel")))).media();

        HeadlessChromiumPlayer.Playback playback = play(reel.bytes());

        assertThat(playback.canPlayAvcOpus()).isEqualTo("probably");
        assertThat(playback.duration()).isCloseTo(reel.durationSeconds(), within(0.1));
        assertThat(playback.currentTime()).as("the clock advanced while playing").isGreaterThan(0.5);
        assertThat(playback.videoWidth()).isEqualTo(reel.width());
        assertThat(playback.videoHeight()).isEqualTo(reel.height());
        assertThat(playback.decodedFrames()).as("video frames decoded").isPositive();
        assertThat(playback.audioBytes()).as("Opus voice decoded").isPositive();
    }

    @Test
    void chromiumPlaysTheAvatarsPictureAndVoice() throws Exception {
        assumeTrue(HeadlessChromiumPlayer.available(), "Chromium is not installed at " + HeadlessChromiumPlayer.CHROMIUM);
        GeneratedMedia avatar = ((ProviderJob.Completed) video.submit(
                Requests.request(AssetType.AVATAR, Requests.placement("youtube/short")))).media();

        HeadlessChromiumPlayer.Playback playback = play(avatar.bytes());

        assertThat(playback.duration()).isCloseTo(avatar.durationSeconds(), within(0.1));
        assertThat(playback.currentTime()).isGreaterThan(0.5);
        assertThat(playback.decodedFrames()).isPositive();
        assertThat(playback.audioBytes()).isPositive();
    }

    private static HeadlessChromiumPlayer.Playback play(byte[] mp4) throws Exception {
        try (HeadlessChromiumPlayer player = HeadlessChromiumPlayer.open(mp4)) {
            HeadlessChromiumPlayer.Playback playback = player.play();
            assertThat(playback.failure()).as("playback failure; Chromium said:%n%s", player.log()).isNull();
            assertThat(playback.played()).isTrue();
            
            assertThat(playback.mediaError()).isNull();
            return playback;
        }
    }
}

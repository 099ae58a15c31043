package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.channel.VideoLimits;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OfflineSlideshowVideoTest {
    private static final int FPS = 2;
    private static final int QUARTER = 4;
    private static final SpeechSynthesizer SPEECH = new FreeTtsSynthesizer();

    private final OfflineSlideshowVideo video = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, FPS, QUARTER);

    @Test
    void encodesAReelAsH264Mp4ThatDecodesAtTheScaledSizeWithTheExpectedFrames() throws Exception {
        GeneratedMedia media = media(Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel")));

        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.model()).isEqualTo(OfflineSlideshowVideo.MODEL);
        assertThat(media.width()).isEqualTo(270);
        assertThat(media.height()).isEqualTo(480);
        assertThat(media.durationSeconds()).isEqualTo(5.0);
        DemuxerTrackMeta meta = videoTrack(media.bytes());
        assertThat(meta.getCodec()).isEqualTo(Codec.H264);
        assertThat(meta.getTotalFrames()).isEqualTo(5 * FPS);
        assertThat(meta.getTotalDuration()).isCloseTo(5.0, within(0.01));
        List<BufferedImage> frames = frames(media.bytes());
        assertThat(frames).hasSize(5 * FPS).allSatisfy(frame -> {
            assertThat(frame.getWidth()).isEqualTo(270);
            assertThat(frame.getHeight()).isEqualTo(480);
        });
        assertThat(difference(frames.get(0), frames.get(frames.size() - 1))).as("the key frame moves").isGreaterThan(5.0);
    }

    @Test
    void sameRequestEncodesTheSameBytes() {
        GenerationRequest request = Requests.request(AssetType.VIDEO, Requests.placement("twitter/post_video"));
        OfflineSlideshowVideo tiny = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, 8);

        byte[] first = ((ProviderJob.Completed) tiny.submit(request)).media().bytes();
        byte[] second = ((ProviderJob.Completed) tiny.submit(request)).media().bytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void youtubeVideoIsLandscape() throws Exception {
        GeneratedMedia media = media(Requests.request(AssetType.VIDEO, Requests.placement("youtube/video")));

        BufferedImage first = frames(media.bytes()).get(0);
        assertThat(first.getWidth()).isEqualTo(480);
        assertThat(first.getHeight()).isEqualTo(270);
    }

    @Test
    void usesTheGivenKeyFrame() throws Exception {
        GenerationRequest base = Requests.request(AssetType.VIDEO, Requests.placement("tiktok/video"));
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                base.prompt(), base.hook(), base.conceptSummary(), base.productContext(), base.brandPalette(),
                base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), solidPng(Color.RED), null);

        GeneratedMedia media = media(request);

        assertThat(media.details()).containsEntry("key_frame", "provided");
        Color corner = new Color(frames(media.bytes()).get(0).getRGB(3, 476));
        assertThat(corner.getRed()).isGreaterThan(200);
        assertThat(corner.getGreen()).isLessThan(60);
        assertThat(corner.getBlue()).isLessThan(60);
    }

    @Test
    void theHeadlineStaysInsideThePlacementsSafeZone() throws Exception {
        Placement reel = Requests.placement("instagram/reel");
        GenerationRequest base = Requests.request(AssetType.VIDEO, reel);
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                base.prompt(), base.hook(), base.conceptSummary(), base.productContext(), base.brandPalette(),
                base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), solidPng(Color.RED), null);

        BufferedImage first = frames(media(request).bytes()).get(0);

        Rectangle safe = OfflineImageRenderer.safeArea(reel, first.getWidth(), first.getHeight());
        Rectangle tolerance = new Rectangle(safe);
        tolerance.grow(4, 4);
        int changedInside = 0;
        int changedOutside = 0;
        for (int y = 0; y < first.getHeight(); y++) {
            for (int x = 0; x < first.getWidth(); x++) {
                Color pixel = new Color(first.getRGB(x, y));
                boolean red = pixel.getRed() > 180 && pixel.getGreen() < 70 && pixel.getBlue() < 70;
                if (!red && safe.contains(x, y)) {
                    changedInside++;
                } else if (!red && !tolerance.contains(x, y)) {
                    changedOutside++;
                }
            }
        }
        assertThat(changedInside).as("the headline panel is drawn").isGreaterThan(500);
        assertThat(changedOutside).as("nothing is drawn outside the safe zone").isZero();
    }

    @Test
    void theSameAvatarRequestEncodesTheSameBytes() {
        OfflineSlideshowVideo tiny = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, 8);
        GenerationRequest request = avatarRequest("youtube/short", null, "Hello there. This is Acme Notes.");

        byte[] first = ((ProviderJob.Completed) tiny.submit(request)).media().bytes();
        byte[] second = ((ProviderJob.Completed) tiny.submit(request)).media().bytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anUnreadableKeyFrameFailsWithoutRetry() {
        GenerationRequest base = Requests.request(AssetType.VIDEO, Requests.placement("tiktok/video"));
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                base.prompt(), base.hook(), base.conceptSummary(), base.productContext(), base.brandPalette(),
                base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), new byte[] {1, 2, 3}, null);

        ProviderJob job = video.submit(request);

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> assertThat(failed.retryable()).isFalse());
    }

    @Test
    void avatarIsAPresenterClipAsLongAsItsVoiceWithTheVoiceMuxedIn() throws Exception {
        OfflineSlideshowVideo oneFramePerSecond = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, QUARTER);
        GenerationRequest request = avatarRequest("youtube/short", null,
                "Hi, I am Sam. Let me show you Acme Notes. It writes your meeting notes for you.");

        GeneratedMedia media = ((ProviderJob.Completed) oneFramePerSecond.submit(request)).media();

        assertThat(media.model()).isEqualTo(OfflineSlideshowVideo.AVATAR_MODEL);
        assertThat(media.details()).containsEntry("audio_engine", "freetts-kevin16").containsEntry("duration_source", "voice")
                .containsEntry("key_frame", "rendered");
        assertThat((String) media.details().get("composition")).contains("presenter portrait drawn in the brand colours", "PCM");
        double spoken = (Double) media.details().get("audio_seconds");
        assertThat(spoken).isBetween(2.0, 15.0);
        assertThat(media.durationSeconds()).isCloseTo(spoken, within(0.001));
        DemuxerTrackMeta video = videoTrack(media.bytes());
        assertThat(video.getTotalFrames()).isEqualTo((int) Math.ceil(spoken));
        assertThat(video.getTotalDuration()).isCloseTo(spoken, within(0.01));
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(media.bytes()))) {
            assertThat(demuxer.getAudioTracks()).hasSize(1);
            assertThat(demuxer.getAudioTracks().get(0).getMeta().getTotalDuration()).isCloseTo(spoken, within(0.01));
        }
        assertThat(frames(media.bytes())).hasSize((int) Math.ceil(spoken));
    }

    @Test
    void avatarVoiceIsCutToThePlacementsMaximumAndPaddedToItsMinimum() throws Exception {
        OfflineSlideshowVideo oneFramePerSecond = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, 8);
        String script = "Hi, I am Sam. Let me show you Acme Notes. It writes your meeting notes for you.";

        GeneratedMedia cut = ((ProviderJob.Completed) oneFramePerSecond.submit(
                withPlacement(avatarRequest("youtube/short", null, script), withLimits(new VideoLimits(null, 2, null))))).media();
        GeneratedMedia padded = ((ProviderJob.Completed) oneFramePerSecond.submit(
                withPlacement(avatarRequest("youtube/short", null, "Hello."), withLimits(new VideoLimits(4, 60, null))))).media();

        assertThat(cut.durationSeconds()).isEqualTo(2.0);
        assertThat(cut.details()).containsEntry("audio_seconds", 2.0)
                .containsEntry("duration_source", "voice, cut to the placement's 2 s maximum");
        assertThat(videoTrack(cut.bytes()).getTotalDuration()).isCloseTo(2.0, within(0.01));
        assertThat(padded.durationSeconds()).isEqualTo(4.0);
        assertThat((Double) padded.details().get("audio_seconds")).isLessThan(4.0);
        assertThat((String) padded.details().get("duration_source")).contains("4 s minimum");
        assertThat(videoTrack(padded.bytes()).getTotalFrames()).isEqualTo(4);
    }

    @Test
    void aClipLastsAsLongAsItsVoiceWithinTheLimits() {
        assertThat(OfflineSlideshowVideo.clipSeconds(7.43219, null)).isEqualTo(7.432);
        assertThat(OfflineSlideshowVideo.clipSeconds(7.4, new VideoLimits(1, 180, null))).isEqualTo(7.4);
        assertThat(OfflineSlideshowVideo.clipSeconds(70, new VideoLimits(1, 60, null))).isEqualTo(60.0);
        assertThat(OfflineSlideshowVideo.clipSeconds(2, new VideoLimits(3, 60, null))).isEqualTo(3.0);
    }

    @Test
    void aProductionReelIsAnExact1080x1920FiveSecondH264Clip() throws Exception {
        OfflineSlideshowVideo production = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH,
                OfflineSlideshowVideo.DEFAULT_FRAMES_PER_SECOND, 1);

        GeneratedMedia media = ((ProviderJob.Completed) production.submit(
                Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel")))).media();

        assertThat(media.width()).isEqualTo(1080);
        assertThat(media.height()).isEqualTo(1920);
        assertThat(media.durationSeconds()).isEqualTo(5.0);
        assertThat(media.details()).doesNotContainKey("size_note");
        assertThat((String) media.details().get("composition")).contains("Ken Burns", "safe zone");
        DemuxerTrackMeta meta = videoTrack(media.bytes());
        assertThat(meta.getCodec()).isEqualTo(Codec.H264);
        assertThat(meta.getTotalFrames()).isEqualTo(5 * OfflineSlideshowVideo.DEFAULT_FRAMES_PER_SECOND);
        assertThat(meta.getTotalDuration()).isCloseTo(5.0, within(0.01));
        AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(media.bytes()));
        BufferedImage first = grab.getFrame();
        assertThat(first.getWidth()).isEqualTo(1080);
        assertThat(first.getHeight()).isEqualTo(1920);
    }

    @Test
    void avatarWithThePersonasPictureShowsThePictureInsteadOfADrawnPresenter() throws Exception {
        OfflineSlideshowVideo oneFramePerSecond = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, QUARTER);
        GenerationRequest base = Requests.request(AssetType.AVATAR, Requests.placement("youtube/short"));
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                base.prompt(), base.hook(), base.conceptSummary(), base.productContext(), base.brandPalette(),
                base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), solidPng(Color.RED), "Hello there.");

        GeneratedMedia media = ((ProviderJob.Completed) oneFramePerSecond.submit(request)).media();

        assertThat(media.details()).containsEntry("key_frame", "provided");
        Color presenterArea = new Color(frames(media.bytes()).get(0).getRGB(135, 260));
        assertThat(presenterArea.getRed()).isGreaterThan(200);
        assertThat(presenterArea.getGreen()).isLessThan(60);
    }

    @Test
    void videoHasNoSoundTrack() throws Exception {
        GeneratedMedia media = media(Requests.request(AssetType.VIDEO, Requests.placement("tiktok/video")));

        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(media.bytes()))) {
            assertThat(demuxer.getAudioTracks()).isEmpty();
            assertThat(demuxer.getVideoTracks()).hasSize(1);
        }
    }

    @Test
    void oddSidesAreEncodedOneEvenPixelSmallerAndSaySo() throws Exception {
        OfflineSlideshowVideo fifth = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, 5);

        GeneratedMedia media = ((ProviderJob.Completed) fifth.submit(
                Requests.request(AssetType.VIDEO, Requests.placement("twitter/post_video")))).media();

        assertThat(frames(media.bytes()).get(0).getHeight()).isEqualTo(134);
        assertThat(media.height()).isEqualTo(134);
        assertThat(media.details()).containsEntry("size_note", "H.264 4:2:0 needs even sides: 240x135 encoded as 240x134");
    }

    @Test
    void durationIsFiveSecondsByDefaultAndRespectsThePlacementsLimits() {
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.VIDEO, Requests.placement("instagram/reel"))).isEqualTo(5);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.VIDEO, Requests.placement("pinterest/video_pin"))).isEqualTo(5);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.VIDEO, withLimits(new VideoLimits(8, 60, null)))).isEqualTo(10);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.VIDEO, withLimits(new VideoLimits(12, 60, null)))).isEqualTo(12);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.VIDEO, withLimits(new VideoLimits(null, 3, null)))).isEqualTo(3);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.AVATAR, Requests.placement("youtube/short"))).isEqualTo(15);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.AVATAR, withLimits(new VideoLimits(null, 10, null)))).isEqualTo(10);
        assertThat(OfflineSlideshowVideo.durationSeconds(AssetType.VIDEO, null)).isEqualTo(5);
    }

    private static GenerationRequest avatarRequest(String placement, byte[] picture, String script) {
        GenerationRequest base = Requests.request(AssetType.AVATAR, Requests.placement(placement));
        return new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(), base.prompt(), base.hook(),
                base.conceptSummary(), base.productContext(), base.brandPalette(), base.forbiddenPhrases(), base.provider(),
                base.model(), base.tier(), picture, script);
    }

    private static GenerationRequest withPlacement(GenerationRequest base, Placement placement) {
        return new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), placement, base.prompt(), base.hook(),
                base.conceptSummary(), base.productContext(), base.brandPalette(), base.forbiddenPhrases(), base.provider(),
                base.model(), base.tier(), base.keyFrame(), base.script());
    }

    private GeneratedMedia media(GenerationRequest request) {
        return ((ProviderJob.Completed) video.submit(request)).media();
    }

    private static byte[] solidPng(Color colour) {
        BufferedImage image = new BufferedImage(200, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 200, 300);
        g.dispose();
        return OfflineImageRenderer.png(image);
    }

    private static Placement withLimits(VideoLimits limits) {
        return new Placement("tiktok/test", null, AssetType.VIDEO, new Canvas(1080, 1920, "9:16", 0.01), null, null, null,
                null, new SafeZone(0, 0, 0, 0), null, null, limits, null, null, null);
    }

    private static DemuxerTrackMeta videoTrack(byte[] mp4) throws Exception {
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(mp4))) {
            return demuxer.getVideoTrack().getMeta();
        }
    }

    private static List<BufferedImage> frames(byte[] mp4) throws Exception {
        AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(mp4));
        List<BufferedImage> frames = new ArrayList<>();
        for (BufferedImage frame = grab.getFrame(); frame != null; frame = grab.getFrame()) {
            frames.add(frame);
        }
        return frames;
    }

    /** Mean absolute difference per channel, 0..255. */
    private static double difference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                total += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }
}

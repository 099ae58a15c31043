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
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
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
    void encodesAReelAsH264AndOpusMp4AsLongAsItsVoiceAtTheScaledSize() throws Exception {
        GeneratedMedia media = media(Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel")));

        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.model()).isEqualTo(OfflineSlideshowVideo.MODEL);
        assertThat(media.width()).isEqualTo(270);
        assertThat(media.height()).isEqualTo(480);
        double spoken = (Double) media.details().get("audio_seconds");
        assertThat(media.details()).containsEntry("duration_source", "voice").containsEntry("audio_codec", "opus");
        assertThat(media.durationSeconds()).isCloseTo(spoken, within(0.001)).isGreaterThan(3.0);
        DemuxerTrackMeta meta = videoTrack(media.bytes());
        assertThat(meta.getCodec()).isEqualTo(Codec.H264);
        assertThat(meta.getTotalDuration()).isCloseTo(media.durationSeconds(), within(0.01));
        List<BufferedImage> frames = frames(media.bytes());
        assertThat(frames).hasSize((Integer) media.details().get("frames")).allSatisfy(frame -> {
            assertThat(frame.getWidth()).isEqualTo(270);
            assertThat(frame.getHeight()).isEqualTo(480);
        });
        assertThat(difference(frames.get(0), frames.get(frames.size() - 1))).as("the slides change").isGreaterThan(1.0);
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
    void theCoverOpensTheVideoWithNothingDrawnOverIt() throws Exception {
        GenerationRequest base = Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel"));
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                base.prompt(), base.hook(), base.conceptSummary(), base.productContext(), base.brandPalette(),
                base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), solidPng(Color.RED), null);

        BufferedImage first = frames(media(request).bytes()).get(0);

        int notRed = 0;
        for (int y = 0; y < first.getHeight(); y++) {
            for (int x = 0; x < first.getWidth(); x++) {
                Color pixel = new Color(first.getRGB(x, y));
                if (!(pixel.getRed() > 180 && pixel.getGreen() < 70 && pixel.getBlue() < 70)) {
                    notRed++;
                }
            }
        }
        assertThat(notRed).as("no text over the cover's own headline").isZero();
    }

    @Test
    void slideTextComesFromTheBriefNeverFromThePromptHookOrConcept() {
        GeneratedMedia media = media(Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel")));

        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) media.details().get("slide_texts");
        assertThat(texts).first().isEqualTo("Meet Acme Notes.");
        assertThat(texts).contains("Notes that write themselves.", "Automatic summaries.", "Try Acme Notes today.")
                .noneMatch(text -> text.contains(Requests.HOOK) || Requests.CONCEPT.contains(text) || text.contains("launch visual"));
        assertThat(media.details()).containsEntry("cta", "Try Acme Notes today.");
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
                .containsEntry("key_frame", "none").containsEntry("presenter", "Acme Notes");
        assertThat((String) media.details().get("composition")).contains("monogram", "lower-third", "Opus");
        assertThat(media.details().get("slide_texts")).isEqualTo(List.of("Hi, I am Sam.", "Let me show you Acme Notes.",
                "It writes your meeting notes for you.", "Try Acme Notes today."));
        double spoken = (Double) media.details().get("audio_seconds");
        assertThat(spoken).isBetween(2.0, 15.0);
        assertThat(media.durationSeconds()).isCloseTo(spoken, within(0.001));
        assertThat(videoTrack(media.bytes()).getTotalDuration()).isCloseTo(spoken, within(0.01));
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(media.bytes()))) {
            assertThat(demuxer.getAudioTracks()).hasSize(1);
        }
        assertThat(frames(media.bytes())).hasSize(4);
    }

    @Test
    void avatarVoiceIsCutToThePlacementsMaximumAndPaddedToItsMinimum() throws Exception {
        OfflineSlideshowVideo oneFramePerSecond = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, 8);
        String script = "Hi, I am Sam. Let me show you Acme Notes. It writes your meeting notes for you.";

        GeneratedMedia cut = ((ProviderJob.Completed) oneFramePerSecond.submit(
                withPlacement(avatarRequest("youtube/short", null, script), withLimits(new VideoLimits(null, 2, null))))).media();
        GeneratedMedia padded = ((ProviderJob.Completed) oneFramePerSecond.submit(
                withPlacement(avatarRequest("youtube/short", null, "Hello."), withLimits(new VideoLimits(20, 60, null))))).media();

        assertThat(cut.durationSeconds()).isEqualTo(2.0);
        assertThat(cut.details()).containsEntry("audio_seconds", 2.0)
                .containsEntry("duration_source", "voice, cut to the placement's 2 s maximum");
        assertThat(videoTrack(cut.bytes()).getTotalDuration()).isCloseTo(2.0, within(0.01));
        assertThat(padded.durationSeconds()).isEqualTo(20.0);
        assertThat((Double) padded.details().get("audio_seconds")).isLessThan(20.0);
        assertThat((String) padded.details().get("duration_source")).contains("20 s minimum");
        assertThat(videoTrack(padded.bytes()).getTotalDuration()).isCloseTo(20.0, within(0.01));
    }

    @Test
    void aClipLastsAsLongAsItsVoiceWithinTheLimits() {
        assertThat(OfflineSlideshowVideo.clipSeconds(7.43219, null)).isEqualTo(7.432);
        assertThat(OfflineSlideshowVideo.clipSeconds(7.4, new VideoLimits(1, 180, null))).isEqualTo(7.4);
        assertThat(OfflineSlideshowVideo.clipSeconds(70, new VideoLimits(1, 60, null))).isEqualTo(60.0);
        assertThat(OfflineSlideshowVideo.clipSeconds(2, new VideoLimits(3, 60, null))).isEqualTo(3.0);
    }

    @Test
    void aProductionReelIsAnExact1080x1920H264ClipAsLongAsItsVoice() throws Exception {
        OfflineSlideshowVideo production = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH,
                OfflineSlideshowVideo.DEFAULT_FRAMES_PER_SECOND, 1);

        GeneratedMedia media = ((ProviderJob.Completed) production.submit(
                Requests.request(AssetType.VIDEO, Requests.placement("instagram/reel")))).media();

        assertThat(media.width()).isEqualTo(1080);
        assertThat(media.height()).isEqualTo(1920);
        assertThat(media.durationSeconds()).isCloseTo((Double) media.details().get("audio_seconds"), within(0.001));
        assertThat(media.details()).doesNotContainKey("size_note");
        assertThat((String) media.details().get("composition")).contains("safe zone", "end card", "Opus");
        DemuxerTrackMeta meta = videoTrack(media.bytes());
        assertThat(meta.getCodec()).isEqualTo(Codec.H264);
        assertThat(meta.getTotalDuration()).isCloseTo(media.durationSeconds(), within(0.01));
        AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(media.bytes()));
        BufferedImage first = grab.getFrame();
        assertThat(first.getWidth()).isEqualTo(1080);
        assertThat(first.getHeight()).isEqualTo(1920);
    }

    @Test
    void avatarWithThePersonasPictureShowsItInThePresenterCard() throws Exception {
        OfflineSlideshowVideo oneFramePerSecond = new OfflineSlideshowVideo(new OfflineImageRenderer(), SPEECH, 1, QUARTER);
        GenerationRequest base = Requests.request(AssetType.AVATAR, Requests.placement("youtube/short"));
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                base.prompt(), base.hook(), base.conceptSummary(), base.productContext(), base.brandPalette(),
                base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), solidPng(Color.RED), "Hello there.",
                new GenerationRequest.Presenter("Ada Lovelace", "Head of product"), null, null);

        GeneratedMedia media = ((ProviderJob.Completed) oneFramePerSecond.submit(request)).media();

        assertThat(media.details()).containsEntry("key_frame", "provided").containsEntry("presenter", "Ada Lovelace");
        BufferedImage first = frames(media.bytes()).get(0);
        int red = 0;
        for (int y = 0; y < first.getHeight(); y++) {
            for (int x = 0; x < first.getWidth(); x++) {
                Color pixel = new Color(first.getRGB(x, y));
                red += pixel.getRed() > 200 && pixel.getGreen() < 60 && pixel.getBlue() < 60 ? 1 : 0;
            }
        }
        assertThat(red).as("the picture fills the card's circle, not the frame")
                .isBetween(1_000, first.getWidth() * first.getHeight() / 4);
    }

    @Test
    void theVoiceIsAnOpusTrackWithItsDecoderConfiguration() throws Exception {
        GeneratedMedia media = media(Requests.request(AssetType.VIDEO, Requests.placement("tiktok/video")));

        String boxes = new String(media.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(boxes).contains("Opus", "dOps", "elst").doesNotContain("sowt", "twos", "lpcm");
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(new InMemoryChannel(media.bytes()))) {
            assertThat(demuxer.getAudioTracks()).hasSize(1);
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

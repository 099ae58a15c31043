package dev.pms.core.pack;

import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.prompt.ForbiddenPhrases;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DeliverableChecksTest {
    private static final ChannelCatalog CATALOG = ChannelCatalog.load();
    private static final ForbiddenPhrases FORBIDDEN = new ForbiddenPhrases(List.of("miracle"));

    @Test
    void aJpegOfTheRightSizeFailsOnlyTheFormat() throws IOException {
        Placement placement = CATALOG.requirePlacement("twitter/post_image");
        BufferedImage image = new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", jpeg);

        DeliverableChecks.ImageResult result = DeliverableChecks.image(jpeg.toByteArray(), placement);

        assertThat(result.checks()).extracting(PackCheck::rule, PackCheck::passed)
                .containsExactly(tuple("png_format", false),
                        tuple("canvas_size", true));
        assertThat(result.width()).isEqualTo(1200);
    }

    @Test
    void bytesThatAreNoImageFailTheCanvasCheckWithoutASize() {
        DeliverableChecks.ImageResult result = DeliverableChecks.image(new byte[]{1, 2, 3},
                CATALOG.requirePlacement("twitter/post_image"));

        assertThat(result.width()).isNull();
        assertThat(result.checks()).noneMatch(PackCheck::passed);
        assertThat(result.checks().get(1).detail()).contains("could not be decoded").contains("1200x675");
    }

    @Test
    void repeatedFieldsAreCountedAndEachValueIsCheckedByItsIndex() {
        Placement search = CATALOG.requirePlacement("google_ads/search_copy");
        String copy = "{\"headline\":[\"Warm light\",\"A lamp that thinks it is the sun\"],"
                + "\"description\":[\"Even light.\",\"A Miracle for late work.\"],\"path\":[]}";

        List<PackCheck> failed = DeliverableChecks.copy(copy, search, FORBIDDEN).checks().stream()
                .filter(check -> !check.passed()).toList();

        assertThat(failed).extracting(PackCheck::rule, PackCheck::field).containsExactly(
                tuple("value_count", "headline"),
                tuple("max_chars", "headline[1]"),
                tuple("forbidden_phrase", "description[1]"));
        assertThat(failed.get(0).detail()).isEqualTo("2 values, 3 to 15 allowed");
        assertThat(failed.get(1).detail()).isEqualTo("32 of at most 30 characters");
    }

    @Test
    void aMissingFieldAndCopyThatIsNoJsonObjectFail() {
        Placement email = CATALOG.requirePlacement("email/copy");

        assertThat(DeliverableChecks.copy("{\"subject\":\"Hi\",\"preheader\":\"Light for late work\"}", email, FORBIDDEN)
                .checks()).filteredOn(check -> !check.passed())
                .extracting(PackCheck::rule, PackCheck::field)
                .containsExactly(tuple("field_present", "body"));
        assertThat(DeliverableChecks.copy("[\"subject\"]", email, FORBIDDEN).checks())
                .singleElement().extracting(PackCheck::rule, PackCheck::passed)
                .isEqualTo(List.of("copy_json", false));
        assertThat(DeliverableChecks.copy("not json", email, FORBIDDEN).checks())
                .singleElement().extracting(PackCheck::passed).isEqualTo(false);
    }

    @Test
    void hashtagsAreCountedAcrossFieldsButNotInsideWordsOrEntities() {
        Placement youtube = CATALOG.requirePlacement("youtube/video_copy");
        String copy = "{\"title\":\"Aurora #lamp\",\"description\":\"C# fans, issue#4 and &#39; are no tags; #desk is\"}";

        PackCheck hashtags = DeliverableChecks.copy(copy, youtube, FORBIDDEN).checks().stream()
                .filter(check -> check.rule().equals("hashtags")).findFirst().orElseThrow();

        assertThat(hashtags.detail()).isEqualTo("2 hashtags of at most 15");
        assertThat(hashtags.passed()).isTrue();
    }

    @Test
    void theVisiblePartNeverSplitsACharacter() {
        assertThat(DeliverableChecks.visiblePart("ab\uD83D\uDCA1cd", 3)).isEqualTo("ab\uD83D\uDCA1");
        assertThat(DeliverableChecks.visiblePart("short", 40)).isEqualTo("short");
    }
}

package dev.pms.core.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.json.Json;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelCatalogTest {
    private final ChannelCatalog catalog = ChannelCatalog.load();

    @Test
    void isVersionedAndLoadedOnce() {
        assertThat(catalog.version()).isNotBlank();
        assertThat(catalog.updatedOn()).isNotNull();
        assertThat(ChannelCatalog.load()).isSameAs(catalog);
    }

    @Test
    void everyEntryNamesItsSourceAndVerificationDate() {
        assertThat(catalog.placements()).allSatisfy(placement -> {
            assertThat(placement.source()).as(placement.key()).isNotBlank();
            assertThat(placement.verifiedOn()).as(placement.key()).isBeforeOrEqualTo(catalog.updatedOn());
        });
        assertThat(catalog.channels()).allSatisfy(channel -> {
            assertThat(channel.source()).as(channel.platform()).isNotBlank();
            assertThat(channel.verifiedOn()).as(channel.platform()).isNotNull();
        });
    }

    @Test
    void everyDeclaredRatioMatchesItsCanvasWithinTolerance() {
        List<Placement> visual = catalog.placements().stream().filter(p -> p.canvas() != null).toList();
        assertThat(visual).hasSizeGreaterThan(30);
        assertThat(visual).allSatisfy(placement -> {
            Canvas canvas = placement.canvas();
            assertThat(canvas.ratioTolerance()).as(placement.key()).isBetween(0.0, 0.05);
            assertThat(canvas.ratioMatches(canvas.width(), canvas.height()))
                    .as("%s %s declared %s", placement.key(), canvas.dimensions(), canvas.ratio()).isTrue();
        });
    }

    @Test
    void ratioCheckRejectsAWrongCanvas() {
        Canvas wrongCover = new Canvas(820, 312, "16:9", 0.01);
        assertThat(wrongCover.ratioMatches(820, 312)).isFalse();
        assertThat(new Canvas(1200, 627, "1.91:1", 0.01).ratioMatches(1200, 627)).isTrue();
        assertThat(new Canvas(1200, 627, "2:1", 0.01).ratioMatches(1200, 627)).isFalse();
    }

    @Test
    void visualPlacementsHaveSafeZonesAndTextPlacementsHaveFields() {
        assertThat(catalog.placements()).allSatisfy(placement -> {
            if (placement.assetType() == AssetType.TEXT) {
                assertThat(placement.textFields()).as(placement.key()).isNotEmpty();
                assertThat(placement.canvas()).as(placement.key()).isNull();
            } else {
                assertThat(placement.canvas()).as(placement.key()).isNotNull();
                assertThat(placement.safeZone()).as(placement.key()).isNotNull();
                assertThat(placement.formats()).as(placement.key()).isNotEmpty();
                SafeZone zone = placement.safeZone();
                assertThat(zone.top() + zone.bottom()).as(placement.key()).isLessThan(1.0);
                assertThat(zone.left() + zone.right()).as(placement.key()).isLessThan(1.0);
            }
            if (placement.assetType() == AssetType.VIDEO) {
                assertThat(placement.video()).as(placement.key()).isNotNull();
                assertThat(placement.video().maxSeconds()).as(placement.key()).isPositive();
            }
        });
    }

    @Test
    void everyChannelHasGuidanceAndPlacementsOfItsOwn() {
        for (Channel channel : Channel.values()) {
            ChannelProfile profile = catalog.channel(channel);
            assertThat(profile).as(channel.code()).isNotNull();
            assertThat(profile.channel()).isEqualTo(channel);
            assertThat(profile.toneShift()).isNotBlank();
            assertThat(profile.formatRules()).isNotEmpty();
            assertThat(profile.engagementPatterns()).isNotEmpty();
            assertThat(profile.copyFramework().structure()).isNotEmpty();
            assertThat(catalog.placements(channel)).as(channel.code()).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.key()).startsWith(channel.code() + "/"));
        }
    }

    @Test
    void coversTheReferenceSpecPlacements() {
        assertThat(catalog.placements().stream().map(Placement::key)).contains(
                "instagram/feed_portrait", "instagram/feed_square", "instagram/story", "instagram/reel",
                "instagram/caption", "meta_ads/feed", "facebook/post", "facebook/link_image", "facebook/story",
                "tiktok/video", "tiktok/cover", "linkedin/post_landscape", "linkedin/post_square",
                "linkedin/post_portrait", "linkedin/post_copy", "twitter/post_image", "twitter/post_copy",
                "pinterest/pin", "youtube/thumbnail", "youtube/short", "youtube/video_copy",
                "shopify/product_image", "shopify/description", "amazon/main_image", "amazon/aplus_logo",
                "amazon/aplus_header_text", "amazon/aplus_banner", "amazon/aplus_three_images",
                "amazon/aplus_four_images", "amazon/aplus_comparison_chart", "amazon/aplus_premium",
                "amazon/bullets", "google_ads/display_landscape", "google_ads/display_square", "google_ads/logo",
                "google_ads/search_copy", "email/banner", "email/product", "email/copy");
    }

    @Test
    void xResolvesToTwitter() {
        assertThat(catalog.findChannel("x")).get().extracting(ChannelProfile::channel).isEqualTo(Channel.TWITTER);
        assertThat(catalog.findChannel("X")).get().extracting(ChannelProfile::platform).isEqualTo("X (Twitter)");
        assertThat(catalog.findChannel("myspace")).isEmpty();
    }

    @Test
    void encodesTheHardLimitsOfTheSpec() {
        assertThat(catalog.requirePlacement("instagram/caption").hashtags().max()).isEqualTo(5);
        TextField caption = catalog.requirePlacement("instagram/caption").textFields().get(0);
        assertThat(caption.maxChars()).isEqualTo(2200);
        assertThat(caption.visibleChars()).isEqualTo(125);
        assertThat(catalog.requirePlacement("twitter/post_copy").textFields().get(0).maxChars()).isEqualTo(280);
        assertThat(catalog.requirePlacement("youtube/video_copy").hashtags().max()).isEqualTo(15);
        assertThat(catalog.requirePlacement("instagram/reel").safeZone()).isEqualTo(new SafeZone(0.14, 0.35, 0.06, 0.06));
        assertThat(catalog.requirePlacement("instagram/story").safeZone().bottom()).isEqualTo(0.2);
        TextField headline = catalog.requirePlacement("meta_ads/copy").textFields().stream()
                .filter(f -> f.name().equals("headline")).findFirst().orElseThrow();
        assertThat(headline.maxChars()).isEqualTo(40);
        assertThat(headline.warnChars()).isEqualTo(27);
        assertThat(catalog.requirePlacement("amazon/main_image").minPx().longSide()).isEqualTo(1000);
        assertThat(catalog.requirePlacement("tiktok/video").video().minSeconds()).isEqualTo(3);
    }

    @Test
    void rejectsDataWithoutAChannelEntryOrWithAForeignKey() throws Exception {
        var mapper = Json.mapper();
        var root = (ObjectNode) mapper.readTree(
                ChannelCatalog.class.getResourceAsStream("/channel-catalog.json"));
        var withoutEmail = root.deepCopy();
        ((ObjectNode) withoutEmail.get("channels")).remove("email");
        assertThatThrownBy(() -> ChannelCatalog.parse(withoutEmail)).hasMessageContaining("email");

        var foreignKey = root.deepCopy();
        ((ObjectNode) foreignKey.get("placements"))
                .set("myspace/banner", root.get("placements").get("email/banner"));
        assertThatThrownBy(() -> ChannelCatalog.parse(foreignKey)).hasMessageContaining("myspace/banner");
    }

    @Test
    void serialisesAsSnakeCase() throws Exception {
        String json = Json.mapper().writeValueAsString(catalog.requirePlacement("instagram/caption"));
        assertThat(json).contains("\"asset_type\":\"text\"", "\"max_chars\":2200", "\"verified_on\":\"2026-11-25\"")
                .doesNotContain("declared_ratio");
        assertThat(catalog.requirePlacement("instagram/caption").verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
    }
}

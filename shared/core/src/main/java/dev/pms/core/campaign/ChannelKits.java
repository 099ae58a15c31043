package dev.pms.core.campaign;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.pms.core.campaign.PhaseWeight.FOLLOW_UP;
import static dev.pms.core.campaign.PhaseWeight.FULL;
import static dev.pms.core.campaign.PhaseWeight.LIGHT;

/**
 * The deliverables each channel needs per phase weight. Items depend only on earlier items of the same kit, so
 * every planned graph is acyclic. A video depends on its key frame: the platform's cover where one exists,
 * otherwise a still rendered at the video's own placement. Ingredients of a video (key frame still, voiceover,
 * avatar presenter) use the video's placement, whose canvas and duration they must fit.
 */
final class ChannelKits {

    record Item(String slot, String placement, AssetType assetType, String label, Set<PhaseWeight> weights,
                List<String> dependsOn) {
    }

    private static final Set<PhaseWeight> ALL = EnumSet.allOf(PhaseWeight.class);
    private static final Set<PhaseWeight> FULL_ONLY = EnumSet.of(FULL);
    private static final Set<PhaseWeight> LIGHT_FULL = EnumSet.of(LIGHT, FULL);
    private static final Set<PhaseWeight> FULL_FOLLOW_UP = EnumSet.of(FULL, FOLLOW_UP);

    private static final Map<Channel, List<Item>> KITS = new EnumMap<>(Channel.class);

    static {
        KITS.put(Channel.INSTAGRAM, List.of(
                item("feed_image", "instagram/feed_portrait", AssetType.IMAGE, "Instagram feed image", ALL),
                item("caption", "instagram/caption", AssetType.TEXT, "Instagram caption", ALL, "feed_image"),
                item("story", "instagram/story", AssetType.IMAGE, "Instagram story", LIGHT_FULL),
                item("reel_cover", "instagram/reel_cover", AssetType.IMAGE, "Instagram reel cover (key frame)", FULL_ONLY),
                item("reel", "instagram/reel", AssetType.VIDEO, "Instagram reel", FULL_ONLY, "reel_cover")));
        KITS.put(Channel.FACEBOOK, List.of(
                item("post_image", "facebook/post", AssetType.IMAGE, "Facebook post image", ALL),
                item("post_copy", "facebook/post_copy", AssetType.TEXT, "Facebook post copy", ALL, "post_image"),
                item("link_image", "facebook/link_image", AssetType.IMAGE, "Facebook link preview image", FULL_ONLY),
                item("story", "facebook/story", AssetType.IMAGE, "Facebook story", FULL_ONLY)));
        KITS.put(Channel.META_ADS, List.of(
                item("feed_image", "meta_ads/feed", AssetType.IMAGE, "Meta ad feed image (1:1)", ALL),
                item("feed_portrait", "meta_ads/feed_portrait", AssetType.IMAGE, "Meta ad feed image (4:5)", FULL_ONLY),
                item("ad_copy", "meta_ads/copy", AssetType.TEXT, "Meta ad copy", ALL, "feed_image", "feed_portrait")));
        KITS.put(Channel.TIKTOK, List.of(
                item("cover", "tiktok/cover", AssetType.IMAGE, "TikTok cover (key frame)", ALL),
                item("video", "tiktok/video", AssetType.VIDEO, "TikTok video", ALL, "cover"),
                item("caption", "tiktok/caption", AssetType.TEXT, "TikTok caption", ALL, "video")));
        KITS.put(Channel.LINKEDIN, List.of(
                item("post_image", "linkedin/post_landscape", AssetType.IMAGE, "LinkedIn post image", ALL),
                item("post_copy", "linkedin/post_copy", AssetType.TEXT, "LinkedIn post copy", ALL, "post_image")));
        KITS.put(Channel.TWITTER, List.of(
                item("post_image", "twitter/post_image", AssetType.IMAGE, "X post image", ALL),
                item("post_copy", "twitter/post_copy", AssetType.TEXT, "X post copy", ALL, "post_image")));
        KITS.put(Channel.PINTEREST, List.of(
                item("pin", "pinterest/pin", AssetType.IMAGE, "Pinterest pin", ALL),
                item("pin_copy", "pinterest/pin_copy", AssetType.TEXT, "Pinterest pin title and description", ALL, "pin")));
        KITS.put(Channel.YOUTUBE, List.of(
                item("thumbnail", "youtube/thumbnail", AssetType.IMAGE, "YouTube thumbnail (key frame)", FULL_FOLLOW_UP),
                item("voiceover", "youtube/video", AssetType.AUDIO, "YouTube video voiceover", FULL_ONLY),
                item("presenter", "youtube/video", AssetType.AVATAR, "YouTube presenter (avatar)", FULL_ONLY, "voiceover"),
                item("video", "youtube/video", AssetType.VIDEO, "YouTube video", FULL_FOLLOW_UP, "thumbnail", "presenter"),
                item("video_copy", "youtube/video_copy", AssetType.TEXT, "YouTube title and description", FULL_FOLLOW_UP, "video"),
                item("short_key_frame", "youtube/short", AssetType.IMAGE, "YouTube Short key frame", LIGHT_FULL),
                item("short", "youtube/short", AssetType.VIDEO, "YouTube Short", LIGHT_FULL, "short_key_frame")));
        KITS.put(Channel.EMAIL, List.of(
                item("banner", "email/banner", AssetType.IMAGE, "Email banner", ALL),
                item("product", "email/product", AssetType.IMAGE, "Email product image", FULL_ONLY),
                item("copy", "email/copy", AssetType.TEXT, "Email subject, preheader and body", ALL, "banner", "product")));
        KITS.put(Channel.SHOPIFY, List.of(
                item("hero_image", "shopify/product_image", AssetType.IMAGE, "Shopify product image (hero)", FULL_ONLY),
                item("detail_image", "shopify/product_image", AssetType.IMAGE, "Shopify product image (detail)", FULL_ONLY),
                item("description", "shopify/description", AssetType.TEXT, "Shopify product description", FULL_ONLY,
                        "hero_image", "detail_image")));
        KITS.put(Channel.AMAZON, List.of(
                item("main_image", "amazon/main_image", AssetType.IMAGE, "Amazon main image", FULL_ONLY),
                item("aplus_header", "amazon/aplus_header_text", AssetType.IMAGE, "Amazon A+ header image", FULL_ONLY),
                item("aplus_three_images", "amazon/aplus_three_images", AssetType.IMAGE, "Amazon A+ three-image module", FULL_ONLY),
                item("aplus_comparison", "amazon/aplus_comparison_chart", AssetType.IMAGE, "Amazon A+ comparison chart", FULL_ONLY),
                item("bullets", "amazon/bullets", AssetType.TEXT, "Amazon bullet points", FULL_ONLY, "main_image")));
        KITS.put(Channel.GOOGLE_ADS, List.of(
                item("search_copy", "google_ads/search_copy", AssetType.TEXT, "Google search ad copy", ALL),
                item("display_landscape", "google_ads/display_landscape", AssetType.IMAGE, "Google display image (1.91:1)", FULL_FOLLOW_UP),
                item("display_square", "google_ads/display_square", AssetType.IMAGE, "Google display image (1:1)", FULL_FOLLOW_UP),
                item("logo", "google_ads/logo", AssetType.IMAGE, "Google Ads logo", FULL_ONLY),
                item("display_copy", "google_ads/display_copy", AssetType.TEXT, "Google display ad copy", FULL_FOLLOW_UP,
                        "display_landscape", "display_square")));
    }

    private ChannelKits() {
    }

    private static Item item(String slot, String placement, AssetType type, String label, Set<PhaseWeight> weights,
                             String... dependsOn) {
        return new Item(slot, placement, type, label, weights, List.of(dependsOn));
    }

    static List<Item> of(Channel channel) {
        return KITS.get(channel);
    }
}

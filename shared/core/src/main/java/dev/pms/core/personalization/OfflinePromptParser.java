package dev.pms.core.personalization;

import dev.pms.core.channel.Channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a short studio request deterministically (no model): the product it names, what it says about it, the asset
 * type, and each form field the words support. A word that names a value ("dramatic lighting") reads at
 * {@value #NAMED}; a cue that implies one ("for my store": a white-background packshot) at {@value #CUE}. Nothing is
 * read that the words do not support.
 */
public final class OfflinePromptParser {
    public static final String ENGINE = "offline_parser";
    static final double NAMED = 0.9;
    static final double CUE = 0.7;
    static final double DESCRIBED = 0.8;
    static final int MAX_NAME_WORDS = 6;
    private static final int MAX_NAME_CHARS = 80;

    private record Rule(String field, Object value, Pattern pattern, double confidence) {
    }

    private static final Pattern INTENT = Pattern.compile("(?i)^(please\\s+)?((can|could|would) you\\s+)?"
            + "((i|we)\\s+(need|want|would like)|create|make|generate|design|shoot|film|record|produce|give me|show|render|"
            + "animate|spin|rotate|present|explain|introduce)\\s+");
    private static final Pattern ARTICLE = Pattern.compile("(?i)^(me\\s+)?(an?|the|some|my|our)\\s+");
    private static final String ASSET_WORDS = "(photos?|images?|pictures?|shots?|photoshoots?|packshots?|renders?|"
            + "videos?|clips?|reels?|animations?|avatars?( videos?)?|explainers?( videos?)?)";
    private static final Pattern ASSET_LEAD = Pattern.compile("(?i)^([\\p{L}\\p{N}-]+\\s+){0,4}" + ASSET_WORDS
            + "\\s+(of|for|showing|featuring|about)\\s+");
    private static final Pattern ASSET_TAIL = Pattern.compile("(?i)(\\s+(product\\s+)?(" + ASSET_WORDS
            + "|tutorial|overview|teaser|trailer|demo|walk-?through|set ?up|launch|story|faq|360))+$");
    private static final Pattern NAME_END = Pattern.compile("(?i)\\s+(for|on|in|at|against|with|shot|photographed|that|"
            + "which|to|showing|featuring|from|made)\\s+|[,;:.!?()]|\\s+-\\s+");
    private static final Pattern DESCRIPTION = Pattern.compile("(?i)^(with|that|which|featuring|made of|made from|made)\\s+"
            + "(.+?)(?=\\s+(for|on|in|at|against|to)\\s+|[,;.!?]|$)");
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}\\b");
    private static final Pattern VARIATIONS = Pattern.compile("(?i)\\b(\\d|one|two|three|four)\\s+(variations?|versions?|"
            + "options?|shots|images|photos|pictures|takes)\\b");
    private static final Pattern SECONDS = Pattern.compile("(?i)\\b(\\d{1,2})\\s*(s|sec|secs|seconds?)\\b");
    private static final Pattern SIZE = Pattern.compile("\\b(\\d{3,4})\\s*[x×]\\s*(\\d{3,4})\\b");

    private static final List<Rule> PHOTOSHOOT = List.of(
            named("environment", "studio", "\\bstudio\\b(?!\\s+light)"),
            named("environment", "luxury", "luxur(y|ious)|premium|elegant|high[- ]end|marble|velvet"),
            named("environment", "outdoor", "outdoors?|beach|mountains?|forest|park|garden|nature|hiking|camping|street"),
            named("environment", "lifestyle", "lifestyle|at home|kitchen|living room|bedroom|on a desk|everyday|in use"),
            named("environment", "minimalist", "minimal(ist)?|simple background"),
            named("background_style", "white", "white (background|backdrop)|on white|plain white|pure white"),
            named("background_style", "transparent", "transparent|cut ?out|no background|\\bpng\\b"),
            named("background_style", "branded", "brand(ed)? (colou?rs?|background|backdrop)|in our colou?rs"),
            named("lighting", "studio", "studio light(ing)?|softbox"),
            named("lighting", "natural", "natural light|daylight|sunlight|sunny|golden hour|sunset|sunrise|window light"),
            named("lighting", "dramatic", "dramatic|moody|dark|night|neon|spotlight|high contrast"),
            named("lighting", "soft", "\\bsoft\\b|diffused|gentle|pastel"),
            named("style", "technical", "technical|specs?\\b|specifications|detail(ed)? view|exploded|diagram|engineering"),
            named("style", "luxury", "luxur(y|ious)|premium|elegant|high[- ]end"),
            named("style", "minimalist", "minimal(ist)?"),
            named("style", "photorealistic", "photo ?realistic|realistic|true to life|lifelike"),
            named("angle", "360", "\\b360\\b|all angles|every angle|turntable"),
            named("angle", "top", "top[- ]down|from above|overhead|flat ?lay|top view"),
            named("angle", "side", "side view|from the side|profile"),
            named("angle", "front", "front view|from the front|straight on|head[- ]on"),
            named("resolution", "1080x1080", "\\bsquare\\b|1:1"),
            named("resolution", "1080x1920", "\\bstor(y|ies)\\b|vertical|9:16|\\breels?\\b"),
            named("resolution", "1080x1350", "\\bportrait\\b|4:5"),
            named("resolution", "1280x720", "landscape|16:9|banner|widescreen"),
            cue("environment", "studio", "\\bstore\\b|\\bshop\\b|listing|amazon|shopify|etsy|e-?commerce|marketplace|"
                    + "catalog(ue)?|product page"),
            cue("background_style", "white", "\\bstore\\b|\\bshop\\b|listing|amazon|shopify|etsy|e-?commerce|marketplace|"
                    + "catalog(ue)?|product page"),
            cue("lighting", "studio", "\\bstore\\b|\\bshop\\b|listing|amazon|shopify|etsy|e-?commerce|marketplace|catalog(ue)?"),
            cue("style", "photorealistic", "\\bstore\\b|\\bshop\\b|listing|amazon|shopify|etsy|e-?commerce|marketplace"),
            cue("angle", "front", "listing|amazon|marketplace|product page"),
            cue("environment", "lifestyle", "instagram|tiktok|facebook|pinterest|social"),
            cue("background_style", "lifestyle", "instagram|tiktok|facebook|pinterest|social|lifestyle|outdoors?|beach|"
                    + "nature|at home|kitchen|everyday"),
            cue("background_style", "branded", "luxur(y|ious)|premium|elegant|high[- ]end|minimal(ist)?"),
            cue("lighting", "dramatic", "luxur(y|ious)|premium|elegant|high[- ]end"),
            cue("lighting", "natural", "outdoors?|beach|mountains?|forest|park|garden|nature|hiking|instagram|pinterest"),
            cue("lighting", "soft", "minimal(ist)?"),
            cue("style", "photorealistic", "lifestyle|outdoors?|instagram|facebook|pinterest|tiktok"),
            cue("resolution", "1080x1920", "tiktok"),
            cue("resolution", "1080x1350", "instagram|pinterest|facebook"),
            cue("resolution", "1280x720", "youtube|linkedin|twitter|website|hero"),
            cue("resolution", "1024x1024", "\\bstore\\b|\\bshop\\b|listing|amazon|shopify|etsy|e-?commerce|marketplace"));
    private static final List<Rule> VIDEO = List.of(
            named("video_type", "launch", "launch|teaser|announce|coming soon|release|\\bdrop\\b"),
            named("video_type", "demo", "\\bdemo\\b|how it works|walk ?through|in action|how to use"),
            named("video_type", "feature_highlight", "feature|highlight|spotlight|key benefits"),
            named("video_type", "storytelling", "story|storytelling|narrative|journey"),
            named("resolution", "1080p", "1080p|full hd|\\b4k\\b"),
            named("resolution", "720p", "720p|\\bhd\\b"),
            named("resolution", "480p", "480p"),
            cue("duration", 5, "\\bshort\\b|quick|snappy|teaser"),
            cue("duration", 10, "\\blong(er)?\\b|detailed|walk ?through"));
    private static final List<Rule> ANIMATION = List.of(
            named("animation_type", "reveal", "reveal|unbox|unveil"),
            named("animation_type", "rotation", "rotat|spin|\\b360\\b|turntable|turn around"),
            named("animation_type", "demo", "\\bdemo\\b|in action|how it works"),
            named("animation_type", "lifestyle", "lifestyle|in use|everyday|at home"),
            named("resolution", "1080p", "1080p|full hd|\\b4k\\b"),
            named("resolution", "720p", "720p|\\bhd\\b"),
            named("resolution", "480p", "480p"),
            cue("duration", 5, "\\bshort\\b|quick|snappy|loop"),
            cue("duration", 10, "\\blong(er)?\\b|detailed"));
    private static final List<Rule> AVATAR = List.of(
            named("explainer_type", "tutorial", "tutorial|how to|step by step|onboard|guide|set ?up"),
            named("explainer_type", "feature_explainer", "feature|faq|questions?|explain"),
            named("explainer_type", "brand_message", "brand|mission|values|message|welcome"),
            named("explainer_type", "product_overview", "overview|introduc|what is|present"),
            named("resolution", "720p", "720p|\\bhd\\b|1080p"),
            named("resolution", "480p", "480p|lightweight|small"));
    private static final Map<String, Pattern> ASSET_TYPES = assetTypes();
    private static final Map<String, Pattern> CHANNEL_WORDS = channelWords();

    private static Map<String, Pattern> assetTypes() {
        Map<String, Pattern> types = new LinkedHashMap<>();
        types.put("avatar", words("avatar|presenter|spokes(person|man|woman|model)|talking head|explainer|\\bhost\\b"));
        types.put("animation", words("animat|\\bspin|rotat|turntable|360 (view|spin)|bring .* to life"));
        types.put("video", words("video|\\bclip\\b|\\breels?\\b|commercial|teaser|trailer|footage"));
        types.put("image", words("photo|image|picture|\\bshot\\b|\\bshots\\b|packshot|render|\\bstill\\b"));
        return types;
    }

    private static Map<String, Pattern> channelWords() {
        Map<String, Pattern> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            String code = channel.code().replace('_', ' ');
            String pattern = channel == Channel.TWITTER ? "\\btwitter\\b|\\bx\\.com\\b|\\btweet" : "\\b" + code + "\\b";
            channels.put(channel.code(), words(pattern));
        }
        return channels;
    }

    /**
     * Reads one request. {@code assetType} (image, video, animation, avatar) is the caller's when given, else read
     * from the words (image when they say nothing).
     */
    public Interpretation parse(String userInput, String assetType) {
        String input = userInput.strip();
        String lower = input.toLowerCase(Locale.ROOT);
        String type = assetType != null ? assetType : statedAssetType(lower);
        FormType form = StudioChoices.formFor(type == null ? "image" : type);
        Map<String, Interpretation.Stated> stated = new LinkedHashMap<>();
        for (Rule rule : rules(form)) {
            Matcher match = rule.pattern().matcher(lower);
            Interpretation.Stated known = stated.get(rule.field());
            if (match.find() && (known == null || known.confidence() < rule.confidence())) {
                stated.put(rule.field(), new Interpretation.Stated(rule.value(), rule.confidence(), match.group()));
            }
        }
        numbers(form, input, stated);
        Naming naming = naming(input);
        List<String> colors = HEX.matcher(input).results().map(m -> m.group().toUpperCase(Locale.ROOT)).distinct().toList();
        List<String> channels = new ArrayList<>();
        CHANNEL_WORDS.forEach((code, pattern) -> {
            if (pattern.matcher(lower).find()) {
                channels.add(code);
            }
        });
        return new Interpretation(ENGINE, naming.name(), naming.description(), naming.context(), type, stated, colors,
                channels);
    }

    static String statedAssetType(String lower) {
        for (Map.Entry<String, Pattern> type : ASSET_TYPES.entrySet()) {
            if (type.getValue().matcher(lower).find()) {
                return type.getKey();
            }
        }
        return null;
    }

    private static List<Rule> rules(FormType form) {
        return switch (form) {
            case PRODUCT_VIDEO -> VIDEO;
            case PRODUCT_ANIMATION -> ANIMATION;
            case PRODUCT_AVATAR -> AVATAR;
            default -> PHOTOSHOOT;
        };
    }

    /** Sizes, counts and seconds the request writes as numbers. */
    private static void numbers(FormType form, String input, Map<String, Interpretation.Stated> stated) {
        Matcher size = SIZE.matcher(input);
        if (size.find()) {
            Object allowed = StudioChoices.allowed(form, "resolution", size.group(1) + "x" + size.group(2));
            if (allowed != null) {
                stated.put("resolution", new Interpretation.Stated(allowed, NAMED, size.group()));
            }
        }
        Matcher variations = VARIATIONS.matcher(input);
        if (form == FormType.PRODUCT_PHOTOSHOOT && variations.find()) {
            int count = switch (variations.group(1).toLowerCase(Locale.ROOT)) {
                case "one" -> 1;
                case "two" -> 2;
                case "three" -> 3;
                case "four" -> 4;
                default -> Integer.parseInt(variations.group(1));
            };
            stated.put("num_variations", new Interpretation.Stated(Math.max(1, Math.min(4, count)), NAMED,
                    variations.group()));
        }
        Matcher seconds = SECONDS.matcher(input);
        if ((form == FormType.PRODUCT_VIDEO || form == FormType.PRODUCT_ANIMATION) && seconds.find()) {
            int asked = Integer.parseInt(seconds.group(1));
            stated.put("duration", new Interpretation.Stated(asked <= 7 ? 5 : 10, asked == 5 || asked == 10 ? NAMED : CUE,
                    seconds.group()));
        }
    }

    private record Naming(String name, String description, String context) {
    }

    /** The product's name (the words before the first "for", "with", comma, …), its description and the rest. */
    private static Naming naming(String input) {
        String working = ARTICLE.matcher(INTENT.matcher(input).replaceFirst("")).replaceFirst("");
        working = ARTICLE.matcher(ASSET_LEAD.matcher(working).replaceFirst("")).replaceFirst("");
        Matcher end = NAME_END.matcher(working);
        boolean cut = end.find();
        String name = cut ? working.substring(0, end.start()) : working;
        String rest = cut ? working.substring(end.start()).replaceFirst("^[\\s,;:.!?()-]+", "") : "";
        name = ASSET_TAIL.matcher(name.strip()).replaceFirst("").strip();
        String[] words = name.split("\\s+");
        if (words.length > MAX_NAME_WORDS || name.length() > MAX_NAME_CHARS) {
            name = String.join(" ", Arrays.copyOf(words, Math.min(words.length, MAX_NAME_WORDS)));
        }
        String description = null;
        Matcher clause = DESCRIPTION.matcher(rest);
        if (!name.isEmpty() && clause.find()) {
            description = capitalized(name) + " " + clause.group().strip();
            rest = rest.substring(clause.end()).replaceFirst("^[\\s,;:.!?()-]+", "");
        }
        String context = rest.replaceAll("[.!?]+$", "").strip();
        return new Naming(name.isEmpty() ? null : name, description, context.isEmpty() ? null : context);
    }

    static String capitalized(String text) {
        return text.isEmpty() || Character.isUpperCase(text.charAt(0)) || !Character.isLetter(text.charAt(0))
                || text.length() > 1 && Character.isUpperCase(text.charAt(1))
                ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Rule named(String field, Object value, String regex) {
        return new Rule(field, value, words(regex), NAMED);
    }

    private static Rule cue(String field, Object value, String regex) {
        return new Rule(field, value, words(regex), CUE);
    }

    private static Pattern words(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}

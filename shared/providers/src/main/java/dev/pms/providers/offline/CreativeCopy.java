package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.prompt.PromptCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a creative carries, from the brief's facts only (product name, description, features, offer, CTA) and a
 * hook the user wrote; never the prompt or the art direction a proposal's image hook is.
 */
record CreativeCopy(String wordmark, String productName, String headline, String subline, String callToAction,
                    String offer, String figure, String figureLabel, List<String> points, String phase) {
    private static final int MAX_HEADLINE_WORDS = 8;
    private static final Pattern FIGURE = Pattern.compile("(?<![\\w.])(\\d[\\d,.]*\\s?(%|x|×|\\+|k|K)?)(?!\\w)");
    private static final PromptCatalog CATALOG = PromptCatalog.load();

    static CreativeCopy from(GenerationRequest request) {
        ProductFacts facts = ProductFacts.from(request.productContext());
        String product = facts.hasName() ? facts.name() : "";
        String phase = phaseOf(request.conceptSummary());
        List<String> claims = claims(facts.description());
        String hook = usableHook(request.hook(), product);
        String headline = !hook.isEmpty() ? hook : !claims.isEmpty() ? claims.get(0) : product;
        String subline = claims.stream().filter(claim -> !claim.equalsIgnoreCase(headline)).findFirst()
                .orElse(headline.equals(product) ? "" : product);
        List<String> points = facts.features().size() >= 2 ? facts.features() : claims;
        String offer = text(request.productContext(), "offer", "promotion", "discount");
        Optional<String[]> figure = figure(offer, facts.features(), facts.description());
        return new CreativeCopy(facts.brandName().isEmpty() ? product : facts.brandName(), product, headline, subline,
                callToAction(facts, request.productContext(), phase), offer.isEmpty() ? badgeFor(phase) : offer,
                figure.map(found -> found[0]).orElse(""), figure.map(found -> found[1]).orElse(""),
                points.stream().limit(3).map(WordFit::capitalized).toList(), phase);
    }

    boolean hasFigure() {
        return !figure.isEmpty();
    }

    /** The campaign phase the proposal's concept summary opens with ("Launch image for …"); empty when none. */
    static String phaseOf(String conceptSummary) {
        String first = Objects.toString(conceptSummary, "").strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        return CATALOG.phase(first).isPresent() ? first : "";
    }

    /** A hook short enough to be a headline and not one of the catalogue's art-direction hooks; else empty. */
    static String usableHook(String hook, String product) {
        String text = Objects.toString(hook, "").strip();
        if (text.isEmpty() || text.split("\\s+").length > MAX_HEADLINE_WORDS || text.length() > 60) {
            return "";
        }
        for (AssetType type : AssetType.values()) {
            for (PromptCatalog.HookAngle angle : CATALOG.hookAngles(type)) {
                String direction = angle.hook().replace(PromptCatalog.PRODUCT_NAME_PLACEHOLDER,
                        product.isEmpty() ? "the product" : product);
                if (direction.equalsIgnoreCase(text)) {
                    return "";
                }
            }
        }
        return text;
    }

    private static String callToAction(ProductFacts facts, Map<String, Object> context, String phase) {
        if (!facts.callToAction().isEmpty()) {
            return facts.callToAction();
        }
        if ("teaser".equals(phase)) {
            return CATALOG.phase(phase).map(PromptCatalog.PhaseWording::cta).orElse("Join the waiting list");
        }
        String goal = text(context, "marketing_goal").toLowerCase(Locale.ROOT);
        if (goal.contains("sign")) {
            return "Sign up today";
        }
        if (goal.contains("download") || goal.contains("install")) {
            return "Download now";
        }
        if (goal.contains("demo")) {
            return "Book a demo";
        }
        if (goal.contains("sale") || goal.contains("purchase") || goal.contains("order")) {
            return "Shop now";
        }
        return CATALOG.phase(phase).map(PromptCatalog.PhaseWording::cta).orElse("Learn more");
    }

    private static String badgeFor(String phase) {
        return switch (phase) {
            case "teaser" -> "Coming soon";
            case "launch", "discover", "amplify" -> "New";
            default -> "Available now";
        };
    }

    /** Clauses of the description worth setting as a line: 2 to 12 words, capitalised, without end punctuation. */
    static List<String> claims(String description) {
        List<String> claims = new ArrayList<>();
        for (String part : Objects.toString(description, "").split("[.:;!?]+\\s*|\\s+[—–-]\\s+")) {
            String clause = part.strip();
            int words = clause.isEmpty() ? 0 : clause.split("\\s+").length;
            if (words >= 2 && words <= 12) {
                claims.add(WordFit.capitalized(clause));
            }
        }
        return claims;
    }

    /** The first number in the facts, with the rest of its clause as its label. */
    private static Optional<String[]> figure(String offer, List<String> features, String description) {
        List<String> sources = new ArrayList<>();
        sources.add(offer);
        sources.addAll(features);
        sources.addAll(claims(description));
        for (String source : sources) {
            Matcher matcher = FIGURE.matcher(Objects.toString(source, ""));
            if (matcher.find()) {
                String label = (source.substring(0, matcher.start()) + " " + source.substring(matcher.end()))
                        .strip().replaceAll("\\s+", " ");
                return Optional.of(new String[] {matcher.group(1).strip(), WordFit.capitalized(label)});
            }
        }
        return Optional.empty();
    }

    private static String text(Map<String, Object> context, String... keys) {
        for (String key : keys) {
            Object value = context.get(key);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().strip().replaceAll("\\s+", " ");
            }
        }
        return "";
    }
}

package dev.pms.providers.offline;

import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.Channel;
import dev.pms.core.generation.CopyBrief;
import dev.pms.core.generation.CopyFormula;

import dev.pms.core.prompt.ForbiddenPhrases;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of one text asset, written from its {@link CopyBrief} by the phase's formula (AIDA, PAS or FAB) inside
 * the channel's structure: hook, body, proof, call to action, brand line.
 *
 * <p>Each part is picked from a bank of sentence patterns by the asset's position among the campaign's text assets,
 * and filled with a fact rotated by the same position, so assets written independently never share a sentence (the
 * call to action and the brand line excepted). Patterns that would carry a forbidden phrase or an avoided word are
 * dropped from a bank before picking, the same for every asset of the campaign.
 *
 * <p>Placeholders: {n} product name, {b} a benefit, {a} audience, {o} offer, {d} description, {w} a preferred word,
 * {x} a differentiator.
 */
final class FrameworkCopy {
    private static final List<String> AIDA_HOOKS = List.of(
            "Something new for {a}: {n}, {b}.",
            "{n}, in one line: {b}.",
            "Say hello to {n}, made for {a}.",
            "Picture your week with this built in: {b}.",
            "Big news for {a}: {b}.",
            "You asked for it, so here it is: {b}.",
            "This is {n}, and it starts with {b}.",
            "Meet the thing {a} have been waiting for: {b}.",
            "New this season from {n}: {b}.",
            "One idea, done properly: {b}.");
    private static final List<String> PAS_HOOKS = List.of(
            "Too many {a} settle for less than they should.",
            "For {a}, the everyday workaround costs more time than anyone admits.",
            "Most options promise a lot and leave {a} doing the hard part.",
            "If you are one of the {a} who gave up on getting this right, read on.",
            "Here is a frustration {a} share: the basics still take too much effort.",
            "The usual options ask {a} to compromise.",
            "Something small gets in the way for {a} every single day.",
            "Ask {a} what slows them down and you hear the same answer.",
            "Nobody plans for the small hassles, yet {a} meet them every week.",
            "There is a gap between what {a} need and what they usually get.");
    private static final List<String> FAB_HOOKS = List.of(
            "The feature to know about {n}: {b}.",
            "Built into {n} from day one: {b}.",
            "Look closer at {n} and start here: {b}.",
            "What makes {n} different, in three words or so: {b}.",
            "Start with the feature {a} ask about most: {b}.",
            "Here is what is inside {n}: {b}.",
            "Behind {n} sits one clear feature: {b}.",
            "First things first: {b}.",
            "The spec that matters for {a}: {b}.",
            "Get to know {n} by one detail: {b}.");
    private static final List<String> AIDA_INTEREST = List.of(
            "What it is: {d}.",
            "{n} in a sentence: {d}.",
            "The idea behind {n} is simple: {d}.",
            "Here is how it works: {d}.",
            "For anyone new to {n}: {d}.",
            "The short story: {d}.",
            "If you have not met {n} yet: {d}.",
            "In plain words, {n} is this: {d}.",
            "What you are looking at: {d}.",
            "The whole picture, briefly: {d}.");
    private static final List<String> PAS_AGITATE = List.of(
            "And every workaround adds up: time, money and patience.",
            "Put up with it long enough and it becomes the way things are.",
            "The longer it goes on, the more it costs you.",
            "It is the kind of friction nobody budgets for.",
            "Multiply that by every week of the year.",
            "And another reminder on your phone does not fix it.",
            "Small annoyances, repeated, are why people give up.",
            "Meanwhile the thing you actually wanted stays out of reach.",
            "It looks minor until you count how often it happens.",
            "Left alone, it quietly eats the best part of your day.");
    private static final List<String> FAB_ADVANTAGE = List.of(
            "That means less to think about and more time for what you came for.",
            "So the routine gets shorter and the results stay the same.",
            "In practice, it removes a step you used to do by hand.",
            "It works the same way every time, without a setup to remember.",
            "The result is one less thing to manage.",
            "Which turns a chore into something that simply happens.",
            "It fits the way you already work instead of asking you to change.",
            "You notice it most on the busy days.",
            "It keeps working in the background while you get on with things.",
            "Fewer decisions, fewer steps, same great outcome.");
    private static final List<String> BENEFITS = List.of(
            "The part you will notice first: {b}.",
            "What changes with {n}: {b}.",
            "The difference you feel on day one: {b}.",
            "Why {a} choose {n}: {b}.",
            "One reason to switch today: {b}.",
            "What you can count on: {b}.",
            "The detail that makes {n} worth it: {b}.",
            "What {a} will like most: {b}.",
            "Here is what you get with {n}: {b}.",
            "The benefit in one line: {b}.");
    private static final List<String> PROOF = List.of(
            "No hype, just the facts: {b}.",
            "What sets {n} apart: {x}.",
            "Check it for yourself: {b}.",
            "Built on {x}.",
            "The proof is in the details: {b}.",
            "Plain facts, no fine print: {b}.",
            "Our promise to {a}: {x}.",
            "Judge it by one fact: {b}.",
            "What we stand behind: {x}.",
            "See it in action: {b}.");
    private static final List<String> OFFERS = List.of(
            "The offer: {o}.",
            "Right now: {o}.",
            "Our thank-you to you: {o}.",
            "Good to know: {o}.",
            "Yours when you join: {o}.",
            "A small extra from us: {o}.",
            "Here is the deal: {o}.",
            "And there is more: {o}.",
            "Worth knowing before you decide: {o}.",
            "Our welcome gift: {o}.");
    private static final List<String> VOCABULARY = List.of(
            "One word for {n}: {w}.",
            "In a word: {w}.",
            "If we had to pick one word: {w}.",
            "The word we keep coming back to: {w}.",
            "Our word for this season: {w}.",
            "Say it with us: {w}.",
            "It all comes down to one word: {w}.",
            "Ask us for one word and we will say {w}.",
            "The word on our whiteboard: {w}.",
            "One word to remember: {w}.");
    private static final List<String> QUESTIONS = List.of(
            "How do you handle this today?",
            "What would you do with the time you get back?",
            "Which part of your routine would you change first?",
            "What is the one thing you would add?",
            "Have you tried something like this before?",
            "What does a good day look like for you?",
            "Where does this fit in your week?",
            "What is stopping you from trying it?",
            "Who else on your team should see this?",
            "What would make this a must-have for you?");
    private static final List<String> SUBJECTS_NEW = List.of(
            "{n}: {b}",
            "Meet {n}",
            "{B}, explained",
            "A closer look at {n}",
            "{O}",
            "Why {a} pick {n}",
            "Still thinking about {n}?",
            "Your quick guide to {n}",
            "What is new at {n}",
            "One question about {n}");
    private static final List<String> SUBJECTS_RETENTION = List.of(
            "Welcome back to {n}",
            "{B}: a quick tip",
            "{O}",
            "We saved your spot at {n}",
            "Your {n} update",
            "{n}: {b}",
            "A thank-you from {n}",
            "Getting more from {n}",
            "Still with us? {O}",
            "Your {n} question, answered");
    private static final List<String> PREHEADERS = List.of(
            "Inside: {b}, and what it means for you.",
            "{n} in two minutes: what it is and why {a} care.",
            "A short read on {b}, plus one thing to try today.",
            "Everything you need to know before you try {n}.",
            "The one detail we think you will love: {b}.",
            "Open for the full story, and {o}.",
            "Here is what changes for {a} starting today.",
            "A quick note from the team behind {n}.",
            "Two minutes, one idea: {b}.",
            "What we learned from {a}, and what we changed.");
    private static final List<String> SOLUTIONS = List.of(
            "That is why we made {n}: {b}.",
            "{n} fixes that with one simple idea: {b}.",
            "So we built {n} around one thing: {b}.",
            "Enter {n}: {b}.",
            "The fix is simpler than it sounds: {b}.",
            "With {n}, that changes: {b}.",
            "Our answer is {n}, starting with {b}.",
            "{n} takes that off your plate: {b}.",
            "Here is how {n} solves it: {b}.",
            "The way out is {n}: {b}.");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z])}");
    private static final Pattern SINGLE_WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}'-]{2,}");

    private final CopyBrief brief;
    private final Channel channel;
    private final ForbiddenPhrases forbidden;
    private final List<Pattern> avoided;
    private final List<String> facts;
    private final List<String> words;
    private final int position;

    FrameworkCopy(CopyBrief brief, Channel channel, ForbiddenPhrases forbidden) {
        this.brief = brief;
        this.channel = channel;
        this.forbidden = forbidden;
        this.avoided = brief.avoidedWords().stream()
                .map(word -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT))
                        + "(?![\\p{L}\\p{N}])"))
                .toList();
        this.facts = allowedFacts();
        this.words = brief.preferredWords().stream()
                .filter(word -> SINGLE_WORD.matcher(word).matches() && !word.equalsIgnoreCase("you") && allows(word))
                .toList();
        this.position = brief.textAssetIndex();
    }

    String productName() {
        return brief.productName().isEmpty() ? ProductFacts.DEFAULT_NAME : brief.productName();
    }

    /** The opening line: attention (AIDA), problem (PAS) or feature (FAB). */
    String hook() {
        return pick(switch (brief.formula()) {
            case AIDA -> AIDA_HOOKS;
            case PAS -> PAS_HOOKS;
            case FAB -> FAB_HOOKS;
        }, 0);
    }

    /** The formula's middle: interest and desire (AIDA), agitate and solve (PAS), advantage and benefit (FAB). */
    List<String> body() {
        List<String> middle = switch (brief.formula()) {
            case AIDA -> List.of(pick(AIDA_INTEREST, 0), pick(BENEFITS, 1));
            case PAS -> List.of(pick(PAS_AGITATE, 0), solution());
            case FAB -> List.of(pick(FAB_ADVANTAGE, 0), pick(BENEFITS, 1));
        };
        List<String> sentences = new ArrayList<>(middle);
        if (!brief.offer().isEmpty()) {
            sentences.add(pick(OFFERS, 0));
        }
        return sentences.stream().filter(sentence -> !sentence.isEmpty()).toList();
    }

    String proof() {
        return pick(PROOF, 2);
    }

    /** A question for peers where the channel's framework ends on one; empty elsewhere. */
    String question() {
        return channel == Channel.LINKEDIN || channel == Channel.FACEBOOK || channel == Channel.TWITTER
                ? pick(QUESTIONS, 0) : "";
    }

    /** A line carrying one of the brand's preferred words; empty when the brand has none that read as a word. */
    String vocabularyLine() {
        return words.isEmpty() ? "" : pick(VOCABULARY, 0);
    }

    String brandLine() {
        return brief.brandLine().isEmpty() || !allows(brief.brandLine()) ? ""
                : WordFit.asSentence(WordFit.capitalized(brief.brandLine()));
    }

    /** The call to action: the brief's own, else one made from the KPI (or the goal) in the channel's style. */
    String callToAction() {
        if (!brief.callToAction().isEmpty()) {
            return WordFit.asSentence(WordFit.capitalized(brief.callToAction()));
        }
        if (channel == Channel.AMAZON) {
            return "";
        }
        String action = action();
        String where = channel == null ? "" : switch (channel) {
            case INSTAGRAM, TIKTOK -> " Link in bio.";
            case YOUTUBE -> " Link in the description.";
            default -> "";
        };
        return action + where;
    }

    private String action() {
        String kpi = brief.kpi().toLowerCase(Locale.ROOT);
        if (kpi.contains("sign")) {
            return "Sign up today.";
        }
        if (kpi.contains("download") || kpi.contains("install")) {
            return "Download it today.";
        }
        if (kpi.contains("view") || kpi.contains("watch")) {
            return channel == Channel.YOUTUBE || channel == Channel.TIKTOK ? "Watch it and share it." : "Watch the video.";
        }
        if (kpi.contains("reactivat") || kpi.contains("win back") || kpi.contains("return")) {
            return "Come back and pick up where you left off.";
        }
        if (kpi.contains("order") || kpi.contains("sale") || kpi.contains("purchase") || kpi.contains("revenue")) {
            return "Shop now.";
        }
        Goal goal = brief.goal();
        if (goal == Goal.RETENTION) {
            return "Pick up where you left off.";
        }
        if (goal == Goal.CONVERSION) {
            return "Shop now.";
        }
        return goal == Goal.AWARENESS ? "Take a closer look." : "Try it today.";
    }

    /** Email subject lines: distinct per email of the campaign, each within {@code maxChars}. */
    String subject(int maxChars) {
        List<String> bank = brief.goal() == Goal.RETENTION ? SUBJECTS_RETENTION : SUBJECTS_NEW;
        return pickFitting(bank, brief.placementIndex(), 0, maxChars, 1);
    }

    /** Email preheaders: distinct per email, between {@code minChars} and {@code maxChars}. */
    String preheader(int minChars, int maxChars) {
        return pickFitting(PREHEADERS, brief.placementIndex(), 1, maxChars, minChars);
    }

    /** Short lines for titles and ad headlines, the asset's own first, then the product's facts. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(stripFinalStop(hook()));
        for (String sentence : body()) {
            lines.add(stripFinalStop(sentence));
        }
        lines.add(stripFinalStop(proof()));
        lines.add(productName());
        lines.add("Meet " + productName());
        facts.forEach(fact -> lines.add(WordFit.capitalized(fact)));
        if (!brief.offer().isEmpty()) {
            lines.add(WordFit.capitalized(brief.offer()));
        }
        lines.add(stripFinalStop(callToAction()));
        return lines.stream().filter(line -> !line.isBlank() && allows(line)).distinct().toList();
    }

    /** Benefit items for bullet fields (store listings, marketplace bullets). */
    List<String> items() {
        List<String> items = new ArrayList<>();
        facts.forEach(fact -> items.add(WordFit.asSentence(WordFit.capitalized(fact))));
        items.addAll(body());
        items.add(proof());
        return items.stream().filter(item -> !item.isBlank() && allows(item)).distinct().toList();
    }

    /** Hashtags: the product's, then the preferred words and short benefits, rotated by the asset's place in its placement. */
    List<String> hashtags() {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(hashtag(productName()));
        List<String> pool = new ArrayList<>();
        words.forEach(word -> pool.add(hashtag(word)));
        facts.stream().filter(fact -> fact.split(" ").length <= 3).forEach(fact -> pool.add(hashtag(fact)));
        if (!brief.phase().isEmpty()) {
            pool.add(hashtag(productName() + " " + brief.phase()));
        }
        for (int i = 0; i < pool.size(); i++) {
            tags.add(pool.get(Math.floorMod(brief.placementIndex() + i, pool.size())));
        }
        return tags.stream().filter(tag -> tag.length() > 1 && tag.length() <= 30 && allows(tag)).toList();
    }

    /** Whether a text is free of the brand's forbidden phrases and avoided words. */
    boolean allows(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return forbidden.allows(text) && avoided.stream().noneMatch(word -> word.matcher(lower).find());
    }

    private String solution() {
        return pick(SOLUTIONS, 1);
    }

    /**
     * The sentence at this asset's position in the bank's sequence: first every pattern once, then again the patterns
     * that take a rotating value (a benefit, a differentiator, a word) with their next value, until the values run
     * out. Every sentence of the sequence differs, so positions below its length never share one; past it the part is
     * left out.
     */
    private String pick(List<String> bank, int valueOffset) {
        List<String> sequence = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean added = false;
            for (int k = 0; k < bank.size(); k++) {
                int values = rotatingValues(bank.get(k));
                if (round == 0 || round < values) {
                    String text = fill(bank.get(k), valueOffset, k + round);
                    if (!text.isEmpty() && allows(text)) {
                        sequence.add(text);
                    }
                    added = true;
                }
            }
            if (!added || sequence.size() > position) {
                break;
            }
        }
        return position < sequence.size() ? sequence.get(position) : "";
    }

    /** How many values the pattern's rotating placeholder has; 1 when it has none. */
    private int rotatingValues(String pattern) {
        if (pattern.contains("{b}") || pattern.contains("{B}")) {
            return Math.max(1, facts.size());
        }
        if (pattern.contains("{x}")) {
            return Math.max(1, brief.differentiators().size());
        }
        if (pattern.contains("{w}") || pattern.contains("{W}")) {
            return Math.max(1, words.size());
        }
        return 1;
    }

    private String pickFitting(List<String> bank, int index, int factOffset, int maxChars, int minChars) {
        List<String> fitting = new ArrayList<>();
        for (String pattern : bank) {
            String text = fill(pattern, factOffset, 0);
            if (!text.isEmpty() && text.length() >= minChars && text.length() <= maxChars && allows(text)) {
                fitting.add(pattern);
            }
        }
        if (fitting.isEmpty()) {
            return WordFit.fit(productName(), maxChars);
        }
        return fill(fitting.get(Math.floorMod(index, fitting.size())), factOffset, 0);
    }

    /** The pattern with every placeholder filled, or empty when the brief lacks a value it needs. */
    private String fill(String pattern, int factOffset, int rotation) {
        StringBuilder out = new StringBuilder();
        var matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = value(key.toLowerCase(Locale.ROOT), factOffset, rotation);
            if (value.isEmpty()) {
                return "";
            }
            if (Character.isUpperCase(key.charAt(0)) || matcher.start() == 0) {
                value = WordFit.capitalized(value);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        String text = out.toString().replace("..", ".").replace("?.", "?").replace("!.", "!");
        return WordFit.capitalized(text);
    }

    private String value(String key, int factOffset, int rotation) {
        return switch (key) {
            case "n" -> productName();
            case "b" -> facts.isEmpty() ? "" : lowerFirst(facts.get(Math.floorMod(rotation + factOffset, facts.size())));
            case "a" -> brief.audience();
            case "o" -> lowerFirst(stripFinalStop(brief.offer()));
            case "d" -> lowerFirst(stripFinalStop(brief.productDescription()).replace(": ", " — "));
            case "w" -> words.isEmpty() ? "" : words.get(Math.floorMod(rotation, words.size()));
            case "x" -> brief.differentiators().isEmpty() ? ""
                    : brief.differentiators().get(Math.floorMod(rotation + factOffset, brief.differentiators().size()));
            default -> "";
        };
    }

    /** The benefits, else the clauses of the description; only those free of forbidden and avoided words. */
    private List<String> allowedFacts() {
        List<String> source = new ArrayList<>(brief.benefits());
        if (source.isEmpty()) {
            for (String clause : brief.productDescription().split("\\s*[:;—]\\s*|\\.\\s+")) {
                if (!clause.isBlank()) {
                    source.add(stripFinalStop(clause.strip()));
                }
            }
        }
        return source.stream().map(FrameworkCopy::stripFinalStop).filter(fact -> !fact.isEmpty() && allows(fact))
                .distinct().toList();
    }

    private static String lowerFirst(String text) {
        if (text.length() < 2 || Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String stripFinalStop(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    static String hashtag(String phrase) {
        StringBuilder tag = new StringBuilder("#");
        for (String word : phrase.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                tag.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return tag.toString();
    }
}

package dev.pms.core.inventory;

import dev.pms.core.audit.AuditReport;
import dev.pms.core.audit.AuditReport.Recommendation;
import dev.pms.core.audit.AuditStatus;
import dev.pms.core.audit.FixOperation;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.audit.Priority;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.prompt.ForbiddenPhrases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Audits one inventory item and flags it. An image is measured once and checked against every image placement of
 * the campaign's channels (the pixel audit); it is {@code usable} when its quality can be worked with, it is on the
 * brand palette and at least one placement takes it as it is or after free local fixes (a crop, a downscale).
 * A text is checked against the Brand DNA: forbidden phrases, avoided vocabulary, tone, and the embedding score when
 * one was computed. Every flag comes with its reasons, in words a marketer reads.
 */
public final class InventoryAuditor {
    /** Below this quality score an image is not worth repairing (the pixel audit's own line). */
    static final int MIN_QUALITY_SCORE = 30;
    /** Dominant colours further than this (CIE76 ΔE, share-weighted) from the palette are off-brand. */
    static final double OFF_PALETTE_DELTA_E = 30;
    /** Below this embedding score a text reads unlike the brand. */
    static final double MIN_BRAND_CONSISTENCY = 0.2;
    static final int SHOUTING_EXCLAMATIONS = 3;
    static final double SHOUTING_CAPS_SHARE = 0.3;
    static final double LONG_SENTENCE_WORDS = 28;
    private static final Set<FixOperation> QUALITY_FIXES = EnumSet.of(FixOperation.RELIGHT, FixOperation.RESTORE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)");

    private final ImageAuditService audits;

    public InventoryAuditor(ImageAuditService audits) {
        this.audits = audits;
    }

    /** An audit with the flag it earned and the image's size and type. */
    public record Verdict(ItemAudit audit, ItemStatus status, List<String> reasons, Integer width, Integer height,
                          String mimeType) {
    }

    /**
     * Audits image bytes against {@code placements} (the campaign's image placements) and the brand palette.
     *
     * @throws dev.pms.core.error.DomainException when the bytes are no readable image within the audit's limits
     */
    public Verdict image(byte[] bytes, List<Placement> placements, List<String> palette, Instant now) {
        List<AuditReport> reports = audits.auditAgainst(bytes, placements, palette);
        AuditReport.AssetInfo info = reports.get(0).assetInfo();
        int quality = info.qualityPoints();
        Double paletteDistance = info.qualityParts().paletteDistance() == null ? null
                : info.qualityParts().paletteDistance().value();
        boolean chromatic = info.dominantColours().stream().anyMatch(c -> !ImageAuditService.isNeutral(c.hex()));
        boolean offPalette = chromatic && paletteDistance != null && paletteDistance > OFF_PALETTE_DELTA_E;
        Recommendation recolour = offPalette ? new Recommendation(FixOperation.RECOLOUR, Priority.MEDIUM,
                String.format(Locale.ROOT, "dominant colours are ΔE %.0f from the brand palette (at most %.0f is on"
                        + " brand)", paletteDistance, OFF_PALETTE_DELTA_E), audits.editModel().provider(),
                audits.editModel().model(), audits.editCost(), null, null, null, null, null) : null;

        List<ItemAudit.PlacementFit> fits = new ArrayList<>();
        List<String> servedAsIs = new ArrayList<>();
        List<String> servedAfterCrop = new ArrayList<>();
        Map<FixOperation, List<String>> paidFixes = new LinkedHashMap<>();
        Map<FixOperation, String> paidReasons = new LinkedHashMap<>();
        List<String> replaced = new ArrayList<>();
        for (AuditReport report : placements.isEmpty() ? List.<AuditReport>of() : reports) {
            List<Recommendation> fixes = new ArrayList<>(report.recommendations());
            if (recolour != null && report.verdict() != AuditStatus.REPLACE) {
                fixes.add(recolour);
            }
            BigDecimal cost = fixes.stream().map(Recommendation::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<String> failed = report.checks().stream().filter(check -> !check.passed())
                    .map(check -> check.rule() + ": " + check.detail()).toList();
            fits.add(new ItemAudit.PlacementFit(report.placement(), report.verdict(), failed, fixes, cost));
            boolean onlyLocal = report.recommendations().stream().allMatch(fix -> fix.operation().local());
            if (report.verdict() == AuditStatus.USABLE) {
                servedAsIs.add(report.placement());
            } else if (report.verdict() == AuditStatus.ENHANCE && onlyLocal) {
                servedAfterCrop.add(report.placement());
            } else if (report.verdict() == AuditStatus.REPLACE) {
                replaced.add(report.placement());
            }
            for (Recommendation fix : report.recommendations()) {
                if (!fix.operation().local() && report.verdict() != AuditStatus.REPLACE) {
                    paidFixes.computeIfAbsent(fix.operation(), op -> new ArrayList<>()).add(report.placement());
                    paidReasons.putIfAbsent(fix.operation(), fix.reason());
                }
            }
        }

        List<String> attention = new ArrayList<>();
        if (quality < MIN_QUALITY_SCORE) {
            attention.add("quality score " + quality + "/100 is too low to repair; regenerate it instead");
        }
        for (FixOperation op : QUALITY_FIXES) {
            if (paidFixes.containsKey(op)) {
                attention.add(describe(op) + ": " + paidReasons.get(op));
            }
        }
        if (offPalette) {
            attention.add("recolour: " + recolour.reason());
        }
        if (!placements.isEmpty() && servedAsIs.isEmpty() && servedAfterCrop.isEmpty()) {
            attention.add("fits none of the campaign's " + placements.size() + " image placements as it is or with a"
                    + " free crop" + (replaced.size() == placements.size() ? " (each would need a new image)" : ""));
        }
        List<String> reasons = new ArrayList<>(attention);
        for (Map.Entry<FixOperation, List<String>> fix : paidFixes.entrySet()) {
            if (!QUALITY_FIXES.contains(fix.getKey())) {
                reasons.add(describe(fix.getKey()) + " for " + count(fix.getValue().size(), "placement") + " ("
                        + summary(fix.getValue()) + "): " + paidReasons.get(fix.getKey()));
            }
        }
        if (!servedAsIs.isEmpty()) {
            reasons.add("serves " + count(servedAsIs.size(), "placement") + " as it is: " + summary(servedAsIs));
        }
        if (!servedAfterCrop.isEmpty()) {
            reasons.add("serves " + count(servedAfterCrop.size(), "placement") + " after a free crop or resize: "
                    + summary(servedAfterCrop));
        }
        if (!replaced.isEmpty() && replaced.size() < placements.size()) {
            reasons.add("too small or the wrong shape for " + count(replaced.size(), "placement") + ": "
                    + summary(replaced));
        }
        reasons.add("quality score " + quality + "/100" + (paletteDistance == null ? ""
                : !chromatic ? ", neutral colours only (they go with the brand palette)"
                : String.format(Locale.ROOT, ", ΔE %.0f from the brand palette", paletteDistance)));
        ItemStatus status = attention.isEmpty() ? ItemStatus.USABLE : ItemStatus.NEEDS_ATTENTION;
        ItemAudit audit = new ItemAudit(quality, paletteDistance, fits, null, now);
        return new Verdict(audit, status, reasons, info.width(), info.height(), "image/" + info.format());
    }

    /**
     * Audits a text against the Brand DNA; {@code consistency} is the embedding score (empty when none was computed)
     * and {@code copyPlacements} the campaign's copy placements, each checked for length.
     */
    public Verdict text(String text, BrandDna dna, OptionalDouble consistency, List<Placement> copyPlacements,
                        Instant now) {
        List<String> forbidden = new ForbiddenPhrases(dna.forbiddenPhrases()).foundIn(text);
        List<String> avoided = dna.vocabulary() == null ? List.of() : wordsIn(text, dna.vocabulary().avoid());
        List<String> preferred = dna.vocabulary() == null ? List.of() : wordsIn(text, dna.vocabulary().preferred());
        List<String> words = WORD.matcher(text).results().map(m -> m.group()).toList();
        List<String> tone = toneFindings(text, words, dna);
        int characters = text.codePointCount(0, text.length());
        List<String> fits = new ArrayList<>();
        for (Placement placement : copyPlacements) {
            Integer longest = longestField(placement);
            if (longest == null || characters <= longest) {
                fits.add(placement.key());
            }
        }
        Double score = consistency.isPresent() ? consistency.getAsDouble() : null;
        List<String> attention = new ArrayList<>();
        if (!forbidden.isEmpty()) {
            attention.add("uses the brand's forbidden phrase" + (forbidden.size() == 1 ? " " : "s ")
                    + quoted(forbidden));
        }
        if (!avoided.isEmpty()) {
            attention.add("uses " + quoted(avoided) + ", which the brand vocabulary avoids");
        }
        attention.addAll(tone);
        if (score != null && score < MIN_BRAND_CONSISTENCY) {
            attention.add(String.format(Locale.ROOT, "reads unlike the brand's voice (consistency %.2f, at least %.2f"
                    + " expected)", score, MIN_BRAND_CONSISTENCY));
        }
        if (!copyPlacements.isEmpty() && fits.isEmpty()) {
            attention.add(characters + " characters is longer than every copy placement of the campaign takes");
        }
        List<String> reasons = new ArrayList<>(attention);
        if (score != null && score >= MIN_BRAND_CONSISTENCY) {
            reasons.add(String.format(Locale.ROOT, "consistent with the brand's voice (%.2f)", score));
        }
        if (!preferred.isEmpty()) {
            reasons.add("uses the brand's words " + quoted(preferred));
        }
        if (!fits.isEmpty()) {
            reasons.add("fits " + count(fits.size(), "copy placement") + ": " + summary(fits));
        }
        reasons.add(words.size() + " words, " + characters + " characters");
        ItemAudit.TextAudit textAudit = new ItemAudit.TextAudit(score, forbidden, avoided, preferred, tone,
                words.size(), characters, fits);
        ItemStatus status = attention.isEmpty() ? ItemStatus.USABLE : ItemStatus.NEEDS_ATTENTION;
        return new Verdict(new ItemAudit(null, null, List.of(), textAudit, now), status, reasons, null, null,
                "text/plain");
    }

    private static List<String> toneFindings(String text, List<String> words, BrandDna dna) {
        List<String> findings = new ArrayList<>();
        String tone = dna.writingStyle() == null || dna.writingStyle().tone() == null ? ""
                : dna.writingStyle().tone().toLowerCase(Locale.ROOT);
        boolean energetic = tone.contains("playful") || tone.contains("energetic") || tone.contains("bold");
        long exclamations = text.chars().filter(c -> c == '!').count();
        long shouted = words.stream().filter(word -> word.length() >= 4 && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.equals(word.toLowerCase(Locale.ROOT))).count();
        long longWords = words.stream().filter(word -> word.length() >= 4).count();
        if (!energetic && (exclamations >= SHOUTING_EXCLAMATIONS
                || (longWords >= 5 && shouted >= SHOUTING_CAPS_SHARE * longWords))) {
            findings.add("shouts (" + exclamations + " exclamation marks, " + shouted + " words in capitals) where the"
                    + " brand's tone is " + (tone.isBlank() ? "calm" : tone));
        }
        String complexity = dna.writingStyle() == null || dna.writingStyle().complexity() == null ? ""
                : dna.writingStyle().complexity().toLowerCase(Locale.ROOT);
        long sentences = Math.max(1, SENTENCE_END.matcher(text.strip()).results().count());
        double perSentence = (double) words.size() / sentences;
        if ((complexity.contains("simple") || complexity.contains("moderate")) && perSentence > LONG_SENTENCE_WORDS) {
            findings.add(String.format(Locale.ROOT, "sentences run %.0f words on average; the brand writes %s", perSentence,
                    complexity));
        }
        return findings;
    }

    private static List<String> wordsIn(String text, List<String> vocabulary) {
        if (vocabulary == null) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        for (String word : vocabulary) {
            if (word != null && !word.isBlank() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip())
                    + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                found.add(word.strip());
            }
        }
        return List.copyOf(found);
    }

    private static Integer longestField(Placement placement) {
        Integer longest = 0;
        for (TextField field : placement.textFields()) {
            if (field.maxChars() == null) {
                return null;
            }
            longest = Math.max(longest, field.maxChars());
        }
        return placement.textFields().isEmpty() ? null : longest;
    }

    static String describe(FixOperation op) {
        return switch (op) {
            case RELIGHT -> "needs relighting";
            case RESTORE -> "needs restoring";
            case UPSCALE -> "needs upscaling";
            case BACKGROUND_TO_WHITE -> "needs a white background";
            case RECOLOUR -> "needs recolouring";
            case REGENERATE -> "needs regenerating";
            default -> "needs " + op.code().replace('_', ' ');
        };
    }

    private static String summary(List<String> placements) {
        return placements.size() <= 4 ? String.join(", ", placements)
                : String.join(", ", placements.subList(0, 4)) + " and " + (placements.size() - 4) + " more";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String quoted(List<String> items) {
        return String.join(", ", items.stream().map(item -> "'" + item + "'").toList());
    }
}

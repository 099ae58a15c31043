package dev.pms.journeys.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality gate of issue 21: Journey A (the {@code demo} command) on one devstack for the built-in brief and two
 * briefs of other goals and channels, then the schedule exported, and every defect a marketer would reject counted
 * from the files, the asset records and the exports. Any defect fails the build; {@code -Dquality.gate=report} only
 * prints the counts (and writes them to {@code target/quality-gate-report.txt}).
 */
@ExtendWith(DevstackExtension.class)
class QualityGateEndToEndTest {
    private static final boolean REPORT_ONLY = "report".equals(System.getProperty("quality.gate"));
    private static final Map<String, String> BRIEFS = briefs();

    private static Map<String, String> briefs() {
        Map<String, String> briefs = new LinkedHashMap<>();
        briefs.put("default", null);
        briefs.put("awareness", "/briefs/awareness-brief.json");
        briefs.put("retention", "/briefs/retention-brief.json");
        return briefs;
    }

    @Test
    void theDemoOfEveryBriefHasNoDefectAMarketerWouldReject(Devstack devstack, @TempDir Path dir) throws IOException {
        ChannelCatalog catalog = ChannelCatalog.load();
        List<Defect> defects = new ArrayList<>();
        List<DemoRun> runs = new ArrayList<>();
        for (Map.Entry<String, String> brief : BRIEFS.entrySet()) {
            Path briefFile = brief.getValue() == null ? null
                    : Files.writeString(dir.resolve(brief.getKey() + ".json"), resource(brief.getValue()));
            DemoRun run = DemoRun.run(devstack, brief.getKey(), briefFile, dir.resolve(brief.getKey()));
            runs.add(run);
            defects.addAll(new CopyChecker(catalog).check(run));
            defects.addAll(new CreativeChecker(catalog).check(run));
            defects.addAll(new Mp4AudioChecker().check(run));
            defects.addAll(new ExportChecker().check(run));
            defects.addAll(brandScores(run));
        }

        String report = report(runs, defects);
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("quality-gate-report.txt"), report);
        }
        if (!REPORT_ONLY) {
            assertThat(defects).as("the quality gate (issue 21); -Dquality.gate=report only counts\n" + report)
                    .isEmpty();
        }
    }

    /** Every text asset carries its brand-consistency score (0..1) in its record's details. */
    private static List<Defect> brandScores(DemoRun run) {
        List<Defect> defects = new ArrayList<>();
        for (DemoRun.Asset asset : run.assets) {
            JsonNode score = asset.details().path("brand_consistency");
            if (asset.type().equals("text") && asset.file() != null
                    && (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 1)) {
                defects.add(new Defect(run.briefName, DefectKind.BRAND_SCORE_MISSING, asset.label(),
                        asset.relativePath(), "details.brand_consistency is " + score + ", not a score from 0 to 1"));
            }
        }
        return defects;
    }

    private static String report(List<DemoRun> runs, List<Defect> defects) {
        StringBuilder text = new StringBuilder("Quality gate (issue 21): defects per brief and kind\n");
        text.append(String.format(Locale.ROOT, "%-22s", "kind"));
        runs.forEach(run -> text.append(String.format(Locale.ROOT, "%12s", run.briefName)));
        text.append(String.format(Locale.ROOT, "%12s%n", "total"));
        for (DefectKind kind : DefectKind.values()) {
            text.append(String.format(Locale.ROOT, "%-22s", kind.code()));
            long total = 0;
            for (DemoRun run : runs) {
                long count = defects.stream().filter(d -> d.kind() == kind && d.brief().equals(run.briefName)).count();
                total += count;
                text.append(String.format(Locale.ROOT, "%12d", count));
            }
            text.append(String.format(Locale.ROOT, "%12d%n", total));
        }
        text.append(String.format(Locale.ROOT, "%-22s", "all"));
        runs.forEach(run -> text.append(String.format(Locale.ROOT, "%12d",
                defects.stream().filter(d -> d.brief().equals(run.briefName)).count())));
        text.append(String.format(Locale.ROOT, "%12d%n", defects.size()));
        for (DemoRun run : runs) {
            text.append(String.format(Locale.ROOT, "%s: %d assets in %.1f s; brand consistency of text assets %s%n",
                    run.briefName, run.assets.size(), run.seconds, scoreDistribution(run)));
        }
        Map<DefectKind, List<Defect>> byKind = new EnumMap<>(DefectKind.class);
        defects.forEach(defect -> byKind.computeIfAbsent(defect.kind(), k -> new ArrayList<>()).add(defect));
        byKind.values().forEach(list -> list.forEach(defect -> text.append("  ").append(defect).append('\n')));
        return text.toString();
    }

    private static String scoreDistribution(DemoRun run) {
        List<Double> scores = run.assets.stream().filter(asset -> asset.type().equals("text"))
                .map(asset -> asset.details().path("brand_consistency"))
                .filter(JsonNode::isNumber).map(JsonNode::asDouble).sorted().toList();
        if (scores.isEmpty()) {
            return "(none recorded)";
        }
        return String.format(Locale.ROOT, "min %.2f, median %.2f, max %.2f (n=%d)", scores.get(0),
                scores.get(scores.size() / 2), scores.get(scores.size() - 1), scores.size());
    }

    private static String resource(String name) throws IOException {
        try (var in = QualityGateEndToEndTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

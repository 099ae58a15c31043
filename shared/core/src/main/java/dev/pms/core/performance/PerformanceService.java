package dev.pms.core.performance;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.personalization.Signal;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance loop's read and write side: metric imports (all or nothing, idempotent per campaign, asset or
 * channel, and date) and the performance report with its insight cards. An import makes the campaign active.
 */
public final class PerformanceService {
    static final int MAX_SAVE_ATTEMPTS = 3;
    private static final Pattern KPI_NUMBER = Pattern.compile("(\\d[\\d,._]*)\\s*([kKmM]?)\\b");
    private static final Set<CampaignStatus> KEEPS_STATUS = EnumSet.of(CampaignStatus.ACTIVE, CampaignStatus.COMPLETED,
            CampaignStatus.ARCHIVED);

    private final CampaignRepository campaigns;
    private final ProposalRepository proposals;
    private final MetricsRepository metrics;
    private final InsightEngine insights;
    private final NodeStatusService nodeStatuses;
    private final Clock clock;
    private final PreferenceSignals signals;

    public PerformanceService(CampaignRepository campaigns, ProposalRepository proposals, MetricsRepository metrics,
                              InsightEngine insights, Clock clock) {
        this(campaigns, proposals, metrics, insights, clock, PreferenceSignals.NONE);
    }

    /** @param signals where what performed on each channel of an import is reported for personalization */
    public PerformanceService(CampaignRepository campaigns, ProposalRepository proposals, MetricsRepository metrics,
                              InsightEngine insights, Clock clock, PreferenceSignals signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.insights = Objects.requireNonNull(insights, "insights");
        this.nodeStatuses = new NodeStatusService(campaigns, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports metric rows (JSON, or CSV when {@code csv}); a row with the key of a stored row replaces it.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws MetricImportException listing every bad row by line (nothing is stored then)
     */
    public MetricImportResult importRows(String userId, String campaignId, String body, boolean csv) {
        Campaign campaign = find(userId, campaignId);
        List<MetricRow> rows = new MetricRowParser(campaign.assetNodes(), LocalDate.now(clock.withZone(ZoneOffset.UTC)))
                .parse(body, csv);
        Map<LocalDate, List<MetricRow>> byDay = new HashMap<>();
        rows.forEach(row -> byDay.computeIfAbsent(row.date(), day -> new ArrayList<>()).add(row));
        for (int attempt = 1; ; attempt++) {
            Map<LocalDate, DailyMetrics> stored = metrics.find(userId, campaignId, byDay.keySet());
            List<DailyMetrics> changed = new ArrayList<>();
            int imported = 0;
            int duplicates = 0;
            for (Map.Entry<LocalDate, List<MetricRow>> day : byDay.entrySet()) {
                DailyMetrics current = stored.getOrDefault(day.getKey(), new DailyMetrics(day.getKey(), Map.of(), 0));
                Map<String, MetricRow> merged = new LinkedHashMap<>(current.rows());
                for (MetricRow row : day.getValue()) {
                    if (row.equals(merged.get(row.key()))) {
                        duplicates++;
                    } else {
                        merged.put(row.key(), row);
                        imported++;
                    }
                }
                if (!merged.equals(current.rows())) {
                    changed.add(new DailyMetrics(day.getKey(), merged, current.version()));
                }
            }
            if (attempt == 1 && !changed.isEmpty()) {
                signals.record(userId, performed(rows));
            }
            try {
                if (!changed.isEmpty()) {
                    metrics.saveAll(userId, campaignId, changed);
                }
            } catch (VersionConflictException e) {
                if (attempt == MAX_SAVE_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            if (!KEEPS_STATUS.contains(campaign.status())) {
                nodeStatuses.move(userId, campaignId, Map.of(), NodeStatusService.Policy.SKIP_DISALLOWED,
                        c -> KEEPS_STATUS.contains(c.status()) ? c : c.withStatus(CampaignStatus.ACTIVE));
            }
            return new MetricImportResult(imported, duplicates, List.of(), byDay.size());
        }
    }

    /** Click-through rate (where there were impressions) and conversions of each channel of the imported rows. */
    private Signal performed(List<MetricRow> rows) {
        Map<Channel, Results> byChannel = new EnumMap<>(Channel.class);
        rows.forEach(row -> byChannel.merge(row.channel(), Results.NONE.plus(row), (a, b) -> a.plus(row)));
        Map<Channel, Double> ctr = new EnumMap<>(Channel.class);
        Map<Channel, Long> conversions = new EnumMap<>(Channel.class);
        byChannel.forEach((channel, results) -> {
            if (results.ctr() != null) {
                ctr.put(channel, results.ctr());
            }
            conversions.put(channel, results.conversions());
        });
        return Signal.metricsImported(ctr, conversions, clock.instant());
    }

    /** @throws NotFoundException when the caller has no such campaign */
    public PerformanceReport report(String userId, String campaignId) {
        return report(find(userId, campaignId), metrics.all(userId, campaignId),
                proposals.currentFor(userId, campaignId));
    }

    /** The report of a campaign already read (what the optimisation run uses). */
    public PerformanceReport report(Campaign campaign, List<DailyMetrics> days, List<Proposal> currentProposals) {
        Map<String, Proposal> byAsset = new HashMap<>();
        currentProposals.forEach(p -> byAsset.put(p.assetId(), p));
        Map<String, AssetNode> nodes = new LinkedHashMap<>();
        campaign.assetNodes().forEach(n -> nodes.put(n.assetId(), n));
        Map<String, Results> assetResults = new LinkedHashMap<>();
        Map<Channel, Results> channelResults = new EnumMap<>(Channel.class);
        Results totals = Results.NONE;
        LocalDate from = null;
        LocalDate to = null;
        for (DailyMetrics day : days) {
            from = from == null || day.date().isBefore(from) ? day.date() : from;
            to = to == null || day.date().isAfter(to) ? day.date() : to;
            for (MetricRow row : day.rows().values()) {
                if (row.assetId() != null) {
                    if (!nodes.containsKey(row.assetId())) {
                        continue;
                    }
                    assetResults.merge(row.assetId(), Results.NONE.plus(row), (a, b) -> a.plus(row));
                }
                channelResults.merge(row.channel(), Results.NONE.plus(row), (a, b) -> a.plus(row));
                totals = totals.plus(row);
            }
        }
        Map<Channel, BigDecimal> generationByChannel = new EnumMap<>(Channel.class);
        BigDecimal generationTotal = BigDecimal.ZERO;
        List<PerformanceReport.AssetResults> perAsset = new ArrayList<>();
        for (Map.Entry<String, Results> entry : assetResults.entrySet()) {
            AssetNode node = nodes.get(entry.getKey());
            Proposal proposal = byAsset.get(entry.getKey());
            BigDecimal cost = proposal == null || proposal.costEstimate() == null ? BigDecimal.ZERO : proposal.costEstimate();
            generationByChannel.merge(node.channel(), cost, BigDecimal::add);
            generationTotal = generationTotal.add(cost);
            perAsset.add(new PerformanceReport.AssetResults(node.assetId(), node.channel(), node.assetType(),
                    node.placement(), entry.getValue().withGenerationCost(cost)));
        }
        List<PerformanceReport.ChannelResults> perChannel = new ArrayList<>();
        channelResults.forEach((channel, results) -> perChannel.add(new PerformanceReport.ChannelResults(channel,
                results.withGenerationCost(generationByChannel.getOrDefault(channel, BigDecimal.ZERO)))));
        totals = totals.withGenerationCost(generationTotal);

        List<Insight> cards = new ArrayList<>();
        for (Insight insight : insights.insights(perChannel, perAsset, byAsset)) {
            String proposed = insight.experiment() == null ? null : campaign.assetNodes().stream()
                    .filter(n -> insight.experiment().title().equals(n.title()))
                    .map(AssetNode::assetId).reduce((a, b) -> b).orElse(null);
            cards.add(proposed == null ? insight : insight.withProposal(proposed));
        }
        return new PerformanceReport(campaign.campaignId(), kpi(campaign.kpi(), totals), from, to, totals, perAsset,
                perChannel, cards);
    }

    static PerformanceReport.Kpi kpi(String text, Results totals) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        String metric = lower.contains("click") ? "clicks"
                : lower.contains("impression") || lower.contains("reach") ? "impressions"
                : lower.contains("view") ? "views" : "conversions";
        long achieved = switch (metric) {
            case "clicks" -> totals.clicks();
            case "impressions" -> totals.impressions();
            case "views" -> totals.views();
            default -> totals.conversions();
        };
        Long target = null;
        Matcher matcher = KPI_NUMBER.matcher(lower);
        if (matcher.find()) {
            try {
                BigDecimal number = new BigDecimal(matcher.group(1).replace(",", "").replace("_", ""));
                String suffix = matcher.group(2).toLowerCase(Locale.ROOT);
                number = number.multiply(BigDecimal.valueOf(suffix.equals("k") ? 1_000 : suffix.equals("m") ? 1_000_000 : 1));
                target = number.longValue() > 0 ? number.longValue() : null;
            } catch (NumberFormatException e) {
                target = null;
            }
        }
        Double progress = target == null ? null : Math.round(achieved * 10_000d / target) / 10_000d;
        return new PerformanceReport.Kpi(text, target, metric, achieved, progress);
    }

    private Campaign find(String userId, String campaignId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
        return campaigns.require(userId, campaignId);
    }

}

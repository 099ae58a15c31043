package dev.pms.core.performance;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.time.LocalDate;
import java.util.List;

/** GET performance: per asset and per channel results, against the campaign's KPI, and the insight cards. */
public record PerformanceReport(String campaignId, Kpi kpi, LocalDate from, LocalDate to, Results totals,
                                List<AssetResults> byAsset, List<ChannelResults> byChannel, List<Insight> insights) {
    public PerformanceReport {
        byAsset = List.copyOf(byAsset);
        byChannel = List.copyOf(byChannel);
        insights = List.copyOf(insights);
    }

    /**
     * The campaign's KPI text, the number it names (e.g. 2000 in "2,000 sign-ups"), which result it counts and how
     * far the campaign got; target and progress are null when the KPI names no number.
     */
    public record Kpi(String text, Long target, String metric, long achieved, Double progress) {
    }

    public record AssetResults(String assetId, Channel channel, AssetType assetType, String placement, Results results) {
    }

    public record ChannelResults(Channel channel, Results results) {
    }
}

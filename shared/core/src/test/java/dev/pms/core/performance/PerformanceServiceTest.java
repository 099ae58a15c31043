package dev.pms.core.performance;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.channel.Channel;
import dev.pms.core.support.CampaignOpsFixture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerformanceServiceTest {
    private final CampaignOpsFixture fixture = new CampaignOpsFixture(CLOCK);

    @Test
    void reImportingTheSameRowsDoesNotDoubleCountAndAChangedRowReplacesTheStoredOne() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");
        String id = campaign.campaignId();
        String csv = "asset_id,date,impressions,clicks,conversions,spend\n"
                + campaign.assetNodes().get(0).assetId() + ",2026-11-20,1000,30,3,12.5\n"
                + campaign.assetNodes().get(0).assetId() + ",2026-11-21,1000,20,1,10\n";
        String sameInOtherWords = csv.replace(",12.5", ",12.50").replace(",10\n", ",10.0\n");

        MetricImportResult first = fixture.performance.importRows("alice", id, csv, true);
        MetricImportResult again = fixture.performance.importRows("alice", id, sameInOtherWords, true);
        MetricImportResult changed = fixture.performance.importRows("alice", id,
                csv.replace("2026-11-21,1000,20,1,10", "2026-11-21,1000,25,2,10"), true);

        assertThat(first).extracting(MetricImportResult::imported, MetricImportResult::duplicates).containsExactly(2, 0);
        assertThat(again).extracting(MetricImportResult::imported, MetricImportResult::duplicates).containsExactly(0, 2);
        assertThat(changed).extracting(MetricImportResult::imported, MetricImportResult::duplicates).containsExactly(1, 1);
        PerformanceReport report = fixture.performance.report("alice", id);
        assertThat(report.totals().impressions()).isEqualTo(2000);
        assertThat(report.totals().clicks()).isEqualTo(55);
        assertThat(report.totals().conversions()).isEqualTo(5);
        assertThat(report.byAsset()).singleElement().satisfies(a -> assertThat(a.results().ctr()).isEqualTo(0.0275));
        assertThat(fixture.campaigns.find("alice", id).orElseThrow().status()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void aBatchWithOneBadRowStoresNothing() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");
        String csv = "asset_id,date,impressions,clicks,conversions,spend\n"
                + campaign.assetNodes().get(0).assetId() + ",2026-11-20,1000,30,3,12.5\n"
                + "ghost,2026-11-21,1000,20,1,10\n";

        assertThatThrownBy(() -> fixture.performance.importRows("alice", campaign.campaignId(), csv, true))
                .isInstanceOf(MetricImportException.class);
        assertThat(fixture.ops.all("alice", campaign.campaignId())).isEmpty();
        assertThat(fixture.campaigns.find("alice", campaign.campaignId()).orElseThrow().status())
                .isNotEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void theReportComparesChannelsAgainstTheKpi() {
        Campaign campaign = fixture.proposedCampaign("alice", "Aurora");
        StringBuilder csv = new StringBuilder("asset_id,date,impressions,clicks,conversions,spend\n");
        AssetNode linkedin = first(campaign.assetNodes(), Channel.LINKEDIN);
        AssetNode instagram = first(campaign.assetNodes(), Channel.INSTAGRAM);
        csv.append(linkedin.assetId()).append(",2026-11-20,12000,360,40,50\n");
        csv.append(instagram.assetId()).append(",2026-11-20,9800,127,30,40\n");
        fixture.performance.importRows("alice", campaign.campaignId(), csv.toString(), true);

        PerformanceReport report = fixture.performance.report("alice", campaign.campaignId());

        assertThat(report.kpi().metric()).isEqualTo("conversions");
        assertThat(report.kpi().achieved()).isEqualTo(70);
        assertThat(report.byChannel()).hasSize(2);
        assertThat(report.insights()).singleElement().satisfies(card -> {
            assertThat(card.text()).startsWith("LinkedIn ").contains(" outperform Instagram ").contains("on CTR");
            assertThat(card.experiment().channel()).isEqualTo(Channel.LINKEDIN);
            assertThat(card.proposalAssetId()).isNull();
        });
        assertThat(PerformanceService.kpi("2,000 sign-ups", report.totals()).target()).isEqualTo(2000);
        assertThat(PerformanceService.kpi("50k clicks", report.totals()))
                .extracting(PerformanceReport.Kpi::target, PerformanceReport.Kpi::metric).containsExactly(50_000L, "clicks");
    }

    static AssetNode first(List<AssetNode> nodes, Channel channel) {
        return nodes.stream().filter(n -> n.channel() == channel).findFirst().orElseThrow();
    }
}

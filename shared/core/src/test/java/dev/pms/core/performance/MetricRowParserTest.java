package dev.pms.core.performance;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MetricRowParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final MetricRowParser parser = new MetricRowParser(List.of(new AssetNode("li-1", AssetType.IMAGE,
            Channel.LINKEDIN, "launch", "linkedin/post_landscape", "Post", NodeStatus.SCHEDULED, TODAY, List.of())), TODAY);

    @Test
    void readsJsonAndCsvRowsByAssetOrChannel() {
        List<MetricRow> json = parser.parse("""
                {"rows": [{"asset_id": "li-1", "date": "2026-11-20", "impressions": 1000, "clicks": 30, "conversions": 3,
                           "spend": 12.50, "views": 0},
                          {"channel": "x", "date": "2026-11-20", "impressions": "500", "clicks": 5, "conversions": 0, "spend": "0"}]}
                """, false);
        assertThat(json).containsExactly(
                new MetricRow("li-1", Channel.LINKEDIN, LocalDate.of(2026, 11, 20), 1000, 30, 3, new BigDecimal("12.5"), 0),
                new MetricRow(null, Channel.TWITTER, LocalDate.of(2026, 11, 20), 500, 5, 0, BigDecimal.ZERO, 0));

        List<MetricRow> csv = parser.parse("asset_id,channel,date,impressions,clicks,conversions,spend,views\r\n"
                + "li-1,,2026-11-20,1000,30,3,12.50,\r\n,tiktok,2026-11-21,200,2,0,1,900\r\n", true);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).isEqualTo(json.get(0));
        assertThat(csv.get(1).views()).isEqualTo(900);
    }

    @Test
    void everyBadRowIsReportedByLineFieldAndReason() {
        String csv = String.join("\n",
                "asset_id,channel,date,impressions,clicks,conversions,spend",
                "li-1,,2026-11-20,1000,30,3,12.5",
                "nope,,2026-11-20,1000,30,3,1",
                "li-1,instagram,2026-11-21,1000,30,3,1",
                ",,2026-11-21,10,1,0,1",
                ",linkedin,20/11/2026,10,20,0,-1",
                "li-1,,2026-11-20,1000,30,3,12.5",
                ",facebook,2026-11-22,ten,1,0,1");

        MetricImportException refused = catchThrowableOfType(() -> parser.parse(csv, true), MetricImportException.class);

        assertThat(refused.kind()).isEqualTo("invalid-metric-rows");
        assertThat(refused.errors()).extracting(RowError::line, RowError::field).containsExactly(
                Tuple.tuple(3, "asset_id"),
                Tuple.tuple(4, "channel"),
                Tuple.tuple(5, "asset_id"),
                Tuple.tuple(6, "date"),
                Tuple.tuple(6, "spend"),
                Tuple.tuple(6, "clicks"),
                Tuple.tuple(7, "asset_id"),
                Tuple.tuple(8, "impressions"));
        assertThat(refused.errors().get(0).reason()).contains("'nope' is not a node of this campaign");
        assertThat(refused.errors().get(6).reason()).contains("repeats line 2");
    }

    @Test
    void malformedBodiesAreRefusedWhole() {
        assertThat(catchThrowableOfType(() -> parser.parse("{not json", false), MetricImportException.class).errors())
                .extracting(RowError::field).containsExactly("body");
        assertThat(catchThrowableOfType(() -> parser.parse("date,impressions,likes\n", true), MetricImportException.class)
                .errors()).extracting(RowError::line, RowError::field)
                .containsExactly(Tuple.tuple(1, "likes"));
        assertThat(catchThrowableOfType(() -> parser.parse("asset_id,date\n\"li-1,2026-11-20\n", true),
                MetricImportException.class).errors().get(0).reason()).contains("not closed");
        assertThat(catchThrowableOfType(() -> parser.parse("{\"rows\": []}", false), MetricImportException.class)
                .errors().get(0).reason()).contains("no rows");
        assertThat(catchThrowableOfType(() -> parser.parse("[{\"asset_id\": \"li-1\", \"date\": \"2026-12-30\","
                        + " \"impressions\": 1, \"clicks\": 0, \"conversions\": 0, \"spend\": 0}]", false),
                MetricImportException.class).errors().get(0).reason()).contains("not between");
    }
}

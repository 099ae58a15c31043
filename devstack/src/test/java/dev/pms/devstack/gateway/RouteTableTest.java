package dev.pms.devstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static HttpApiRoute route(String method, String path, String function) {
        return new HttpApiRoute(method, path, function, "api", null, List.of());
    }

    private final RouteTable table = new RouteTable(List.of(
            route("ANY", "/api/{proxy+}", "greedy"),
            route("GET", "/api/campaigns/{campaign_id}", "getCampaign"),
            route("ANY", "/api/campaigns/{campaign_id}", "anyCampaign"),
            route("GET", "/api/campaigns/special", "special"),
            route("POST", "/api/campaigns/{campaign_id}/proposals/{asset_id}", "proposal"),
            route("GET", "/api/campaigns", "list"),
            route("ANY", "/files/{proxy+}", "files")));

    private String target(String method, String path) {
        return table.match(method, path).map(match -> match.route().functionLogicalId()).orElse(null);
    }

    @Test
    void literalSegmentsBeatParametersWhichBeatGreedy() {
        assertThat(target("GET", "/api/campaigns/special")).isEqualTo("special");
        assertThat(target("GET", "/api/campaigns/c-1")).isEqualTo("getCampaign");
        assertThat(target("GET", "/api/campaigns")).isEqualTo("list");
        assertThat(target("GET", "/api/other/thing")).isEqualTo("greedy");
    }

    @Test
    void aNamedMethodBeatsAny() {
        assertThat(target("GET", "/api/campaigns/c-1")).isEqualTo("getCampaign");
        assertThat(target("DELETE", "/api/campaigns/c-1")).isEqualTo("anyCampaign");
        // "special" is GET-only: a POST falls back to the parameter route
        assertThat(target("POST", "/api/campaigns/special")).isEqualTo("anyCampaign");
    }

    @Test
    void greedyMatchesOneOrMoreSegments() {
        RouteTable.Match match = table.match("PUT", "/files/a/b/c%20d.txt").orElseThrow();
        assertThat(match.route().functionLogicalId()).isEqualTo("files");
        assertThat(match.pathParameters()).isEqualTo(Map.of("proxy", "a/b/c d.txt"));
        assertThat(target("GET", "/files")).isNull();
        assertThat(target("GET", "/api/campaigns/c1/proposals/a1/extra")).isEqualTo("greedy");
    }

    @Test
    void extractsAndDecodesPathParameters() {
        RouteTable.Match match = table.match("POST", "/api/campaigns/c%2F1/proposals/a+b").orElseThrow();
        assertThat(match.route().routeKey()).isEqualTo("POST /api/campaigns/{campaign_id}/proposals/{asset_id}");
        assertThat(match.pathParameters()).isEqualTo(Map.of("campaign_id", "c/1", "asset_id", "a+b"));
    }

    @Test
    void noRouteMeansNoMatchUnlessThereIsADefaultRoute() {
        assertThat(table.match("GET", "/elsewhere")).isEmpty();
        assertThat(table.match("GET", "/")).isEmpty();
        RouteTable withDefault = new RouteTable(List.of(route("GET", "/a", "a"),
                route("ANY", HttpApiRoute.DEFAULT_ROUTE, "fallback")));
        assertThat(withDefault.match("GET", "/a").orElseThrow().route().functionLogicalId()).isEqualTo("a");
        RouteTable.Match fallback = withDefault.match("POST", "/b/c").orElseThrow();
        assertThat(fallback.route().functionLogicalId()).isEqualTo("fallback");
        assertThat(fallback.route().routeKey()).isEqualTo("$default");
    }

    @Test
    void toleratesATrailingSlash() {
        assertThat(target("GET", "/api/campaigns/")).isEqualTo("list");
    }

    @Test
    void rejectsDuplicateAndMisplacedGreedyRoutes() {
        assertThatThrownBy(() -> new RouteTable(List.of(route("GET", "/a", "one"), route("get", "/a", "two"))))
                .hasMessageContaining("GET /a").hasMessageContaining("one").hasMessageContaining("two");
        assertThatThrownBy(() -> new RouteTable(List.of(route("GET", "/{proxy+}/x", "bad"))))
                .hasMessageContaining("greedy");
    }
}

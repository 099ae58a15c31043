package dev.pms.aws.http;

import java.util.List;

/**
 * The two path prefixes every campaign route is served under: {@code /api/campaign-creator} (today's SPA) and
 * {@code /api/product-marketing} (the older SPA, scripts and our docs). Controllers declare routes under
 * {@link #PRODUCT_MARKETING}; the function serves each under both, as template.yaml declares them.
 */
public final class ApiPrefixes {
    public static final String PRODUCT_MARKETING = "/api/product-marketing";
    public static final String CAMPAIGN_CREATOR = "/api/campaign-creator";

    private ApiPrefixes() {
    }

    /** The route key as declared, plus its twin under the other prefix when it is a product-marketing route. */
    public static List<String> servedKeys(String routeKey) {
        int space = routeKey.indexOf(' ');
        String path = routeKey.substring(space + 1);
        if (!path.startsWith(PRODUCT_MARKETING + "/")) {
            return List.of(routeKey);
        }
        String method = routeKey.substring(0, space);
        return List.of(routeKey, method + " " + CAMPAIGN_CREATOR + path.substring(PRODUCT_MARKETING.length()));
    }
}

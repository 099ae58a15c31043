package dev.pms.aws.http;

import dev.pms.core.generation.StatusLinks;

/** The API's own routes a client polls, under the product-marketing prefix the controllers declare. */
public final class ApiLinks implements StatusLinks {

    @Override
    public String generationRun(String campaignId) {
        return ApiPrefixes.PRODUCT_MARKETING + "/campaigns/" + campaignId + "/generation";
    }

    @Override
    public String asset(String assetLibraryId) {
        return ApiPrefixes.PRODUCT_MARKETING + "/assets/" + assetLibraryId;
    }
}

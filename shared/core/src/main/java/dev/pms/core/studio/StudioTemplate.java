package dev.pms.core.studio;

import java.util.List;
import java.util.Map;

/**
 * One entry of the studio's template library: the settings it pre-fills on the studio route it is for, and the
 * prompt (and, for videos and avatars, script) skeleton it fills with the product's facts. {@code goodFor} names the
 * channels and campaign goals it suits, which recommendations match against.
 */
public record StudioTemplate(String id, String name, String category, String route, String description,
                             Map<String, Object> settings, String promptSkeleton, String scriptSkeleton,
                             List<String> goodFor) {

    public StudioTemplate {
        settings = Map.copyOf(settings);
        goodFor = List.copyOf(goodFor);
    }

    public boolean suits(String channelOrGoal) {
        return goodFor.contains(channelOrGoal);
    }
}

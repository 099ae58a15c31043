package dev.pms.core.channel;

import java.util.List;

/** How copy for a channel is structured (used by channel packs and prompts). */
public record CopyFramework(String name, List<String> structure, String ctaStyle) {
    public CopyFramework {
        structure = List.copyOf(structure);
    }
}

package dev.pms.core.generation;

import dev.pms.core.channel.AssetType;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The providers this deployment has, by name, and the one that stands in for a provider it does not have (the
 * offline engine by default; none when a deployment wants a missing provider to be an error).
 */
public final class ProviderDirectory {
    private final Map<String, MediaProvider> byName = new LinkedHashMap<>();
    private final MediaProvider standIn;

    public ProviderDirectory(Iterable<MediaProvider> providers, MediaProvider standIn) {
        providers.forEach(provider -> byName.put(provider.name(), provider));
        this.standIn = standIn;
    }

    /**
     * Providers by the names proposals use; one client may serve several (WaveSpeed hosts the MiniMax voices, an
     * OpenAI-compatible client can serve Gemini's compatible endpoint).
     */
    public ProviderDirectory(Map<String, MediaProvider> providersByName, MediaProvider standIn) {
        byName.putAll(providersByName);
        this.standIn = standIn;
    }


    /** The provider a proposal named if this deployment has it and it makes {@code type}, else the stand-in. */
    public Optional<MediaProvider> providerFor(String name, AssetType type) {
        MediaProvider named = name == null ? null : byName.get(name);
        if (named != null && named.supports(type)) {
            return Optional.of(named);
        }
        return standIn != null && standIn.supports(type) ? Optional.of(standIn) : Optional.empty();
    }

    /** The provider that made (and can poll) a job, by the name stored with it. */
    public Optional<MediaProvider> byName(String name) {
        if (name != null && byName.containsKey(name)) {
            return Optional.of(byName.get(name));
        }
        if (name != null) {
            Optional<MediaProvider> byClientName = byName.values().stream().filter(p -> p.name().equals(name)).findFirst();
            if (byClientName.isPresent()) {
                return byClientName;
            }
        }
        return standIn != null && standIn.name().equals(name) ? Optional.of(standIn) : Optional.empty();
    }
}

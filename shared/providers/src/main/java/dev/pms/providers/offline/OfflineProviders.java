package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.providers.edit.OfflineImageEditor;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default provider: one offline engine per asset type behind the provider name {@value #NAME}, and the
 * product studio's engines ({@link OfflineStudio}) for requests with a studio brief. Every offline job completes inside
 * {@link #submit}.
 */
public final class OfflineProviders implements MediaProvider {
    public static final String NAME = "offline";

    private final Map<AssetType, MediaProvider> byType = new EnumMap<>(AssetType.class);
    private final OfflineStudio studio;
    private final MediaProvider editor;

    /** Production defaults: images and videos at the exact placement size, one FreeTTS voice for voice-overs and avatars. */
    public OfflineProviders() {
        this(new OfflineImageRenderer(), new FreeTtsSynthesizer());
    }

    private OfflineProviders(OfflineImageRenderer images, SpeechSynthesizer speech) {
        this(new OfflineCopywriter(), images,
                new OfflineSlideshowVideo(images, speech, OfflineSlideshowVideo.DEFAULT_FRAMES_PER_SECOND, 1),
                new OfflineVoice(speech), new OfflineStudio(speech));
    }

    public OfflineProviders(OfflineCopywriter copywriter, OfflineImageRenderer images, OfflineSlideshowVideo videos,
                            OfflineVoice voice) {
        this(copywriter, images, videos, voice, new OfflineStudio(new FreeTtsSynthesizer()));
    }

    /**
     * The campaign engines by asset type, the studio's engines for requests that carry a studio brief, and the image
     * editor for requests that carry an edit (inventory fixes and channel variants).
     */
    public OfflineProviders(OfflineCopywriter copywriter, OfflineImageRenderer images, OfflineSlideshowVideo videos,
                            OfflineVoice voice, OfflineStudio studio) {
        this.studio = studio;
        this.editor = new OfflineImageEditor(images);
        for (MediaProvider provider : List.of(copywriter, images, videos, voice)) {
            for (AssetType type : AssetType.values()) {
                if (provider.supports(type)) {
                    byType.put(type, provider);
                }
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return byType.containsKey(type);
    }

    /** The offline engine that makes assets of {@code type}. */
    public Optional<MediaProvider> providerFor(AssetType type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** The studio's engines, which serve every request with a studio brief. */
    public OfflineStudio studio() {
        return studio;
    }

    /**
     * An edit goes to the image editor, a studio request to the studio's engine for its operation, any other to the
     * engine for its asset type.
     */
    @Override
    public ProviderJob submit(GenerationRequest request) {
        if (request.isEdit()) {
            return editor.submit(request);
        }
        if (request.isStudio()) {
            return studio.submit(request);
        }
        MediaProvider provider = byType.get(request.assetType());
        if (provider == null) {
            return new ProviderJob.Failed("the offline provider makes no " + request.assetType() + " assets", false);
        }
        return provider.submit(request);
    }

    @Override
    public ProviderJob poll(String handle) {
        return noPendingJobs(handle);
    }

    static ProviderJob noPendingJobs(String handle) {
        return new ProviderJob.Failed("offline jobs finish on submit; there is no pending job '" + handle + "'", false);
    }
}

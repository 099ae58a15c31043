package dev.pms.core.studio;

import dev.pms.core.asset.AssetLibraryService;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.asset.AssetView;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.generation.StudioAssets;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UserKeys;
import dev.pms.core.personalization.FormType;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.ModelChoice;
import dev.pms.core.pricing.ModelSelector;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.prompt.BuiltPrompt;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.core.prompt.PromptBuilder;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The product studio's calls: each is priced and reserved against the plan before any provider is called, its prompt
 * built and guarded like a campaign asset's, its assets queued on the provider jobs queue for the same worker as
 * campaign assets, and the answer waits for them at most {@code waitBudget}; a call still running then is answered
 * with its job id, and {@link #job} later gives the same answer.
 */
public final class StudioService {
    /** Characters a narrator speaks per second, to price and limit a spoken script. */
    static final int CHARACTERS_PER_SECOND = 15;
    static final int MAX_SCRIPT_CHARACTERS = 1_500;
    static final double MAX_AUDIO_SECONDS = 120;
    private static final Duration FIRST_LOOK = Duration.ofMillis(40);
    private static final Duration LONGEST_LOOK = Duration.ofMillis(400);

    /** Waits between looks at a running job; the AWS build sleeps, tests may advance a clock. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final PromptBuilder prompts;
    private final CostEstimator costs;
    private final ModelSelector models;
    private final PreflightService preflight;
    private final AssetRepository assets;
    private final AssetLibraryService library;
    private final MediaStore media;
    private final JobQueue queue;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Duration waitBudget;
    private final Pause pause;
    private final String pollPrefix;
    private final PreferenceSignals signals;

    public StudioService(BrandProfileRepository profiles, ChannelCatalog catalog, PromptBuilder prompts,
                         CostEstimator costs, PreflightService preflight, AssetRepository assets,
                         AssetLibraryService library, MediaStore media, JobQueue queue, Clock clock,
                         Supplier<String> ids, Duration waitBudget, Pause pause, String pollPrefix) {
        this(profiles, catalog, prompts, costs, preflight, assets, library, media, queue, clock, ids, waitBudget, pause,
                pollPrefix, PreferenceSignals.NONE);
    }

    /** @param signals where each submitted form's settings are reported, so the studio's defaults learn them */
    public StudioService(BrandProfileRepository profiles, ChannelCatalog catalog, PromptBuilder prompts,
                         CostEstimator costs, PreflightService preflight, AssetRepository assets,
                         AssetLibraryService library, MediaStore media, JobQueue queue, Clock clock,
                         Supplier<String> ids, Duration waitBudget, Pause pause, String pollPrefix,
                         PreferenceSignals signals) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.prompts = prompts;
        this.costs = costs;
        this.models = new ModelSelector(costs.prices());
        this.preflight = preflight;
        this.assets = assets;
        this.library = library;
        this.media = media;
        this.queue = queue;
        this.clock = clock;
        this.ids = ids;
        this.waitBudget = waitBudget;
        this.pause = pause;
        this.pollPrefix = pollPrefix;
    }

    /** Prices, reserves and queues the order, then waits for it within the budget. */
    public StudioJob submit(String userId, StudioOrder order) {
        Instant deadline = clock.instant().plus(waitBudget);
        BrandDna dna = deriver.derive(profiles.find(userId));
        ForbiddenPhrases forbidden = new ForbiddenPhrases(dna.forbiddenPhrases());
        refuseForbidden(order, forbidden);
        Plan plan = preflight.planOf(userId);
        AssetType type = typeOf(order.operation());
        ModelChoice model = modelFor(order, type, plan.tier());
        StudioPresets.Frame frame = frameOf(order);
        int seconds = secondsOf(order);
        String script = order.scriptText() == null || order.scriptText().isBlank() ? null : order.scriptText().strip();
        int speech = order.operation() == Operation.AVATAR_EXPLAINER && order.audio() == null ? script.length() : 0;
        CostLine line = costs.estimateStudio(type, QualityTier.DEFAULT, model, seconds, speech);
        int count = order.operation() == Operation.PHOTOSHOOT ? order.variations() : 1;
        preflight.check(userId, Collections.nCopies(count, line));

        List<String> palette = order.brandColors().isEmpty() ? dna.visualIdentity().colorPalette() : order.brandColors();
        Map<String, Object> product = productContext(order);
        List<String> libraryIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            libraryIds.add(ids.get());
        }
        String jobId = libraryIds.get(0);
        String inputs = "studio-inputs/" + UserKeys.userHash(userId) + "/" + jobId;
        String imageKey = order.image() == null ? null : inputs + "/image";
        String audioKey = order.audio() == null ? null : inputs + "/audio";
        List<StudioBrief.Scene> scenes = order.operation() == Operation.PRODUCT_VIDEO
                ? StudioPresets.scenes(order.preset(), order.productName(), order.productDescription(),
                order.durationSeconds()) : List.of();
        Instant now = clock.instant();
        List<AssetRecord> reserved = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int variation = i + 1;
            StudioBrief brief = new StudioBrief(order.operation(), order.preset(), order.look(),
                    order.durationSeconds(), scenes, null, order.audio() == null ? null : order.audio().mimeType(),
                    variation, count);
            Placement placement = new Placement(StudioAssets.placementKey(order.operation()), null, type,
                    new Canvas(frame.width(), frame.height(), frame.ratio(), 0.01), null, null, null, List.of(),
                    new SafeZone(0.05, 0.05, 0.05, 0.05), List.of(), null, null, List.of(), "product studio", null);
            BuiltPrompt prompt = prompts.buildStudio(new PromptBuilder.StudioInputs(order.operation().code(),
                    shotOf(order, variation, count), placement, dna, palette, product, line, order.direction()));
            StudioAssets.Spec spec = new StudioAssets.Spec(jobId, i == 0 ? libraryIds : null, brief, frame.width(),
                    frame.height(), frame.ratio(), order.resolution(), product, palette, dna.forbiddenPhrases(),
                    QualityTier.DEFAULT, script, imageKey, audioKey, order.audio() == null ? 0 : order.audio().seconds());
            AssetRecord.Lineage lineage = new AssetRecord.Lineage(StudioAssets.CAMPAIGN_ID,
                    order.preset() + "-" + variation, null, 0, type, null, placement.key(), prompt.prompt(),
                    model.provider(), model.model());
            AssetRecord record = AssetRecord.queued(libraryIds.get(i), lineage,
                    new UsageAmounts(Map.of(line.usageKind(), 1), line.costUsd()),
                    StudioAssets.details(spec, prompt.provenance()), now);
            if (!assets.createReserved(userId, record, preflight.billingMonth(), plan)) {
                release(userId, reserved, "the rest of the studio call could not be reserved");
                preflight.check(userId, Collections.nCopies(count, line));
                throw new ConflictException("another request reserved part of this month's budget at the same time; "
                        + "try again");
            }
            reserved.add(record);
        }
        try {
            if (imageKey != null) {
                media.put(imageKey, order.image().bytes(), order.image().mimeType());
            }
            if (audioKey != null) {
                media.put(audioKey, order.audio().bytes(), order.audio().mimeType());
            }
        } catch (RuntimeException e) {
            release(userId, reserved, "the studio's inputs could not be stored");
            throw e;
        }
        signals.studioSettingsSubmitted(userId, formTypeOf(order.operation()).code(), submittedSettings(order), now);
        for (AssetRecord record : reserved) {
            queue.send(new JobMessage(userId, record.assetLibraryId(), null, false), Duration.ZERO);
        }
        return await(userId, jobId, deadline);
    }

    /** A template was applied to a product: personalization counts it towards the templates it recommends. */
    public void templateApplied(String userId, StudioTemplate template) {
        signals.studioSettingsSubmitted(userId, FormType.ofTemplate(template).code(),
                Map.of("template_id", template.id()), clock.instant());
    }

    /** The personalization form a studio screen fills. */
    static FormType formTypeOf(Operation operation) {
        return switch (operation) {
            case PHOTOSHOOT -> FormType.PRODUCT_PHOTOSHOOT;
            case ANIMATE -> FormType.PRODUCT_ANIMATION;
            case PRODUCT_VIDEO -> FormType.PRODUCT_VIDEO;
            case AVATAR_EXPLAINER -> FormType.PRODUCT_AVATAR;
        };
    }

    /** The settings the user chose on the screen, by the form's field names (never the product's words or media). */
    static Map<String, Object> submittedSettings(StudioOrder order) {
        Map<String, Object> settings = new LinkedHashMap<>(order.look());
        settings.put("resolution", order.resolution());
        switch (order.operation()) {
            case PHOTOSHOOT -> settings.put("num_variations", order.variations());
            case ANIMATE -> settings.put("animation_type", order.preset());
            case PRODUCT_VIDEO -> settings.put("video_type", order.preset());
            case AVATAR_EXPLAINER -> settings.put("explainer_type", order.preset());
        }
        if (order.durationSeconds() > 0) {
            settings.put("duration", order.durationSeconds());
        }
        return settings;
    }

    private void release(String userId, List<AssetRecord> reserved, String reason) {
        reserved.forEach(taken -> assets.close(userId, taken.closed(AssetStatus.STOPPED, reason, clock.instant()),
                taken.billingMonth()));
    }

    /** The job's answer now; another user's job, or an asset that is not a studio job, is not found. */
    public StudioJob job(String userId, String jobId) {
        return view(userId, jobId, members(userId, jobId));
    }

    private StudioJob await(String userId, String jobId, Instant deadline) {
        Duration look = FIRST_LOOK;
        while (true) {
            List<AssetRecord> members = members(userId, jobId);
            boolean open = members.stream().anyMatch(AssetRecord::isOpen);
            Instant now = clock.instant();
            if (!open || !now.isBefore(deadline)) {
                return view(userId, jobId, members);
            }
            Duration left = Duration.between(now, deadline);
            try {
                pause.pause(look.compareTo(left) < 0 ? look : left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return view(userId, jobId, members);
            }
            look = look.multipliedBy(2).compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : look.multipliedBy(2);
        }
    }

    private List<AssetRecord> members(String userId, String jobId) {
        AssetRecord first = assets.find(userId, jobId).filter(StudioAssets::isStudio)
                .orElseThrow(() -> new NotFoundException("studio job " + jobId + " was not found"));
        StudioAssets.Spec spec = StudioAssets.specOf(first);
        if (!jobId.equals(spec.jobId()) || spec.jobAssetIds() == null) {
            throw new NotFoundException("studio job " + jobId + " was not found");
        }
        if (spec.jobAssetIds().size() == 1) {
            return List.of(first);
        }
        Map<String, AssetRecord> byId = new LinkedHashMap<>();
        assets.findAll(userId, spec.jobAssetIds()).forEach(record -> byId.put(record.assetLibraryId(), record));
        byId.put(first.assetLibraryId(), first);
        return spec.jobAssetIds().stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private StudioJob view(String userId, String jobId, List<AssetRecord> members) {
        AssetRecord first = members.get(0);
        StudioAssets.Spec spec = StudioAssets.specOf(first);
        StudioBrief brief = spec.brief();
        boolean open = members.stream().anyMatch(AssetRecord::isOpen);
        List<AssetRecord> made = members.stream().filter(record -> record.status() == AssetStatus.READY).toList();
        StudioJob.Status status = open ? StudioJob.Status.RUNNING
                : made.isEmpty() ? StudioJob.Status.FAILED : StudioJob.Status.READY;
        List<StudioJob.Variation> variations = new ArrayList<>();
        BigDecimal cost = BigDecimal.ZERO;
        Instant finished = first.createdAt();
        for (AssetRecord record : members) {
            String url = null;
            if (record.status() == AssetStatus.READY) {
                AssetView view = library.get(userId, record.assetLibraryId());
                url = view.url();
                cost = cost.add(record.costUsd() == null ? BigDecimal.ZERO : record.costUsd());
                finished = record.updatedAt().isAfter(finished) ? record.updatedAt() : finished;
            }
            variations.add(new StudioJob.Variation(record.assetLibraryId(), record.status().code(), url,
                    record.width(), record.height(), record.durationSeconds(), record.bytes(), record.error()));
        }
        AssetRecord shown = made.isEmpty() ? first : made.get(0);
        String error = status == StudioJob.Status.FAILED ? first.error() : null;
        double seconds = status == StudioJob.Status.RUNNING ? 0
                : Duration.between(first.createdAt(), finished).toMillis() / 1000.0;
        return new StudioJob(jobId, status, brief.operation(), brief.preset(),
                String.valueOf(spec.productContext().getOrDefault("product_name", "")), spec.resolution(),
                brief.durationSeconds(), variations, variations.stream().filter(v -> v.url() != null).findFirst()
                .map(StudioJob.Variation::url).orElse(null), shown.provider(), shown.model(), cost, seconds,
                shown.durationSeconds(), error, pollPrefix + "/products/jobs/" + jobId);
    }

    private static void refuseForbidden(StudioOrder order, ForbiddenPhrases forbidden) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("product_name", order.productName());
        texts.put("product_description", order.productDescription());
        texts.put("additional_context", order.direction());
        texts.put("script_text", order.scriptText());
        texts.put("product_variant", order.lookOf("product_variant"));
        texts.forEach((field, text) -> {
            List<String> found = text == null ? List.of() : forbidden.foundIn(text);
            if (!found.isEmpty()) {
                errors.add(new FieldError(field, "contains the brand's forbidden phrase \"" + found.get(0)
                        + "\"; rephrase it"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(ValidationException.sentence("studio request", errors), errors);
        }
    }

    private static AssetType typeOf(Operation operation) {
        return switch (operation) {
            case PHOTOSHOOT -> AssetType.IMAGE;
            case ANIMATE, PRODUCT_VIDEO -> AssetType.VIDEO;
            case AVATAR_EXPLAINER -> AssetType.AVATAR;
        };
    }

    private ModelChoice modelFor(StudioOrder order, AssetType type, PlanTier plan) {
        if (order.operation() == Operation.PHOTOSHOOT) {
            return models.select(type, QualityTier.DEFAULT, new ModelSelector.Context(plan, false, Map.of(), null))
                    .choice();
        }
        if (plan == PlanTier.FREE && !"480p".equals(order.resolution())) {
            throw ValidationException.of("resolution", "the free plan makes 480p clips; choose 480p or upgrade "
                    + "your plan for " + order.resolution());
        }
        return switch (order.operation()) {
            case ANIMATE -> new ModelChoice("wavespeed", "wan-2.5-i2v-" + order.resolution());
            case PRODUCT_VIDEO -> new ModelChoice("wavespeed", "wan-2.5-t2v-" + order.resolution());
            default -> new ModelChoice("wavespeed", "infinitetalk-" + order.resolution());
        };
    }

    private static StudioPresets.Frame frameOf(StudioOrder order) {
        return switch (order.operation()) {
            case PHOTOSHOOT -> StudioPresets.Frame.exact(order.width(), order.height());
            case PRODUCT_VIDEO -> StudioPresets.frame(order.resolution(), 16, 9);
            default -> StudioPresets.frame(order.resolution(), order.image().width(), order.image().height());
        };
    }

    private static int secondsOf(StudioOrder order) {
        if (order.operation() == Operation.AVATAR_EXPLAINER) {
            if (order.audio() != null) {
                if (order.audio().seconds() > MAX_AUDIO_SECONDS) {
                    throw ValidationException.of("audio_base64", "lasts " + Math.round(order.audio().seconds())
                            + " s; an explainer's voice may last at most " + (int) MAX_AUDIO_SECONDS + " s");
                }
                return (int) Math.ceil(order.audio().seconds());
            }
            int characters = order.scriptText().strip().length();
            if (characters > MAX_SCRIPT_CHARACTERS) {
                throw ValidationException.of("script_text", "has " + characters + " characters; at most "
                        + MAX_SCRIPT_CHARACTERS + " (about " + MAX_SCRIPT_CHARACTERS / CHARACTERS_PER_SECOND
                        + " s of speech)");
            }
            return Math.max(1, (int) Math.ceil((double) characters / CHARACTERS_PER_SECOND));
        }
        return order.durationSeconds();
    }

    private static String shotOf(StudioOrder order, int variation, int count) {
        return switch (order.operation()) {
            case PHOTOSHOOT -> StudioPresets.photoshootShot(order.look(), variation, count);
            case ANIMATE -> StudioPresets.ANIMATIONS.get(order.preset());
            case PRODUCT_VIDEO -> StudioPresets.VIDEO_TYPES.get(order.preset());
            case AVATAR_EXPLAINER -> StudioPresets.EXPLAINER_TYPES.get(order.preset());
        };
    }

    private static Map<String, Object> productContext(StudioOrder order) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("product_name", order.productName().strip());
        if (order.productDescription() != null && !order.productDescription().isBlank()) {
            context.put("product_description", order.productDescription().strip());
        }
        if (order.direction() != null && !order.direction().isBlank()) {
            context.put("additional_context", order.direction().strip());
        }
        if (order.lookOf("product_variant") != null) {
            context.put("product_variant", order.lookOf("product_variant"));
        }
        return context;
    }
}

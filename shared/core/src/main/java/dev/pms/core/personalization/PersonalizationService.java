package dev.pms.core.personalization;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.studio.StudioTemplates;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Application service behind the personalization routes, and the learned preferences proposals read. Everything is
 * derived on read from the user's recent signals (at most the configured window) and their Brand DNA, so forgetting
 * the signals forgets everything learned.
 */
public final class PersonalizationService implements LearnedPromptPreferences {
    private static final System.Logger LOG = System.getLogger(PersonalizationService.class.getName());

    private final SignalLog signals;
    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver dnaDeriver;
    private final PreferenceDeriver deriver;
    private final Recommender recommender;
    private final Clock clock;

    public PersonalizationService(SignalLog signals, BrandProfileRepository profiles, ChannelCatalog catalog,
                                  StudioTemplates templates, LearningSettings settings, Clock clock) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.dnaDeriver = new BrandDnaDeriver(Objects.requireNonNull(catalog, "catalog"));
        this.deriver = new PreferenceDeriver(settings);
        this.recommender = new Recommender(templates, catalog, settings.minEvents());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Body of {@code GET /personalization/preferences}. */
    public record PreferencesBody(boolean success, Preferences preferences) {
    }

    /**
     * Everything the suite holds about the user's preferences, each with its source: learned values with their
     * evidence and confidence, the Brand DNA's where nothing was learned.
     *
     * @param forms       every studio form's complete defaults, field by field
     * @param hashtags    channel → the hashtag count the user keeps (learned only)
     * @param history     the events read
     * @param learning    how learning works: half-life, minimum of events, window, retention
     */
    public record Preferences(Learned<Object> channels, Learned<Object> goal, Learned<Object> brandColors,
                              Learned<Object> tone, Map<String, Learned<Integer>> hashtags,
                              Learned<List<String>> promptPhrases, Learned<List<String>> droppedPhrases,
                              Map<String, Learned<List<String>>> avoidedAngles,
                              Map<String, Learned<String>> preferredAngles,
                              Map<FormType, Map<String, Learned<Object>>> forms,
                              Learned<List<String>> performingChannels, LearnedPreferences.History history,
                              Learning learning) {
    }

    /** The learning parameters, as the preferences route shows them. */
    public record Learning(long halfLifeDays, int minEvents, int window, long retentionDays) {
    }

    /** Body of {@code GET /personalization/defaults/{form_type}}: the values, and each field's source. */
    public record DefaultsBody(boolean success, FormType formType, Map<String, Object> defaults,
                               Map<String, Learned<Object>> fields) {
    }

    /** Body of {@code GET /personalization/recommendations}. */
    public record RecommendationsBody(boolean success, Recommendations recommendations) {
    }

    /** Body of {@code DELETE /personalization/preferences}. */
    public record ForgetBody(boolean success, int forgottenSignals, String detail) {
    }

    public PreferencesBody preferences(String userId) {
        Context context = context(userId);
        LearnedPreferences learned = context.learned();
        Map<String, Learned<Object>> campaign = FormDefaults.of(FormType.CAMPAIGN_CREATOR, context.brand(), learned);
        Map<FormType, Map<String, Learned<Object>>> forms = new EnumMap<>(FormType.class);
        for (FormType form : FormType.values()) {
            if (form.studio()) {
                forms.put(form, FormDefaults.of(form, context.brand(), learned));
            }
        }
        LearningSettings settings = deriver.settings();
        return new PreferencesBody(true, new Preferences(campaign.get("channels"), campaign.get("goal"),
                Learned.fromDna(context.dna().visualIdentity().colorPalette(), "brand DNA: visual_identity.color_palette"),
                Learned.fromDna(context.dna().writingStyle().tone(), "brand DNA: writing_style.tone"),
                learned.hashtagsByChannel(), learned.promptPhrases(), learned.droppedPhrases(), learned.avoidedAngles(),
                learned.preferredAngles(), forms, learned.performingChannels(), learned.history(),
                new Learning(settings.halfLife().toDays(), settings.minEvents(), settings.window(),
                        settings.retention().toDays())));
    }

    /** Forgets every signal of the user: from now on everything is the Brand DNA's again. */
    public ForgetBody forget(String userId) {
        requireUser(userId);
        int forgotten = signals.forget(userId);
        return new ForgetBody(true, forgotten, "Forgot " + forgotten + (forgotten == 1 ? " event" : " events")
                + " learned from; defaults and recommendations follow your Brand DNA again.");
    }

    /** @throws NotFoundException for a form type the suite does not know */
    public DefaultsBody defaults(String userId, String formType) {
        FormType form = FormType.parse(formType).orElseThrow(() -> new NotFoundException("There are no defaults for "
                + "the form type '" + printable(formType) + "'; the form types are " + FormType.codes() + "."));
        Context context = context(userId);
        Map<String, Learned<Object>> fields = FormDefaults.of(form, context.brand(), context.learned());
        return new DefaultsBody(true, form, FormDefaults.values(fields), fields);
    }

    public RecommendationsBody recommendations(String userId) {
        Context context = context(userId);
        return new RecommendationsBody(true, recommender.recommend(context.learned(), context.brand()));
    }

    /** The user's learned preferences and Brand DNA, for the intelligent prompt. */
    public Context context(String userId) {
        requireUser(userId);
        Optional<StoredBrandProfile> profile = profiles.find(userId);
        BrandDna dna = dnaDeriver.derive(profile);
        LearnedPreferences learned = deriver.derive(signals.recent(userId, deriver.settings().window()), clock.instant());
        return new Context(dna, new BrandDefaults(dna, profile), learned);
    }

    /** A user's Brand DNA, the defaults it gives, and what was learned from the user's events. */
    public record Context(BrandDna dna, BrandDefaults brand, LearnedPreferences learned) {
        public Map<String, Learned<Object>> defaults(FormType form) {
            return FormDefaults.of(form, brand, learned);
        }
    }

    /** Never fails: when the signals cannot be read, proposals are built without personalization. */
    @Override
    public PromptPersonalization forUser(String userId) {
        try {
            return PromptPersonalization.of(deriver.derive(signals.recent(userId, deriver.settings().window()),
                    clock.instant()));
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "could not read learned preferences; proposing without them: "
                    + failure.getClass().getSimpleName());
            return PromptPersonalization.NONE;
        }
    }

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("[^\\p{L}\\p{N}_-]", "?");
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
    }
}

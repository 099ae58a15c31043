package dev.pms.core.studio;

import dev.pms.core.asset.AssetFilter;
import dev.pms.core.asset.AssetLibraryService;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.GenerationRequests;
import dev.pms.core.generation.GenerationRun;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderDirectory;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.ProviderJobWorker;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.generation.WorkflowEngine;
import dev.pms.core.personalization.LearningSettings;
import dev.pms.core.personalization.RecordedSignals;
import dev.pms.core.personalization.Signal;
import dev.pms.core.personalization.SignalKind;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PlanLimitExceededException;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.prompt.PromptBuilder;
import dev.pms.core.prompt.PromptCatalog;
import dev.pms.core.support.Fixtures;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryMediaStore;
import dev.pms.core.support.InMemorySignalLog;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.PlanRepository;
import dev.pms.core.usage.UsageAmounts;
import dev.pms.core.usage.UsageLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The studio against in-memory stores and a scripted provider, run by the real provider worker. */
class StudioServiceTest {
    private static final String USER = "alice";

    private final MovingClock clock = new MovingClock();
    private final Assets assets = new Assets();
    private final InMemoryMediaStore media = new InMemoryMediaStore(Fixtures.CLOCK);
    private final ScriptedProvider provider = new ScriptedProvider();
    private final List<JobMessage> queued = new ArrayList<>();
    private final Map<String, PlanTier> plans = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private MonthlyUsage usage = MonthlyUsage.empty(YearMonth.of(2026, 11));
    private ProviderJobWorker worker;
    private StudioService studio;
    private boolean workerRunsJobs = true;
    private final InMemorySignalLog signals = new InMemorySignalLog();

    @BeforeEach
    void setUp() {
        ChannelCatalog catalog = ChannelCatalog.load();
        InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(Fixtures.CLOCK);
        CostEstimator costs = new CostEstimator(PriceTable.load(), catalog);
        PreflightService preflight = new PreflightService(null, costs, PlanCatalog.load(), new Plans(), new Ledger(),
                clock);
        InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
        worker = new ProviderJobWorker(assets, campaigns, new NodeStatusService(campaigns, clock), media,
                new NoWorkflow(), (message, delay) -> queued.add(message),
                new ProviderDirectory(Map.of("wavespeed", provider), null),
                new GenerationRequests(profiles, catalog), new NoRuns(), clock);
        studio = new StudioService(profiles, catalog, new PromptBuilder(PromptCatalog.load()), costs, preflight, assets,
                new AssetLibraryService(assets, media), media, (message, delay) -> {
                    queued.add(message);
                    if (workerRunsJobs) {
                        worker.process(message);
                    }
                }, clock, () -> String.format("00000000-0000-0000-0000-%012d", ids.incrementAndGet()),
                Duration.ofSeconds(20), clock::advance, "/api/product-marketing",
                new RecordedSignals(signals, LearningSettings.DEFAULTS, clock));
        plans.put(USER, PlanTier.PRO);
    }

    @Test
    void aPhotoshootReservesEachVariationAndAnswersWithAllOfThemOnceMade() {
        StudioJob job = studio.submit(USER, photoshoot(3, "A steel bottle that keeps drinks cold"));

        assertThat(job.status()).isEqualTo(StudioJob.Status.READY);
        assertThat(job.variations()).hasSize(3).allSatisfy(variation -> {
            assertThat(variation.url()).startsWith("https://media.test/assets/");
            assertThat(variation.width()).isEqualTo(1280);
        });
        assertThat(job.cost()).isEqualByComparingTo("0.09");
        assertThat(provider.requests).hasSize(3);
        GenerationRequest first = provider.requests.get(0);
        assertThat(first.studio().operation()).isEqualTo(StudioBrief.Operation.PHOTOSHOOT);
        assertThat(first.placement().canvas().width()).isEqualTo(1280);
        assertThat(first.placement().canvas().height()).isEqualTo(720);
        assertThat(first.prompt()).contains("Aurora Bottle", "1280x720 px", "soft natural window light");
        assertThat(provider.requests.stream().map(request -> request.studio().variation())).containsExactly(1, 2, 3);
        assertThat(assets.records.values()).allSatisfy(record -> {
            assertThat(record.campaignId()).isEqualTo("studio");
            assertThat(record.details()).containsEntry("source", "studio");
        });
        assertThat(studio.job(USER, job.jobId()).variations()).hasSize(3);
        assertThatThrownBy(() -> studio.job("mallory", job.jobId())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSubmittedFormTeachesPersonalizationItsSettingsButNotTheProductsWords() {
        studio.submit(USER, photoshoot(2, "A steel bottle that keeps drinks cold"));

        assertThat(signals.all(USER)).singleElement().satisfies(signal -> {
            assertThat(signal.kind()).isEqualTo(SignalKind.STUDIO_SETTINGS_SUBMITTED);
            assertThat(signal.text(Signal.FORM_TYPE)).isEqualTo("product_photoshoot");
            assertThat(signal.map(Signal.SETTINGS)).containsEntry("environment", "lifestyle")
                    .containsEntry("lighting", "natural").containsEntry("resolution", "1280x720")
                    .containsEntry("num_variations", 2).doesNotContainKeys("product_name", "product_description");
        });
        assertThatThrownBy(() -> studio.submit(USER, photoshoot(1, "A miracle bottle")));
        assertThat(signals.all(USER)).as("a refused call teaches nothing").hasSize(1);
    }

    @Test
    void aForbiddenPhraseInWhatTheUserTypedIsRefusedBeforeAnythingIsReserved() {
        assertThatThrownBy(() -> studio.submit(USER, photoshoot(1, "A miracle bottle")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("product_description")
                .hasMessageContaining("miracle");
        assertThat(assets.records).isEmpty();
        assertThat(provider.requests).isEmpty();
    }

    @Test
    void aCallOverThePlanIsRefusedWithItsQuote() {
        plans.put(USER, PlanTier.FREE);
        usage = new MonthlyUsage(usage.month(), new UsageAmounts(Map.of(UsageKind.IMAGE, 9),
                new BigDecimal("0.27")), UsageAmounts.none());

        assertThatThrownBy(() -> studio.submit(USER, photoshoot(2, "A steel bottle")))
                .isInstanceOf(PlanLimitExceededException.class);
        assertThat(assets.records).isEmpty();
    }

    @Test
    void aProviderRefusalFailsTheJobAndGivesTheReservationBack() {
        provider.fail = true;

        StudioJob job = studio.submit(USER, photoshoot(1, "A steel bottle"));

        assertThat(job.status()).isEqualTo(StudioJob.Status.FAILED);
        assertThat(job.error()).contains("refused");
        assertThat(assets.released).containsExactly(new BigDecimal("0.03"));
        assertThat(assets.charges).isEmpty();
    }

    @Test
    void aJobStillRunningAtTheEndOfTheBudgetIsAnsweredWithItsPollUrlAndFinishedLater() {
        workerRunsJobs = false;
        Instant asked = clock.instant();

        StudioJob running = studio.submit(USER, photoshoot(1, "A steel bottle"));

        assertThat(running.status()).isEqualTo(StudioJob.Status.RUNNING);
        assertThat(running.pollUrl()).isEqualTo("/api/product-marketing/products/jobs/" + running.jobId());
        assertThat(Duration.between(asked, clock.instant())).isEqualTo(Duration.ofSeconds(20));
        queued.forEach(worker::process);
        assertThat(studio.job(USER, running.jobId()).status()).isEqualTo(StudioJob.Status.READY);
    }

    private static StudioOrder photoshoot(int variations, String description) {
        return new StudioOrder(StudioBrief.Operation.PHOTOSHOOT, StudioPresets.PHOTOSHOOT, "Aurora Bottle",
                description, Map.of("environment", "lifestyle", "background_style", "white", "lighting", "natural",
                "style", "photorealistic", "angle", "front"), "1280x720", 1280, 720, 0, variations, List.of(), null,
                null, null, null);
    }

    private static final class MovingClock extends Clock {
        private Instant now = Fixtures.NOW;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final class Plans implements PlanRepository {
        @Override
        public Optional<PlanTier> find(String userId) {
            return Optional.ofNullable(plans.get(userId));
        }

        @Override
        public void save(String userId, PlanTier tier) {
            plans.put(userId, tier);
        }
    }

    private final class Ledger implements UsageLedger {
        @Override
        public MonthlyUsage current(String userId, YearMonth month) {
            return usage;
        }

        @Override
        public boolean reserve(String userId, YearMonth month, UsageAmounts amounts, Plan plan) {
            return true;
        }

        @Override
        public void commit(String userId, YearMonth month, UsageAmounts reserved, UsageAmounts spent) {
        }

        @Override
        public void release(String userId, YearMonth month, UsageAmounts reserved) {
        }
    }

    private static final class ScriptedProvider implements MediaProvider {
        final List<GenerationRequest> requests = new ArrayList<>();
        boolean fail;

        @Override
        public String name() {
            return "wavespeed";
        }

        @Override
        public boolean supports(AssetType type) {
            return true;
        }

        @Override
        public ProviderJob submit(GenerationRequest request) {
            requests.add(request);
            if (fail) {
                return new ProviderJob.Failed("refused by the content policy", false);
            }
            return new ProviderJob.Completed(new GeneratedMedia(new byte[]{1, 2, 3}, "image/png", null,
                    request.placement().canvas().width(), request.placement().canvas().height(), null, "wavespeed",
                    request.model(), null, Map.of("variation", request.studio().variation())));
        }

        @Override
        public ProviderJob poll(String handle) {
            throw new AssertionError("no long jobs here");
        }
    }

    private static final class Assets implements AssetRepository {
        final Map<String, AssetRecord> records = new LinkedHashMap<>();
        final List<BigDecimal> charges = new ArrayList<>();
        final List<BigDecimal> released = new ArrayList<>();

        @Override
        public Optional<AssetRecord> find(String userId, String id) {
            return Optional.ofNullable(records.get(userId + "/" + id));
        }

        @Override
        public List<AssetRecord> findAll(String userId, Collection<String> ids) {
            return ids.stream().map(id -> records.get(userId + "/" + id)).filter(Objects::nonNull).toList();
        }

        @Override
        public Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken) {
            return new Page<>(List.copyOf(records.values()), null);
        }

        @Override
        public boolean createReserved(String userId, AssetRecord asset, YearMonth month, Plan plan) {
            return records.putIfAbsent(userId + "/" + asset.assetLibraryId(), asset) == null;
        }

        @Override
        public boolean updateOpen(String userId, AssetRecord asset) {
            String key = userId + "/" + asset.assetLibraryId();
            if (!records.get(key).isOpen()) {
                return false;
            }
            records.put(key, asset);
            return true;
        }

        @Override
        public Outcome complete(String userId, AssetRecord ready, YearMonth month, UsageAmounts spent) {
            Outcome outcome = finish(userId, ready);
            if (outcome == Outcome.APPLIED) {
                charges.add(spent.usd());
            }
            return outcome;
        }

        @Override
        public Outcome close(String userId, AssetRecord closed, YearMonth month) {
            Outcome outcome = finish(userId, closed);
            if (outcome == Outcome.APPLIED) {
                released.add(closed.reserved().usd());
            }
            return outcome;
        }

        private Outcome finish(String userId, AssetRecord next) {
            String key = userId + "/" + next.assetLibraryId();
            AssetRecord stored = records.get(key);
            if (stored.status() == AssetStatus.READY) {
                return Outcome.ALREADY_READY;
            }
            if (!stored.isOpen()) {
                return Outcome.ALREADY_CLOSED;
            }
            records.put(key, next);
            return Outcome.APPLIED;
        }

        @Override
        public boolean delete(String userId, String id) {
            return records.remove(userId + "/" + id) != null;
        }
    }

    private static final class NoWorkflow implements WorkflowEngine {
        @Override
        public String start(String executionName, String inputJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stop(String executionId, String reason) {
        }

        @Override
        public boolean succeed(String token, String outputJson) {
            throw new AssertionError("studio jobs answer no workflow");
        }

        @Override
        public boolean fail(String token, String error, String cause) {
            throw new AssertionError("studio jobs answer no workflow");
        }
    }

    private static final class NoRuns implements GenerationRunRepository {
        @Override
        public Optional<GenerationRun> find(String userId, String campaignId) {
            return Optional.empty();
        }

        @Override
        public boolean start(String userId, GenerationRun run) {
            return true;
        }

        @Override
        public void update(String userId, GenerationRun run) {
        }

        @Override
        public Reservation reserve(String userId, GenerationRun generating,
                                   List<AssetRecord> queued, YearMonth month, UsageAmounts total, Plan plan) {
            return Reservation.RESERVED;
        }
    }
}

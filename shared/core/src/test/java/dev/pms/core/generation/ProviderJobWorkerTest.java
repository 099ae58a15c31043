package dev.pms.core.generation;

import dev.pms.core.support.AssetRecordBuilder;
import dev.pms.core.support.CampaignBuilder;
import dev.pms.core.asset.AssetFilter;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.common.Page;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.support.Fixtures;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryMediaStore;
import dev.pms.core.support.RecordingWorkflowEngine;
import dev.pms.core.usage.UsageAmounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider worker against in-memory ports — a long job polled through delayed messages, a duplicated
 * message, retryable and final provider failures — checking assets, charges and the workflow's answers.
 */
class ProviderJobWorkerTest {
    private static final String USER = "alice";
    private static final String CAMPAIGN = "11111111-1111-1111-1111-111111111111";
    private static final String NODE = "22222222-2222-2222-2222-222222222222";
    private static final String ASSET = "33333333-3333-3333-3333-333333333333";

    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final Assets assets = new Assets();
    private final InMemoryMediaStore media = new InMemoryMediaStore(Fixtures.CLOCK);
    private final RecordingWorkflowEngine workflow = new RecordingWorkflowEngine();
    private final List<Map.Entry<JobMessage, Duration>> sent = new ArrayList<>();
    private final ScriptedProvider provider = new ScriptedProvider();
    private ProviderJobWorker worker;

    @BeforeEach
    void setUp() {
        AssetNode node = new AssetNode(NODE, AssetType.IMAGE, Channel.LINKEDIN, "launch", "linkedin/post_landscape",
                "Post image", NodeStatus.GENERATING, null, List.of());
        campaigns.create(CampaignBuilder.campaign(CAMPAIGN, USER).channels(Channel.LINKEDIN).nodes(List.of(node))
                .productContext(Map.of("product_name", "Acme")).status(CampaignStatus.GENERATING).build());
        assets.records.put(ASSET, AssetRecordBuilder.asset(ASSET).node(CAMPAIGN, NODE).run("run-1", 1)
                .kind(AssetType.IMAGE, Channel.LINKEDIN, "linkedin/post_landscape")
                .madeBy("a prompt", "wavespeed", "qwen-image")
                .reserved(new UsageAmounts(Map.of(UsageKind.IMAGE, 1), new BigDecimal("0.03"))).build());
        ChannelCatalog catalog = ChannelCatalog.load();
        GenerationRequests requests = new GenerationRequests(new InMemoryBrandProfileRepository(Fixtures.CLOCK), catalog);
        worker = new ProviderJobWorker(assets, campaigns, new NodeStatusService(campaigns, Fixtures.CLOCK), media,
                workflow, (message, delay) -> sent.add(Map.entry(message, delay)),
                new ProviderDirectory(Map.of("wavespeed", provider), null), requests, new NoRuns(), Fixtures.CLOCK);
    }

    @Test
    void aLongJobIsPolledThroughDelayedMessagesThenStoredAndChargedOnce() {
        provider.answers.add(new ProviderJob.Pending("job-7", Duration.ofSeconds(20)));
        provider.answers.add(new ProviderJob.Pending("job-7", Duration.ofSeconds(20)));
        provider.answers.add(new ProviderJob.Completed(new GeneratedMedia(new byte[]{1, 2, 3}, "image/png", null, 1200,
                628, null, "wavespeed", "qwen-image", new BigDecimal("0.025"), Map.of())));
        JobMessage first = new JobMessage(USER, ASSET, "token-1", false, CAMPAIGN);

        assertThat(worker.process(first)).isEqualTo(ProviderJobWorker.Result.POLL_SCHEDULED);
        assertThat(sent).singleElement().satisfies(entry -> {
            assertThat(entry.getKey().poll()).isTrue();
            assertThat(entry.getValue()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(assets.records.get(ASSET).providerHandle()).isEqualTo("job-7");
        assertThat(assets.records.get(ASSET).status()).isEqualTo(AssetStatus.GENERATING);
        assertThat(worker.process(sent.get(0).getKey())).isEqualTo(ProviderJobWorker.Result.POLL_SCHEDULED);
        assertThat(worker.process(sent.get(1).getKey())).isEqualTo(ProviderJobWorker.Result.READY);

        AssetRecord ready = assets.records.get(ASSET);
        assertThat(ready.status()).isEqualTo(AssetStatus.READY);
        assertThat(ready.costUsd()).isEqualByComparingTo("0.025");
        assertThat(ready.costSource()).isEqualTo("provider");
        assertThat(media.objects()).containsOnlyKeys(ready.storageKey());
        assertThat(assets.charges).containsExactly(new BigDecimal("0.025"));
        assertThat(workflow.succeeded).containsExactly("token-1");
        assertThat(provider.submits).isEqualTo(1);
        assertThat(provider.polls).containsExactly("job-7", "job-7");
        assertThat(campaigns.find(USER, CAMPAIGN).orElseThrow().assetNodes().get(0).status()).isEqualTo(NodeStatus.READY);

        assertThat(worker.process(sent.get(1).getKey())).isEqualTo(ProviderJobWorker.Result.ALREADY_DONE);
        assertThat(assets.charges).hasSize(1);
        assertThat(provider.submits + provider.polls.size()).isEqualTo(3);
    }

    @Test
    void aRetryableFailureIsHandedToTheWorkflowsRetryAndTheRecordStaysOpen() {
        provider.answers.add(new ProviderJob.Failed("HTTP 503", true));

        assertThat(worker.process(new JobMessage(USER, ASSET, "token-2", false)))
                .isEqualTo(ProviderJobWorker.Result.RETRY_SCHEDULED);

        assertThat(workflow.failed).containsExactly("token-2:" + ProviderJobWorker.TRANSIENT_ERROR);
        assertThat(assets.records.get(ASSET).isOpen()).isTrue();
        assertThat(assets.released).isEmpty();
    }

    @Test
    void aRefusalClosesTheRecordGivesTheMoneyBackAndFailsTheNode() {
        provider.answers.add(new ProviderJob.Failed("refused by the content policy", false));

        assertThat(worker.process(new JobMessage(USER, ASSET, "token-3", false))).isEqualTo(ProviderJobWorker.Result.FAILED);

        assertThat(assets.records.get(ASSET).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(assets.records.get(ASSET).error()).contains("content policy");
        assertThat(assets.released).containsExactly(new BigDecimal("0.03"));
        assertThat(assets.charges).isEmpty();
        assertThat(workflow.failed).containsExactly("token-3:" + ProviderJobWorker.REJECTED_ERROR);
        assertThat(campaigns.find(USER, CAMPAIGN).orElseThrow().assetNodes().get(0).status()).isEqualTo(NodeStatus.FAILED);
        assertThat(media.objects()).isEmpty();
    }

    @Test
    void aJobWhoseCampaignWasDeletedClosesTheRecordItHadOpenedAndCallsNoProvider() {
        campaigns.delete(USER, CAMPAIGN);

        assertThat(worker.process(new JobMessage(USER, ASSET, "token-4", false))).isEqualTo(ProviderJobWorker.Result.FAILED);

        assertThat(assets.records.get(ASSET).status()).isEqualTo(AssetStatus.FAILED);
        assertThat(assets.records.get(ASSET).error()).isEqualTo("the campaign was deleted");
        assertThat(assets.released).containsExactly(new BigDecimal("0.03"));
        assertThat(provider.submits).isZero();
        assertThat(workflow.failed).containsExactly("token-4:" + ProviderJobWorker.REJECTED_ERROR);
    }

    private static final class ScriptedProvider implements MediaProvider {
        final List<ProviderJob> answers = new ArrayList<>();
        final List<String> polls = new ArrayList<>();
        int submits;

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
            submits++;
            return answers.remove(0);
        }

        @Override
        public ProviderJob poll(String handle) {
            polls.add(handle);
            return answers.remove(0);
        }
    }

    private static final class Assets implements AssetRepository {
        final Map<String, AssetRecord> records = new HashMap<>();
        final List<BigDecimal> charges = new ArrayList<>();
        final List<BigDecimal> released = new ArrayList<>();

        @Override
        public Optional<AssetRecord> find(String userId, String id) {
            return Optional.ofNullable(records.get(id));
        }

        @Override
        public List<AssetRecord> findAll(String userId, Collection<String> ids) {
            return ids.stream().map(records::get).filter(java.util.Objects::nonNull).toList();
        }

        @Override
        public Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken) {
            return new Page<>(List.copyOf(records.values()), null);
        }

        @Override
        public boolean createReserved(String userId, AssetRecord asset, YearMonth month, Plan plan) {
            return records.putIfAbsent(asset.assetLibraryId(), asset) == null;
        }

        @Override
        public boolean updateOpen(String userId, AssetRecord asset) {
            if (!records.get(asset.assetLibraryId()).isOpen()) {
                return false;
            }
            records.put(asset.assetLibraryId(), asset);
            return true;
        }

        @Override
        public Outcome complete(String userId, AssetRecord ready, YearMonth month, UsageAmounts spent) {
            Outcome outcome = finish(ready);
            if (outcome == Outcome.APPLIED) {
                charges.add(spent.usd());
            }
            return outcome;
        }

        @Override
        public Outcome close(String userId, AssetRecord closed, YearMonth month) {
            Outcome outcome = finish(closed);
            if (outcome == Outcome.APPLIED) {
                released.add(closed.reserved().usd());
            }
            return outcome;
        }

        private Outcome finish(AssetRecord next) {
            AssetRecord stored = records.get(next.assetLibraryId());
            if (stored.status() == AssetStatus.READY) {
                return Outcome.ALREADY_READY;
            }
            if (!stored.isOpen()) {
                return Outcome.ALREADY_CLOSED;
            }
            records.put(next.assetLibraryId(), next);
            return Outcome.APPLIED;
        }

        @Override
        public boolean delete(String userId, String id) {
            return records.remove(id) != null;
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
        public Reservation reserve(String userId, GenerationRun generating, List<AssetRecord> queued, YearMonth month,
                                   UsageAmounts total, Plan plan) {
            return Reservation.RESERVED;
        }
    }
}

package dev.pms.core.pack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.json.Json;
import dev.pms.core.media.UserKeys;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.proposal.GenerateProposals;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryMediaStore;
import dev.pms.core.support.InMemoryProposalRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.NOW;
import static dev.pms.core.support.Fixtures.brandProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChannelPackExportServiceTest {
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String PACK_ID = "pack-1";
    private static final ChannelCatalog CATALOG = ChannelCatalog.load();

    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(CLOCK);
    private final InMemoryProposalRepository proposals = new InMemoryProposalRepository();
    private final InMemoryMediaStore store = new InMemoryMediaStore(CLOCK);
    private final AtomicInteger ids = new AtomicInteger();
    private Campaign campaign;

    @BeforeEach
    void aliceHasAnInstagramAndXCampaign() {
        new BrandService(profiles, CATALOG, CLOCK).putProfile(ALICE, brandProfile("{'forbidden_phrases':['miracle','risk-free']}"));
        campaign = new CampaignService(campaigns, profiles, CATALOG, CLOCK, () -> "node-" + ids.incrementAndGet())
                .createBlueprint(ALICE, new CreateCampaign("Aurora launch", Goal.PRODUCT_LAUNCH, null,
                        List.of(Channel.INSTAGRAM, Channel.TWITTER), Map.of("product_name", "Aurora",
                        "product_description", "A desk lamp"), null, LocalDate.of(2026, 12, 10)));
    }

    @Test
    void packsEveryImageAndCopyNodeWithAManifestWhoseHashesMatchTheZip() throws IOException {
        ChannelPackExport export = service(FakeRenderer.faithful()).export(ALICE, campaign.campaignId(), ExportChannelPack.allChannels());

        assertThat(export.valid()).isTrue();
        assertThat(export.packId()).isEqualTo(PACK_ID);
        String aliceHash = sha256(ALICE.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
        String key = "packs/" + aliceHash + "/" + campaign.campaignId() + "/" + PACK_ID + ".zip";
        assertThat(store.objects()).containsOnlyKeys(key);
        assertThat(store.mimeTypeOf(key)).isEqualTo("application/zip");
        assertThat(export.url()).isEqualTo("https://media.test/" + key + "?ttl=3600");
        assertThat(export.expiresAt()).isEqualTo(NOW.plusSeconds(3600));

        PackManifest manifest = export.manifest();
        List<AssetNode> packed = nodes(node -> node.assetType() == AssetType.IMAGE || node.assetType() == AssetType.TEXT);
        assertThat(manifest.files()).extracting(PackFile::assetId)
                .containsExactlyInAnyOrderElementsOf(packed.stream().map(AssetNode::assetId).toList());
        assertThat(manifest.files()).extracting(PackFile::path).isSorted();
        assertThat(manifest.skipped()).isNotEmpty().allSatisfy(skipped -> {
            assertThat(skipped.reason()).isEqualTo("generated with the generation workflow");
            assertThat(nodeOf(skipped.assetId()).assetType()).isIn(AssetType.VIDEO, AssetType.AUDIO, AssetType.AVATAR);
        });

        Map<String, byte[]> zip = unzip(store.objects().get(key));
        List<String> expectedEntries = new ArrayList<>(List.of("manifest.json"));
        manifest.files().forEach(file -> expectedEntries.add(file.path()));
        assertThat(zip.keySet()).containsExactlyElementsOf(expectedEntries);
        for (PackFile file : manifest.files()) {
            byte[] bytes = zip.get(file.path());
            assertThat(file.bytes()).isEqualTo(bytes.length);
            assertThat(file.sha256()).isEqualTo(sha256(bytes));
            assertThat(file.checks()).isNotEmpty().allMatch(PackCheck::passed);
            AssetNode node = nodeOf(file.assetId());
            assertThat(file.placement()).isEqualTo(node.placement());
            String name = CATALOG.requirePlacement(node.placement()).name();
            String shortId = node.assetId().length() > 8 ? node.assetId().substring(0, 8) : node.assetId();
            if (node.assetType() == AssetType.IMAGE) {
                assertThat(file.path()).isEqualTo(node.channel().code() + "/" + name + "-" + shortId + ".png");
                assertThat(file.width()).isEqualTo(CATALOG.requirePlacement(node.placement()).canvas().width());
                assertThat(file.height()).isEqualTo(CATALOG.requirePlacement(node.placement()).canvas().height());
                assertThat(file.checks()).extracting(PackCheck::rule).contains("png_format", "canvas_size");
            } else {
                assertThat(file.path()).isEqualTo(node.channel().code() + "/" + name + "-" + shortId + ".json");
                assertThat(file.width()).isNull();
                assertThat(file.checks()).extracting(PackCheck::rule).contains("max_chars", "forbidden_phrase", "hashtags");
            }
        }
        JsonNode zippedManifest = Json.mapper().readTree(zip.get("manifest.json"));
        assertThat(zippedManifest.get("pack_id").asText()).isEqualTo(PACK_ID);
        assertThat(zippedManifest.get("campaign_id").asText()).isEqualTo(campaign.campaignId());
        assertThat(zippedManifest.get("created_at").asText()).isEqualTo(NOW.toString());
        assertThat(zippedManifest.get("valid").asBoolean()).isTrue();
        assertThat(zippedManifest.get("files")).hasSize(manifest.files().size());
        assertThat(zippedManifest.get("files").get(0).get("sha256").asText()).isEqualTo(manifest.files().get(0).sha256());
    }

    @Test
    void copyWithAVisibleLimitCarriesThePreviewOfWhatShowsBeforeTruncation() {
        ChannelPackExport export = service(FakeRenderer.faithful()).export(ALICE, campaign.campaignId(),
                new ExportChannelPack(List.of(Channel.INSTAGRAM)));

        PackFile caption = export.manifest().files().stream()
                .filter(file -> file.placement().equals("instagram/caption")).findFirst().orElseThrow();
        JsonNode captionJson = Json.mapper().valueToTree(caption);
        assertThat(caption.visiblePreviews()).containsOnlyKeys("caption");
        assertThat(caption.visiblePreviews().get("caption")).hasSize(125)
                .isEqualTo(FakeRenderer.SENTENCE.repeat(2).substring(0, 125));
        assertThat(captionJson.at("/visible_previews/caption").asText()).isEqualTo(caption.visiblePreviews().get("caption"));
    }

    @Test
    void eachPackedNodeIsRenderedFromItsProposalOrElseFromItsTitle() {
        ProposalService proposalService = new ProposalService(proposals, campaigns, profiles, CATALOG,
                new CostEstimator(PriceTable.load(), CATALOG), (user, lines) -> { }, CLOCK);
        proposalService.generate(ALICE, campaign.campaignId(), GenerateProposals.defaults());
        AssetNode withoutProposal = nodes(node -> node.channel() == Channel.TWITTER && node.assetType() == AssetType.TEXT).get(0);
        InMemoryProposalRepository someProposals = new InMemoryProposalRepository();
        proposals.currentFor(ALICE, campaign.campaignId()).stream()
                .filter(p -> !p.assetId().equals(withoutProposal.assetId()))
                .forEach(p -> someProposals.append(ALICE, renumbered(p)));
        FakeRenderer renderer = FakeRenderer.faithful();

        new ChannelPackExportService(campaigns, someProposals, profiles, CATALOG, renderer, store, CLOCK, () -> PACK_ID)
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(renderer.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.placement()).isEqualTo(CATALOG.requirePlacement(nodeOf(request.assetId()).placement()));
            assertThat(request.forbiddenPhrases()).containsExactly("miracle", "risk-free");
            assertThat(request.productContext()).containsEntry("product_name", "Aurora");
            assertThat(request.provider()).isEqualTo("fake");
        });
        for (GenerationRequest request : renderer.requests()) {
            if (request.assetId().equals(withoutProposal.assetId())) {
                assertThat(request.hook()).isEqualTo(withoutProposal.title());
                assertThat(request.prompt()).isEqualTo(withoutProposal.title());
            } else {
                Proposal proposal = someProposals.current(ALICE, campaign.campaignId(), request.assetId()).orElseThrow();
                assertThat(request.prompt()).isEqualTo(proposal.proposedPrompt());
                assertThat(request.hook()).isEqualTo(proposal.hook());
                assertThat(request.conceptSummary()).isEqualTo(proposal.conceptSummary());
            }
        }
    }

    @Test
    void theChannelFilterTakesXForTwitterAndPacksOnlyThatChannel() {
        ChannelPackExport export = service(FakeRenderer.faithful()).export(ALICE, campaign.campaignId(),
                new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(export.manifest().files()).isNotEmpty()
                .allSatisfy(file -> {
                    assertThat(file.channel()).isEqualTo(Channel.TWITTER);
                    assertThat(file.path()).startsWith("twitter/");
                });
        assertThat(export.manifest().files()).hasSize(nodes(node -> node.channel() == Channel.TWITTER
                && (node.assetType() == AssetType.IMAGE || node.assetType() == AssetType.TEXT)).size());
        assertThat(export.manifest().skipped()).allMatch(skipped -> skipped.channel() == Channel.TWITTER);
    }

    @Test
    void aChannelThatIsNotTheCampaignsIsRejectedByItsIndex() {
        ValidationException error = catchThrowableOfType(() -> service(FakeRenderer.faithful())
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.INSTAGRAM, Channel.TIKTOK, Channel.LINKEDIN))),
                ValidationException.class);

        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("channels[1]", "channels[2]");
        assertThat(error.fieldErrors().get(1).message()).contains("linkedin").contains("not a channel of the campaign");
        assertThat(error.getMessage()).isEqualTo("The channel pack request has 2 problems: channels[1] tiktok is not a "
                + "channel of the campaign (its channels: instagram, twitter); channels[2] linkedin is not a channel of the "
                + "campaign (its channels: instagram, twitter).");
        assertThat(store.objects()).isEmpty();
    }

    @Test
    void anotherUsersCampaignIsNotFound() {
        ChannelPackExportService service = service(FakeRenderer.faithful());

        assertThatThrownBy(() -> service.export(BOB, campaign.campaignId(), ExportChannelPack.allChannels())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.export(ALICE, "no-such-campaign", ExportChannelPack.allChannels())).isInstanceOf(NotFoundException.class);
        assertThat(store.objects()).isEmpty();
    }

    @Test
    void aWrongSizedImageMakesThePackInvalidNamingTheFileAndTheRule() {
        ChannelPackExport export = service(new FakeRenderer(FakeRenderer.Flaw.IMAGE_ONE_PIXEL_NARROW, null))
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(export.valid()).isFalse();
        assertThat(export.manifest().valid()).isFalse();
        AssetNode image = nodes(node -> node.channel() == Channel.TWITTER && node.assetType() == AssetType.IMAGE).get(0);
        PackFile file = fileOf(export, image.assetId());
        assertThat(file.path()).endsWith(".png");
        assertThat(failed(file)).singleElement().satisfies(check -> {
            assertThat(check.rule()).isEqualTo("canvas_size");
            assertThat(check.detail()).contains("1199x675").contains("1200x675");
        });
        assertThat(file.width()).isEqualTo(1199);
        String invalidKey = "packs/" + UserKeys.userHash(ALICE) + "/" + campaign.campaignId() + "/" + PACK_ID + "-invalid.zip";
        assertThat(store.objects()).containsOnlyKeys(invalidKey);
        assertThat(export.url()).contains(invalidKey);
    }

    @Test
    void overLongCopyFailsMaxCharsForTheNamedField() {
        ChannelPackExport export = service(new FakeRenderer(FakeRenderer.Flaw.COPY_OVER_LIMIT, null))
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(export.valid()).isFalse();
        AssetNode copy = nodes(node -> node.channel() == Channel.TWITTER && node.assetType() == AssetType.TEXT).get(0);
        assertThat(failed(fileOf(export, copy.assetId()))).singleElement().satisfies(check -> {
            assertThat(check.rule()).isEqualTo("max_chars");
            assertThat(check.field()).isEqualTo("text");
            assertThat(check.detail()).isEqualTo("281 of at most 280 characters");
        });
    }

    @Test
    void aForbiddenPhraseInAnyCaseFailsForTheNamedField() {
        ChannelPackExport export = service(new FakeRenderer(FakeRenderer.Flaw.COPY_WITH_FORBIDDEN_PHRASE, "risk-free"))
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.INSTAGRAM)));

        assertThat(export.valid()).isFalse();
        AssetNode caption = nodes(node -> node.placement().equals("instagram/caption")).get(0);
        assertThat(failed(fileOf(export, caption.assetId()))).singleElement().satisfies(check -> {
            assertThat(check.rule()).isEqualTo("forbidden_phrase");
            assertThat(check.field()).isEqualTo("caption");
            assertThat(check.detail()).contains("'risk-free'");
        });
    }

    @Test
    void moreHashtagsThanTheCapFailTheHashtagRule() {
        ChannelPackExport export = service(new FakeRenderer(FakeRenderer.Flaw.TOO_MANY_HASHTAGS, null))
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        AssetNode copy = nodes(node -> node.channel() == Channel.TWITTER && node.assetType() == AssetType.TEXT).get(0);
        assertThat(failed(fileOf(export, copy.assetId()))).singleElement().satisfies(check -> {
            assertThat(check.rule()).isEqualTo("hashtags");
            assertThat(check.detail()).isEqualTo("16 hashtags of at most 2");
        });
        assertThat(export.valid()).isFalse();
    }

    @Test
    void aRendererThatDoesNotFinishIsAFailedFileNotAnError() {
        ChannelPackExport export = service(new FakeRenderer(FakeRenderer.Flaw.PENDING, null))
                .export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(export.valid()).isFalse();
        assertThat(export.manifest().files()).isNotEmpty().allSatisfy(file -> {
            assertThat(file.sha256()).isNull();
            assertThat(file.bytes()).isZero();
            assertThat(failed(file)).singleElement().extracting(PackCheck::rule).isEqualTo("render");
        });
    }

    @Test
    void aNodeWhosePlacementIsNotInTheCatalogueIsSkippedWithTheReason() {
        List<AssetNode> nodes = new ArrayList<>(campaign.assetNodes());
        AssetNode image = nodes(node -> node.channel() == Channel.TWITTER && node.assetType() == AssetType.IMAGE).get(0);
        nodes.set(nodes.indexOf(image), new AssetNode(image.assetId(), image.assetType(), image.channel(), image.phase(),
                "twitter/retired_card", image.title(), image.status(), image.dueDate(), image.dependsOn()));
        Campaign c = campaign;
        campaigns.update(c.withNodes(nodes).revised(c.updatedAt()), c.version());

        ChannelPackExport export = service(FakeRenderer.faithful()).export(ALICE, c.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(export.manifest().skipped()).contains(new SkippedAsset(image.assetId(), Channel.TWITTER,
                "twitter/retired_card", "the placement is not in the channel catalogue"));
        assertThat(export.manifest().files()).extracting(PackFile::assetId).doesNotContain(image.assetId());
        assertThat(export.valid()).isTrue();
    }

    @Test
    void nodesWhoseShortIdsCollideGetTheirWholeIdInThePath() {
        AtomicInteger longIds = new AtomicInteger();
        Campaign longIdCampaign = new CampaignService(campaigns, profiles, CATALOG, CLOCK,
                () -> "abcdefgh-" + longIds.incrementAndGet())
                .createBlueprint(ALICE, new CreateCampaign("Second", Goal.PRODUCT_LAUNCH, null,
                        List.of(Channel.TWITTER), Map.of(), null, LocalDate.of(2026, 12, 10)));

        ChannelPackExport export = service(FakeRenderer.faithful()).export(ALICE, longIdCampaign.campaignId(), ExportChannelPack.allChannels());

        List<AssetNode> imageNodes = longIdCampaign.assetNodes().stream()
                .filter(node -> node.placement().equals("twitter/post_image")).toList();
        assertThat(imageNodes).hasSizeGreaterThan(1);
        for (AssetNode node : imageNodes) {
            String expected = node == imageNodes.get(0) ? "twitter/post_image-abcdefgh.png"
                    : "twitter/post_image-" + node.assetId() + ".png";
            assertThat(fileOf(export, node.assetId()).path()).isEqualTo(expected);
        }
    }

    @Test
    void theSamePackIsTheSameZip() {
        service(FakeRenderer.faithful()).export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));
        byte[] first = store.objects().values().iterator().next();
        store.objects().clear();

        service(FakeRenderer.faithful()).export(ALICE, campaign.campaignId(), new ExportChannelPack(List.of(Channel.TWITTER)));

        assertThat(store.objects().values().iterator().next()).isEqualTo(first);
    }

    private ChannelPackExportService service(FakeRenderer renderer) {
        return new ChannelPackExportService(campaigns, proposals, profiles, CATALOG, renderer, store, CLOCK, () -> PACK_ID);
    }

    private List<AssetNode> nodes(Predicate<AssetNode> filter) {
        return campaign.assetNodes().stream().filter(filter).toList();
    }

    private AssetNode nodeOf(String assetId) {
        return nodes(node -> node.assetId().equals(assetId)).get(0);
    }

    private static PackFile fileOf(ChannelPackExport export, String assetId) {
        return export.manifest().files().stream().filter(file -> file.assetId().equals(assetId)).findFirst().orElseThrow();
    }

    private static List<PackCheck> failed(PackFile file) {
        return file.checks().stream().filter(check -> !check.passed()).toList();
    }

    private static Proposal renumbered(Proposal p) {
        return new Proposal(p.assetId(), p.campaignId(), 1, p.slot(), p.concept(), p.recommendation(), p.status(),
                p.reason(), p.settings(), p.provenance(), p.change(), p.createdAt());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.prompt.PromptBuilder;
import dev.pms.core.prompt.PromptSlot;
import dev.pms.core.proposal.GenerateProposals;
import dev.pms.core.proposal.ProposalChange.Action;
import dev.pms.core.proposal.ProposalChange;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Proposal request bodies read into their commands, every problem of a body reported at once. */
public final class ProposalCommands {
    static final int MAX_REASON_CHARS = 2_000;
    static final int MAX_SETTING_CHARS = 500;
    static final String TIER_SETTING = "tier";
    private static final List<String> ACTIONS = Arrays.stream(Action.values()).map(Action::code).toList();
    private static final Set<String> CHANGE_FIELDS = Set.of("action", "proposed_prompt", "settings", "reason", "version");
    private static final Set<String> SETTING_FIELDS = settingFields();
    private static final String TIERS = Arrays.stream(QualityTier.values()).map(QualityTier::code)
            .collect(Collectors.joining(", "));

    private ProposalCommands() {
    }

    /** The optional body of generate-proposals: {@code {campaign_id?, tier?, product_context?}}. */
    public static GenerateProposals generate(ApiRequest request) {
        return generate(request.optionalJsonObjectBody(), request.pathParameter("campaign_id"));
    }

    static GenerateProposals generate(JsonNode body, String campaignId) {
        InputChecker check = new InputChecker();
        if (InputChecker.isAbsent(body)) {
            return GenerateProposals.defaults();
        }
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("proposal request");
        }
        String bodyCampaign = check.string(body.get("campaign_id"), "campaign_id", 200, false);
        if (bodyCampaign != null && !bodyCampaign.equals(campaignId)) {
            check.add("campaign_id", "must be the campaign of the path when sent");
        }
        QualityTier tier = check.code(body.get("tier"), "tier", v -> QualityTier.parse(v).orElse(null),
                "one of " + TIERS, false);
        Map<String, Object> productContext = ProductContextInput.read(check, body.get("product_context"));
        check.throwIfProblems("proposal request");
        return new GenerateProposals(tier, productContext);
    }

    /**
     * The body of a proposal PATCH: {@code {action: edit|approve|reject|alternate_angle, proposed_prompt?,
     * settings?, reason?, version}}.
     */
    public static ProposalChange change(ApiRequest request) {
        return change(request.jsonObjectBody());
    }

    static ProposalChange change(JsonNode body) {
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("proposal change");
        }
        check.rejectUnknownKeys(body, "", CHANGE_FIELDS);
        Action action = check.code(body.get("action"), "action", code -> Action.parse(code).orElse(null),
                "one of " + String.join(", ", ACTIONS), true);
        Long version = check.integer(body.get("version"), "version", 1, Long.MAX_VALUE, true);
        String prompt = check.string(body.get("proposed_prompt"), "proposed_prompt", ProposalChange.MAX_PROMPT_CHARS,
                false);
        if (prompt != null && prompt.isBlank()) {
            check.add("proposed_prompt", "must not be blank");
            prompt = null;
        }
        Map<PromptSlot, String> overrides = new LinkedHashMap<>();
        QualityTier tier = null;
        String model = null;
        JsonNode settings = body.get("settings");
        if (check.object(settings, "settings", false)) {
            check.rejectUnknownKeys(settings, "settings", SETTING_FIELDS);
            tier = check.code(settings.get(TIER_SETTING), "settings.tier", v -> QualityTier.parse(v).orElse(null),
                    "one of " + TIERS, false);
            String modelPath = "settings." + ProposalChange.MODEL_SETTING;
            model = check.string(settings.get(ProposalChange.MODEL_SETTING), modelPath, 120, false);
            if (model != null && !model.isBlank() && !model.trim().matches("[a-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                check.add(modelPath, "must be provider/model, e.g. wavespeed/ideogram-v3-turbo");
            }
            for (PromptSlot slot : PromptBuilder.OVERRIDABLE) {
                String value = check.string(settings.get(slot.code()), "settings." + slot.code(), MAX_SETTING_CHARS,
                        false);
                if (value != null) {
                    overrides.put(slot, value.trim());
                }
            }
        }
        String reason = check.string(body.get("reason"), "reason", MAX_REASON_CHARS, action == Action.REJECT);
        if (action != null) {
            onlyFor(check, body, action, "proposed_prompt", Action.EDIT);
            onlyFor(check, body, action, "settings", Action.EDIT);
            onlyFor(check, body, action, "reason", Action.REJECT);
            if (action == Action.EDIT && InputChecker.isAbsent(body.get("proposed_prompt"))
                    && InputChecker.isAbsent(settings)) {
                check.add("proposed_prompt", "an edit needs proposed_prompt or settings");
            }
        }
        check.throwIfProblems("proposal change");
        return new ProposalChange(action, version, prompt == null ? null : prompt.trim(), overrides, tier,
                reason == null ? null : reason.trim(), model == null ? null : model.trim());
    }

    private static void onlyFor(InputChecker check, JsonNode body, Action action, String field, Action allowed) {
        if (action != allowed && !InputChecker.isAbsent(body.get(field))) {
            check.add(field, "only applies to action " + allowed.code());
        }
    }

    private static Set<String> settingFields() {
        Set<String> fields = new TreeSet<>();
        fields.add(TIER_SETTING);
        fields.add(ProposalChange.MODEL_SETTING);
        PromptBuilder.OVERRIDABLE.forEach(slot -> fields.add(slot.code()));
        return Set.copyOf(fields);
    }
}

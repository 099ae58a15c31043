package dev.pms.core.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.campaign.ProductContextInput;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.core.prompt.PromptBuilder;
import dev.pms.core.prompt.PromptSlot;
import dev.pms.core.validation.InputChecker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Validation of proposal request bodies, straight from the JSON tree, reporting every problem at once. */
final class ProposalRequests {
    static final int MAX_PROMPT_CHARS = 20_000;
    static final int MAX_REASON_CHARS = 2_000;
    static final int MAX_SETTING_CHARS = 500;
    static final String TIER_SETTING = "tier";
    private static final List<String> ACTIONS = Arrays.stream(Action.values()).map(Action::code).toList();
    private static final Set<String> CHANGE_FIELDS = Set.of("action", "proposed_prompt", "settings", "reason", "version");
    static final String MODEL_SETTING = "model";
    private static final Set<String> SETTING_FIELDS = settingFields();
    private static final String TIERS = Arrays.stream(QualityTier.values()).map(QualityTier::code)
            .collect(Collectors.joining(", "));

    enum Action {
        EDIT, APPROVE, REJECT, ALTERNATE_ANGLE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Action parse(String code) {
            return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** Body of generate-proposals; {@code tier} is null when not sent. */
    record Generate(QualityTier tier, Map<String, Object> productContext) {
    }

    /**
     * Body of a proposal PATCH. {@code overrides} holds the slot settings sent (a blank value clears the override);
     * {@code tier} is null when not sent.
     */
    /** {@code model}: {@code "provider/model"} chosen on the proposal, {@code ""} to go back to the automatic choice. */
    record Change(Action action, long version, String proposedPrompt, Map<PromptSlot, String> overrides,
                  QualityTier tier, String reason, String model) {
    }

    private ProposalRequests() {
    }

    static Generate generate(JsonNode body, String campaignId) {
        InputChecker check = new InputChecker();
        if (InputChecker.isAbsent(body)) {
            return new Generate(null, Map.of());
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
        return new Generate(tier, productContext);
    }

    static Change change(JsonNode body, ForbiddenPhrases forbidden) {
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("proposal change");
        }
        check.rejectUnknownKeys(body, "", CHANGE_FIELDS);
        Action action = check.code(body.get("action"), "action", Action::parse, "one of " + String.join(", ", ACTIONS), true);
        Long version = check.integer(body.get("version"), "version", 1, Long.MAX_VALUE, true);
        String prompt = check.string(body.get("proposed_prompt"), "proposed_prompt", MAX_PROMPT_CHARS, false);
        if (prompt != null && prompt.isBlank()) {
            check.add("proposed_prompt", "must not be blank");
            prompt = null;
        }
        rejectForbidden(check, forbidden, "proposed_prompt", prompt);
        Map<PromptSlot, String> overrides = new LinkedHashMap<>();
        QualityTier tier = null;
        String model = null;
        JsonNode settings = body.get("settings");
        if (check.object(settings, "settings", false)) {
            check.rejectUnknownKeys(settings, "settings", SETTING_FIELDS);
            tier = check.code(settings.get(TIER_SETTING), "settings.tier", v -> QualityTier.parse(v).orElse(null),
                    "one of " + TIERS, false);
            model = check.string(settings.get(MODEL_SETTING), "settings." + MODEL_SETTING, 120, false);
            if (model != null && !model.isBlank() && !model.trim().matches("[a-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
                check.add("settings." + MODEL_SETTING, "must be provider/model, e.g. wavespeed/ideogram-v3-turbo");
            }
            for (PromptSlot slot : PromptBuilder.OVERRIDABLE) {
                String path = "settings." + slot.code();
                String value = check.string(settings.get(slot.code()), path, MAX_SETTING_CHARS, false);
                if (value != null) {
                    rejectForbidden(check, forbidden, path, value);
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
        return new Change(action, version, prompt == null ? null : prompt.trim(), overrides, tier,
                reason == null ? null : reason.trim(), model == null ? null : model.trim());
    }

    /**
     * A prompt the user edited outside a PATCH (one-click generate): the same blank, length and forbidden-phrase
     * rules as {@link #change}.
     */
    static void checkEditedPrompt(String prompt, ForbiddenPhrases forbidden) {
        InputChecker check = new InputChecker();
        if (prompt.isBlank()) {
            check.add("proposed_prompt", "must not be blank");
        } else if (prompt.length() > MAX_PROMPT_CHARS) {
            check.add("proposed_prompt", "must be at most " + MAX_PROMPT_CHARS + " characters (got " + prompt.length()
                    + ")");
        }
        rejectForbidden(check, forbidden, "proposed_prompt", prompt);
        check.throwIfProblems("edited prompt");
    }

    private static void onlyFor(InputChecker check, JsonNode body, Action action, String field, Action allowed) {
        if (action != allowed && !InputChecker.isAbsent(body.get(field))) {
            check.add(field, "only applies to action " + allowed.code());
        }
    }

    private static void rejectForbidden(InputChecker check, ForbiddenPhrases forbidden, String path, String value) {
        List<String> found = forbidden.foundIn(value);
        if (!found.isEmpty()) {
            check.add(path, "contains the brand's forbidden phrase" + (found.size() == 1 ? " " : "s ")
                    + found.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")));
        }
    }


    private static Set<String> settingFields() {
        Set<String> fields = new TreeSet<>();
        fields.add(TIER_SETTING);
        fields.add(MODEL_SETTING);
        PromptBuilder.OVERRIDABLE.forEach(slot -> fields.add(slot.code()));
        return Set.copyOf(fields);
    }
}

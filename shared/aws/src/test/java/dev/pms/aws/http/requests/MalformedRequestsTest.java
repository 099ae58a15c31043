package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import static dev.pms.aws.http.requests.RequestBodies.CLOCK;
import static dev.pms.aws.http.requests.RequestBodies.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaces every value of valid request bodies, one at a time, with values of every JSON type: the request mappers
 * must either read the body into its command or reject it with field errors, never fail with another exception (a
 * command's own checks included).
 */
class MalformedRequestsTest {
    private static final List<JsonNode> STRANGE_VALUES = List.of(json("null"), json("0"), json("-1.5"), json("true"),
            json("''"), json("'x'"), json("[]"), json("[null]"), json("{}"), json("{'a':[{'b':null}]}"),
            json("'" + "z".repeat(3_000) + "'"));

    private static final String CAMPAIGN_ID = "11111111-2222-3333-4444-555555555555";

    private final CampaignCommands campaignCommands = new CampaignCommands(null, CLOCK);

    @Test
    void brandProfilesAreAcceptedOrRejectedWithFieldErrors() {
        JsonNode valid = json("{'website_analysis':{'website_url':'https://a.example','writing_style':{'tone':'t',"
                + "'voice':'v','complexity':'simple','engagement_level':'low'},'target_audience':{'demographics':['d'],"
                + "'industry_focus':'i','expertise_level':'expert'},'brand_analysis':{'k':'v'},'style_guidelines':{'k':'v'},"
                + "'content_type':'c'},'persona_data':{'core_persona':{'persona_name':'p','archetype':'a','core_belief':'b',"
                + "'linguistic_fingerprint':'l'},'platform_personas':{'x':{'tone':'t'}},'selected_platforms':['x']},"
                + "'research_preferences':{'research_depth':'basic','content_types':['c'],'auto_research':true,"
                + "'factual_content':false},'competitor_analyses':[{'competitor_url':'https://c.example','analysis_data':{'k':'v'}}],"
                + "'color_palette':['#000000'],'vocabulary':{'preferred':['p'],'avoid':['a']},'forbidden_phrases':['f']}");
        int rejected = everyVariant(valid, BrandProfileCommands::put);
        assertThat(rejected).isGreaterThan(100);
    }

    @Test
    void blueprintRequestsAreAcceptedOrRejectedWithFieldErrors() {
        JsonNode valid = json("{'campaign_name':'n','goal':'product_launch','kpi':'k','channels':['x','email'],"
                + "'start_date':'2026-12-01','launch_date':'2026-12-08','product_context':{'product_name':'p',"
                + "'product_description':'d','marketing_goal':'m','extra':{'k':[1]}}}");
        int rejected = everyVariant(valid, body -> campaignCommands.create(body, List::of));
        assertThat(rejected).isGreaterThan(50);
    }

    @Test
    void campaignPatchesAreAcceptedOrRejectedWithFieldErrors() {
        JsonNode valid = json("{'version':1,'campaign_name':'n','kpi':'k','channels':['x'],"
                + "'start_date':'2026-12-01','launch_date':'2026-12-08'}");
        int rejected = everyVariant(valid, campaignCommands::patch);
        assertThat(rejected).isGreaterThan(30);
    }

    @Test
    void proposalGenerationRequestsAreAcceptedOrRejectedWithFieldErrors() {
        JsonNode valid = json("{'campaign_id':'" + CAMPAIGN_ID + "','tier':'draft','product_context':{"
                + "'product_name':'p','product_description':'d','features':['a','b'],'price':9.5,'audience':'x'}}");
        int rejected = everyVariant(valid, body -> ProposalCommands.generate(body, CAMPAIGN_ID));
        assertThat(rejected).isGreaterThan(20);
    }

    @Test
    void proposalChangesAreAcceptedOrRejectedWithFieldErrors() {
        JsonNode valid = json("{'action':'edit','version':1,'proposed_prompt':'p','settings':{'tier':'premium','hook':'h',"
                + "'cta':'c','focal_subject':'f','shot_type':'s'}}");
        int rejected = everyVariant(valid, ProposalCommands::change);
        assertThat(rejected).isGreaterThan(30);
    }

    /** Runs {@code call} on every single-value variant of {@code valid}; returns how many were rejected. */
    private static int everyVariant(JsonNode valid, Consumer<JsonNode> call) {
        int rejected = 0;
        List<JsonNode> variants = new ArrayList<>(STRANGE_VALUES);
        collectVariants(valid, valid, variants);
        for (JsonNode variant : variants) {
            try {
                call.accept(variant);
            } catch (ValidationException e) {
                assertThat(e.fieldErrors()).as(variant.toString()).isNotEmpty();
                rejected++;
            }
        }
        return rejected;
    }

    private static void collectVariants(JsonNode root, JsonNode node, List<JsonNode> variants) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                for (JsonNode strange : STRANGE_VALUES) {
                    variants.add(replaced(root, node, copy -> ((ObjectNode) copy).set(name, strange)));
                }
                collectVariants(root, node.get(name), variants);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                for (JsonNode strange : STRANGE_VALUES) {
                    variants.add(replaced(root, node, copy -> ((ArrayNode) copy).set(index, strange)));
                }
                collectVariants(root, node.get(i), variants);
            }
        }
    }

    /** A deep copy of {@code root} where the copy of {@code target} is changed by {@code change}. */
    private static JsonNode replaced(JsonNode root, JsonNode target, Consumer<JsonNode> change) {
        JsonNode copy = root.deepCopy();
        change.accept(find(root, copy, target));
        return copy;
    }

    private static JsonNode find(JsonNode original, JsonNode copy, JsonNode target) {
        if (original == target) {
            return copy;
        }
        if (original.isContainerNode()) {
            if (original.isObject()) {
                for (Iterator<String> names = original.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    JsonNode found = find(original.get(name), copy.get(name), target);
                    if (found != null) {
                        return found;
                    }
                }
            } else {
                for (int i = 0; i < original.size(); i++) {
                    JsonNode found = find(original.get(i), copy.get(i), target);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}

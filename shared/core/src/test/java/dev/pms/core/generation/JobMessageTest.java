package dev.pms.core.generation;

import dev.pms.core.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit: provider job messages as the workflow and the single-asset services send them. */
class JobMessageTest {

    @Test
    void theWorkflowsMessageNamesTheCampaign() throws Exception {
        JobMessage message = Json.mapper().readValue("""
                {"user_id": "alice", "campaign_id": "c-1", "asset_library_id": "a-1", "task_token": "t-1", "poll": false}
                """, JobMessage.class);

        assertThat(message).isEqualTo(new JobMessage("alice", "a-1", "t-1", false, "c-1"));
        assertThat(message.asPoll()).isEqualTo(new JobMessage("alice", "a-1", "t-1", true, "c-1"));
    }

    @Test
    void aMessageWithoutCampaignOrWithFieldsOfALaterVersionIsStillAJob() throws Exception {
        JobMessage message = Json.mapper().readValue("""
                {"user_id": "alice", "asset_library_id": "a-1", "task_token": null, "poll": false, "priority": 3}
                """, JobMessage.class);

        assertThat(message).isEqualTo(new JobMessage("alice", "a-1", null, false));
        assertThat(message.campaignId()).isNull();
    }
}

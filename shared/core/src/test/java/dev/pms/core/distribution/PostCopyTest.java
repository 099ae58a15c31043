package dev.pms.core.distribution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostCopyTest {

    @Test
    void aSocialPostPublishesItsBodyAndNotTheAdVariantsBesideIt() {
        assertThat(PostCopy.messageOf("{\"caption\": \"Meet Aurora. #lamp\", \"ad_text\": \"Buy Aurora\"}"))
                .isEqualTo("Meet Aurora. #lamp");
        assertThat(PostCopy.messageOf("{\"text\": \" Ship notes \", \"ad_intro_text\": \"x\", \"headline\": \"y\"}"))
                .isEqualTo("Ship notes");
    }

    @Test
    void copyWithoutABodyPublishesEveryFieldAsAParagraphAndListsAsBullets() {
        assertThat(PostCopy.messageOf("{\"title\": \"Aurora\", \"description\": \"A lamp\", \"bullets\": [\"Warm\", \"Dim\"]}"))
                .isEqualTo("Aurora\n\nA lamp\n\n• Warm\n• Dim");
    }

    @Test
    void plainTextIsPublishedAsItIs() {
        assertThat(PostCopy.messageOf("Just text, {not json}\n")).isEqualTo("Just text, {not json}");
        assertThat(PostCopy.messageOf("{broken")).isEqualTo("{broken");
    }
}

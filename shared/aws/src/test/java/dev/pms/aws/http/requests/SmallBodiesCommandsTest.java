package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.board.MoveCard;
import dev.pms.core.channel.Channel;
import dev.pms.core.distribution.BuildSchedule;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import dev.pms.core.media.CreateUpload;
import dev.pms.core.media.UploadService;
import dev.pms.core.pack.ExportChannelPack;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static dev.pms.aws.http.requests.RequestBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit: the board, distribution, upload and channel pack bodies read into their commands, every field named. */
class SmallBodiesCommandsTest {

    @Test
    void aBoardMoveNeedsAKnownActionAndAPushBackAComment() {
        assertThat(BoardCommands.move(json("{'action':'push_back','comment':' Warmer light ','version':2}")))
                .isEqualTo(new MoveCard(MoveCard.Action.PUSH_BACK, 2, " Warmer light "));
        assertThat(BoardCommands.move(json("{'action':'approve','comment':' ','version':0}")))
                .isEqualTo(new MoveCard(MoveCard.Action.APPROVE, 0, null));
        assertThatThrownBy(() -> BoardCommands.move(json("{'action':'push_back','version':1}")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).extracting("field").containsExactly("comment"));
        assertThatThrownBy(() -> BoardCommands.move(json("{'action':'publish','version':1}")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aDistributionRequestNamesItsChannelsAndTimeZoneOrNothing() {
        assertThat(DistributionCommands.schedule((JsonNode) null)).isEqualTo(BuildSchedule.everyChannel());
        assertThat(DistributionCommands.schedule(json("{'channels':['x'],'timezone':'America/New_York'}")))
                .isEqualTo(new BuildSchedule(Set.of(Channel.TWITTER), ZoneId.of("America/New_York")));
        assertThatThrownBy(() -> DistributionCommands.schedule(json("{'channels':['myspace'],'timezone':'Mars/Base'}")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).fieldErrors()).extracting("field")
                        .containsExactly("channels[0]", "timezone"));
    }

    @Test
    void badUploadRequestsNameEveryField() {
        assertThat(UploadCommands.create(json("{'filename':'hero.png','mime_type':'image/png','bytes':1234}")))
                .isEqualTo(new CreateUpload("hero.png", "image/png", 1234, null, null));
        assertThatThrownBy(() -> UploadCommands.create(json("{'filename':'../etc/x','mime_type':'text/html','bytes':0}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("filename", "mime_type", "bytes"));
        assertThatThrownBy(() -> UploadCommands.create(json("{'filename':'x.png','mime_type':'image/png','bytes':"
                + (UploadService.MAX_UPLOAD_BYTES + 1) + "}"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> UploadCommands.create(json("{'filename':'x.png','mime_type':'image/png','bytes':1,"
                + "'campaign_id':'c'}"))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("node_id"));
    }

    @Test
    void anEmptyChannelListAnUnknownChannelOrAnUnknownFieldIsRejected() {
        assertThat(ChannelPackCommands.export((JsonNode) null)).isEqualTo(ExportChannelPack.allChannels());
        assertThat(ChannelPackCommands.export(json("{'channels':['X','instagram']}")))
                .isEqualTo(new ExportChannelPack(List.of(Channel.TWITTER, Channel.INSTAGRAM)));
        assertThatThrownBy(() -> ChannelPackCommands.export(json("{'channels':[]}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("channels"));
        assertThatThrownBy(() -> ChannelPackCommands.export(json("{'channel':['x']}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("channel"));
        assertThatThrownBy(() -> ChannelPackCommands.export(json("{'channels':['instagram','myspace',7]}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field).containsExactly("channels[1]", "channels[2]"));
    }
}

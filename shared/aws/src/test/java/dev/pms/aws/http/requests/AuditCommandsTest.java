package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.audit.AuditImage;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.audit.ImageTooLargeException;
import dev.pms.core.audit.UnsupportedMediaTypeException;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.DomainException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceTable;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

import static dev.pms.aws.http.requests.RequestBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unit: audit bodies read into their commands, names resolved against the catalogue, every field named. */
class AuditCommandsTest {
    private final ImageAuditService service = new ImageAuditService(ChannelCatalog.load(), PriceTable.load());
    private final AuditCommands commands = new AuditCommands(service);
    private final String image = Base64.getEncoder().encodeToString(png(40, 40));

    @Test
    void readsTheImageAndResolvesItsTarget() {
        ObjectNode body = Json.mapper().createObjectNode().put("image_base64", image);
        body.putObject("asset_metadata").put("target_channel", "X").put("placement", "Post_Image")
                .putArray("brand_palette").add("#112233");

        AuditImage request = commands.image(body);

        assertThat(request.imageBase64()).isEqualTo(image);
        assertThat(request.target().placement()).hasValueSatisfying(p -> assertThat(p.key()).isEqualTo("twitter/post_image"));
        assertThat(request.target().palette()).containsExactly("#112233");
    }

    @Test
    void malformedRequestsAreValidationErrorsNamingTheField() {
        assertThatThrownBy(() -> commands.image(Json.mapper().createObjectNode()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("image_base64"));
        assertThatThrownBy(() -> commands.image(json("{'image_base64': 12}"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> commands.image(json("[1]"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> commands.image((JsonNode) null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> commands.image(json("{'image_base64':'" + image + "','asset_metadata':"
                + "{'brand_palette':['red']}}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactly("asset_metadata.brand_palette[0]"));
    }

    @Test
    void strangeValuesInEveryFieldAreValidationErrors() {
        List<String> strangeValues = List.of("null", "0", "-1.5", "true", "\"\"", "\"x\"", "[]", "[null]", "{}",
                "{\"a\":[1]}", "\"" + "z".repeat(3_000) + "\"");
        for (String field : List.of("target_channel", "placement", "brand_palette")) {
            for (String value : strangeValues) {
                ObjectNode body = Json.mapper().createObjectNode().put("image_base64", image);
                body.putObject("asset_metadata").set(field, parse(value));
                auditOrValidationException(body);
            }
        }
        for (String value : strangeValues) {
            ObjectNode asMetadata = Json.mapper().createObjectNode().put("image_base64", image);
            asMetadata.set("asset_metadata", parse(value));
            auditOrValidationException(asMetadata);
            auditOrDomainException(parse("{\"image_base64\":" + value + "}"));
        }
    }

    private void auditOrValidationException(JsonNode body) {
        try {
            assertThat(service.audit(commands.image(body)).status()).isNotNull();
        } catch (ValidationException expected) {
            assertThat(expected.fieldErrors()).isNotEmpty();
        }
    }

    private void auditOrDomainException(JsonNode body) {
        try {
            assertThat(service.audit(commands.image(body)).assetInfo().width()).isPositive();
        } catch (DomainException expected) {
            assertThat(expected).isInstanceOfAny(ValidationException.class, ImageTooLargeException.class,
                    UnsupportedMediaTypeException.class);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

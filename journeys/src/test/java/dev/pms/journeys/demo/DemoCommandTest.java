package dev.pms.journeys.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's options, briefs, progress line and error text, without a devstack. */
class DemoCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int demo(Map<String, String> options) {
        return DemoCommand.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBriefThatIsNotJsonSaysWhereAndExits2(@TempDir Path dir) throws IOException {
        Path brief = Files.writeString(dir.resolve("brief.json"), "{\"campaign_name\": \"Launch\",\n  \"goal\": }\n");

        assertThat(demo(Map.of("brief", brief.toString()))).isEqualTo(2);

        assertThat(errors()).contains(brief.toString()).contains("is not valid JSON").contains("line 2, column");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBriefWithoutTheRequiredFieldsListsEveryProblemAndExits2(@TempDir Path dir) throws IOException {
        Path brief = Files.writeString(dir.resolve("brief.json"), """
                {"campaign_name": " ", "channels": ["email", 7], "product_context": {"product_name": "Acme"},
                 "brand_profile": "friendly"}
                """);

        assertThat(demo(Map.of("brief", brief.toString()))).isEqualTo(2);

        assertThat(errors()).contains("cannot be used")
                .contains("campaign_name: must be non-empty text")
                .contains("goal: is required")
                .contains("channels[1]: must be a channel name, not 7")
                .contains("product_context.product_description: is required")
                .contains("brand_profile: must be an object")
                .doesNotContain("product_context.product_name");
    }

    @Test
    void aMissingOrNonObjectBriefExits2(@TempDir Path dir) throws IOException {
        assertThat(demo(Map.of("brief", dir.resolve("nope.json").toString()))).isEqualTo(2);
        assertThat(errors()).contains("cannot read the brief").contains("no such file");

        Path list = Files.writeString(dir.resolve("list.json"), "[1, 2]");
        assertThat(demo(Map.of("brief", list.toString()))).isEqualTo(2);
        assertThat(errors()).contains("must be a JSON object");
    }

    @Test
    void theBuiltInBriefIsTheAcmeNotesLaunchWithItsBrandProfileKeptApart() {
        DemoBrief brief = DemoBrief.defaultBrief();

        assertThat(brief.campaignName()).isEqualTo("Acme Notes launch");
        assertThat(brief.channels()).containsExactly("instagram", "linkedin", "email");
        assertThat(brief.blueprint().get("goal").asText()).isEqualTo("product_launch");
        assertThat(brief.blueprint().has("brand_profile")).isFalse();
        assertThat(brief.brandProfile().has("color_palette")).isTrue();
    }

    @Test
    void badOptionsExit2AndANonAnsweringUrlExits1() throws IOException {
        assertThat(demo(Map.of("timeout", "soon"))).isEqualTo(2);
        assertThat(errors()).contains("--timeout");
        assertThat(demo(Map.of("url", "localhost:3000"))).isEqualTo(2);
        assertThat(errors()).contains("--url");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(demo(Map.of("url", "http://127.0.0.1:" + closedPort))).isEqualTo(1);
        assertThat(errors()).contains("no devstack answers on http://127.0.0.1:" + closedPort);
    }

    @Test
    void theProgressLineFillsWithWhatIsDone() {
        assertThat(ProgressBar.render(9, 0, 14, new BigDecimal("0.4123"), null))
                .isEqualTo("[#########.....] 9/14 ready, 0 failed, $0.41");
        assertThat(ProgressBar.render(2, 1, 3, null, "generating"))
                .isEqualTo("[##########] 2/3 ready, 1 failed, $0.00 (generating)");

        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(console, true, StandardCharsets.UTF_8));
        bar.update(0, 0, 10, BigDecimal.ZERO, "generating");
        bar.update(0, 0, 10, BigDecimal.ZERO, "generating");
        bar.update(10, 0, 10, BigDecimal.ONE, "ok");
        bar.finish();
        String shown = console.toString(StandardCharsets.UTF_8);
        assertThat(shown.chars().filter(c -> c == '\r').count()).isEqualTo(2);
        assertThat(shown).endsWith(" " + System.lineSeparator());
        assertThat(shown.stripTrailing()).endsWith("[##########] 10/10 ready, 0 failed, $1.00 (ok)");
    }

    @Test
    void aProblemBodyIsPrintedFieldByField() {
        String text = DemoApi.describeError("""
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "the campaign is not valid", "errors": [{"field": "channels[0]", "message": "unknown channel"}],
                 "request_id": "req-1"}
                """);

        assertThat(text).contains("title:   Bad Request").contains("detail:  the campaign is not valid")
                .contains("error:   channels[0]: unknown channel").contains("request: req-1");
        assertThat(DemoApi.describeError("<html>oops</html>")).isEqualTo("  <html>oops</html>");
    }

    @Test
    void filesAreNamedByMimeTypeAndSafePlacement() {
        assertThat(DemoOutput.extension("image/png")).isEqualTo("png");
        assertThat(DemoOutput.extension("image/jpeg")).isEqualTo("jpg");
        assertThat(DemoOutput.extension("video/mp4")).isEqualTo("mp4");
        assertThat(DemoOutput.extension("audio/wav")).isEqualTo("wav");
        assertThat(DemoOutput.extension("text/plain; charset=utf-8")).isEqualTo("txt");
        assertThat(DemoOutput.extension("application/json")).isEqualTo("json");
        assertThat(DemoOutput.safe("Feed Portrait/../x")).isEqualTo("feed-portrait-x");
    }
}

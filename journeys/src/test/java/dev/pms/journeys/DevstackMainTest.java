package dev.pms.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.devstack.auth.JwtAuthorizer;
import dev.pms.devstack.auth.LocalJwtIssuer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;

/** The CLI without starting anything: usage, exit codes, {@code token}. */
class DevstackMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DevstackMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandPrintsUsageToStderrAndExits2() {
        assertThat(run("deploy")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: deploy").contains("usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(run()).isEqualTo(2);
        assertThat(run("up", "--bogus", "1")).isEqualTo(2);
        assertThat(run("token")).isEqualTo(2);
    }

    @Test
    void tokenPrintsExactlyOneLineThatTheGatewayKeyAccepts(@TempDir Path data) {
        assertThat(run("token", "--user", "alice", "--data", data.toString())).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().toList()).hasSize(1);
        assertThat(printed).endsWith(System.lineSeparator());
        LocalJwtIssuer sameKey = LocalJwtIssuer.loadOrCreate(data);
        JwtAuthorizer.Decision decision = JwtAuthorizer.forLocalIssuer(sameKey).authorize("Bearer " + printed.trim());
        assertThat(decision.authorized()).isTrue();
        assertThat(decision.claims()).containsEntry("sub", "alice");
    }

    @Test
    void parsesOptionsAndTemplateParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> options = DevstackMain.parseOptions(
                List.of("--port", "3100", "--data=/tmp/d", "--param", "Stage=prod"), parameters);
        assertThat(options).isEqualTo(Map.of("port", "3100", "data", "/tmp/d"));
        assertThat(parameters).isEqualTo(Map.of("Stage", "prod"));
    }

    @Test
    void theConsoleIsReadableByDefaultJsonOnRequestAndNothingElse() {
        assertThat(run("token", "--user", "alice", "--log-format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--log-format is human or json");
        Map<String, String> options = DevstackMain.parseOptions(List.of("--log-format", "json", "--log-file", "l.json"),
                new LinkedHashMap<>());
        assertThat(options).isEqualTo(Map.of("log-format", "json", "log-file", "l.json"));
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[--log-format human|json] [--log-file FILE]");
    }

    @Test
    void noSchedulesIsAFlagWithoutValue() {
        Map<String, String> options = DevstackMain.parseOptions(List.of("--no-schedules", "--port", "3100"),
                new LinkedHashMap<>());
        assertThat(options).isEqualTo(Map.of("no-schedules", "true", "port", "3100"));
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--no-schedules");
    }

    @Test
    void demoIsInTheHelpAndABadBriefStopsItWithExitCode2(@TempDir Path dir) throws IOException {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("demo [--brief FILE] [--out DIR]");
        Path brief = Files.writeString(dir.resolve("brief.json"), "{\"goal\": \"awareness\"}");
        assertThat(run("demo", "--brief", brief.toString(), "--out", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("campaign_name: is required");
    }

    @Test
    void helpOnEveryCommandPrintsTheUsageToStdoutAndExits0() {
        for (List<String> args : List.of(List.of("up", "--help"), List.of("up", "--port", "3200", "--help"),
                List.of("token", "--help"), List.of("plan", "-h"), List.of("demo", "--help"), List.of("--help"),
                List.of("help"))) {
            out.reset();
            err.reset();
            assertThat(run(args.toArray(String[]::new))).as("%s", args).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as("%s", args).startsWith("usage:")
                    .contains("up [--port N]").contains("plan --user NAME");
            assertThat(err.toString(StandardCharsets.UTF_8)).as("%s", args).isEmpty();
        }
    }
}

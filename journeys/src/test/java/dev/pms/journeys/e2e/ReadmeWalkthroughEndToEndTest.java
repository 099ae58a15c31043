package dev.pms.journeys.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's walkthrough as written: every {@code bash} block of its "Walkthrough" section, in order, in one
 * bash process from the repository root, against a devstack. Two things differ from a reader's shell, both set up
 * before the first block and neither touching a command: {@code PORT=3000} names the test devstack's port, and
 * {@code java -jar journeys/target/devstack.jar} (not built in the test phase) runs the same CLI from the test's
 * class path with the devstack's signing key. {@code curl} fails on any HTTP error, so a 4xx or 5xx anywhere stops
 * the walkthrough and fails the test. Needs bash, curl (7.76+), jq and base64: skipped without them, failed under CI.
 */
@ExtendWith(DevstackExtension.class)
public class ReadmeWalkthroughEndToEndTest {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final String SECTION = "## Walkthrough (with `up` running)";

    /** The bash blocks of the README's walkthrough section, in order. */
    public static List<String> walkthroughBlocks(String readme) {
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README.md has the section " + SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        int subsection = readme.indexOf("\n### ", start + SECTION.length());
        if (subsection >= 0 && (end < 0 || subsection < end)) {
            end = subsection;
        }
        Matcher blocks = BASH_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    @Test
    void theReadmeWalkthroughRunsAsWritten(Devstack devstack, @TempDir Path dir) throws Exception {
        for (String tool : List.of("bash", "curl", "jq", "base64")) {
            if (!onPath(tool)) {
                String missing = tool + " is not on the PATH (.ci/run installs it)";
                assertThat(System.getenv("CI")).as(missing).isNull();
                assumeTrue(false, missing);
            }
        }
        Path root = repositoryRoot();
        List<String> blocks = walkthroughBlocks(Files.readString(root.resolve("README.md")));
        String script = String.join("\n", blocks);
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        assertThat(script).contains("PORT=3000").contains("-X PUT \"$(jq -r .upload_url")
                .contains("examples/product.png").contains("examples/metrics.csv")
                .contains("java -jar journeys/target/devstack.jar plan --user alice --tier pro --port $PORT");

        String preamble = """
                set -euo pipefail
                curl() { command curl --fail-with-body "$@"; }
                java() {
                  if [ "$1" = -jar ] && [ "$2" = journeys/target/devstack.jar ]; then
                    shift 2; command "$WALKTHROUGH_JAVA" -cp "$WALKTHROUGH_CLASSPATH" dev.pms.journeys.DevstackMain "$@"
                  else command java "$@"; fi
                }
                """;
        String walkthrough = script.replaceFirst("(?m)^PORT=3000", "PORT=" + devstack.baseUri().getPort());
        Path file = Files.writeString(dir.resolve("walkthrough.sh"), preamble + walkthrough);
        Path output = dir.resolve("walkthrough.out");
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("WALKTHROUGH_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("WALKTHROUGH_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("PMS_DEVSTACK_HOME", devstack.options().signingKeyDirectory().toString());
        Process bash = builder.start();
        boolean finished = bash.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            bash.descendants().forEach(ProcessHandle::destroyForcibly);
            bash.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the walkthrough finished within 300 s; it printed:%n%s", tail(printed)).isTrue();
        assertThat(bash.exitValue()).as("the walkthrough's exit code; it printed:%n%s", tail(printed)).isZero();
        assertThat(printed).contains("\"status\":\"stopped\"").containsPattern("\"status\":\"(succeeded|completed_with_failures)\"")
                .contains("\"imported\":6").contains("\"status\":\"approved_for_publish\"");
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, tool)));
    }

    private static Path repositoryRoot() throws IOException {
        Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("README.md")) && Files.isRegularFile(directory.resolve("template.yaml"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IOException("no README.md beside template.yaml above " + System.getProperty("user.dir"));
    }
}

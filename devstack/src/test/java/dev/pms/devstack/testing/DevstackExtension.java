package dev.pms.devstack.testing;

import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.schedules.ScheduleClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import java.nio.file.FileSystemNotFoundException;
import java.util.function.Function;

/**
 * JUnit 5: starts the whole {@link Devstack} once per test JVM (per template) and resolves {@code Devstack}
 * parameters. Ephemeral port, everything in memory, a throw-away JWT signing key, and the repository's
 * {@code template.yaml} found walking up from {@code user.dir} (or {@link DevstackTemplate}). EventBridge schedules
 * run only when a test asks ({@code POST /_devstack/schedules/{name}/run}) unless the class is
 * {@link FiringSchedules}.
 *
 * <pre>{@code
 * @ExtendWith(DevstackExtension.class)
 * class CampaignEndToEndTest {
 *     @Test
 *     void createsABlueprint(Devstack devstack) {
 *         String token = devstack.tokenFor("alice");
 *         URI create = URI.create(devstack.apiBase() + "/campaigns/create-blueprint");
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class DevstackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevstackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        devstack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Devstack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return devstack(extensionContext);
    }

    private static Devstack devstack(ExtensionContext context) {
        String location = context.getTestClass()
                .map(testClass -> testClass.getAnnotation(DevstackTemplate.class))
                .map(DevstackTemplate::value)
                .orElse("");
        Map<String, String> parameters = pairs(context, DevstackParameters::value);
        Map<String, String> functionProperties = pairs(context, DevstackParameters::functionProperties);
        FiringSchedules firing = context.getTestClass()
                .map(testClass -> testClass.getAnnotation(FiringSchedules.class))
                .orElse(null);
        String key = "devstack:" + location + parameters + functionProperties;
        if (firing == null) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(key, k -> start(location, null, parameters, functionProperties),
                            RunningDevstack.class)
                    .devstack();
        }
        return classContext(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(key + ":firing", k -> start(location, firing, parameters, functionProperties),
                        RunningDevstack.class)
                .devstack();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static Map<String, String> pairs(ExtensionContext context,
                                             Function<DevstackParameters, String[]> attribute) {
        Map<String, String> pairs = new TreeMap<>();
        context.getTestClass().map(testClass -> testClass.getAnnotation(DevstackParameters.class))
                .map(attribute)
                .ifPresent(values -> {
                    for (String pair : values) {
                        int equals = pair.indexOf('=');
                        if (equals < 1) {
                            throw new IllegalArgumentException("@DevstackParameters entries are Name=value, not " + pair);
                        }
                        pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
                    }
                });
        return pairs;
    }

    private static RunningDevstack start(String location, FiringSchedules firing, Map<String, String> parameters,
                                         Map<String, String> functionProperties) {
        try {
            Path keyDirectory = Files.createTempDirectory("pms-devstack-test-key");
            DevstackOptions options = DevstackOptions.defaults()
                    .withPort(0)
                    .withSigningKeyDirectory(keyDirectory)
                    .withAutomaticSchedules(firing != null);
            if (firing != null) {
                options = options.withScheduleClock(ScheduleClock.accelerated(Instant.now(), firing.speed()));
            }
            Path template = templatePath(location);
            if (template != null) {
                options = options.withTemplate(template);
            }
            if (!parameters.isEmpty()) {
                options = options.withParameterOverrides(parameters);
            }
            Devstack devstack = Devstack.start(options);
            if (!functionProperties.isEmpty()) {
                devstack.functions().addFunctionProperties(functionProperties);
            }
            return new RunningDevstack(devstack, keyDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path templatePath(String location) {
        if (location.isEmpty()) {
            return null;
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("No classpath resource " + resource);
            }
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException | FileSystemNotFoundException e) {
                throw new IllegalStateException("Template " + resource + " must be a file on the test classpath", e);
            }
        }
        return Path.of(System.getProperty("user.dir")).resolve(location);
    }

    /** Closes the devstack when the root context (the test JVM's run) ends. */
    private record RunningDevstack(Devstack devstack, Path keyDirectory)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            devstack.close();
            try (var files = Files.list(keyDirectory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(keyDirectory);
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}

package dev.pms.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one {@link LocalAws} per test JVM (kept in the root store, closed when the JVM's tests end),
 * with the test class's template provisioned once (see {@link LocalAwsTemplate}; default: the
 * {@code template.yaml} found walking up from {@code user.dir}). Resolves {@link LocalAws} and
 * {@link ProvisionedResources} parameters.
 */
public final class LocalAwsExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalAwsExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        provisioned(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == LocalAws.class || type == ProvisionedResources.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == LocalAws.class) {
            return shared(extensionContext).localAws;
        }
        if (type == ProvisionedResources.class) {
            return provisioned(extensionContext);
        }
        throw new ParameterResolutionException("LocalAwsExtension cannot resolve " + type);
    }

    private static SharedLocalAws shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedLocalAws.class, key -> new SharedLocalAws(LocalAws.start(null)),
                        SharedLocalAws.class);
    }

    private static ProvisionedResources provisioned(ExtensionContext context) {
        SharedLocalAws shared = shared(context);
        String templateLocation = context.getTestClass()
                .map(testClass -> testClass.getAnnotation(LocalAwsTemplate.class))
                .map(LocalAwsTemplate::value)
                .orElse("");
        return shared.provisionedByTemplate.computeIfAbsent(templateLocation,
                location -> TemplateProvisioner.provision(shared.localAws, loadTemplate(location), Map.of()));
    }

    static SamTemplate loadTemplate(String location) {
        if (location.isEmpty()) {
            Path start = Path.of(System.getProperty("user.dir"));
            return SamTemplate.load(SamTemplate.findUpwards(start).orElseThrow(() -> new IllegalStateException(
                    "No template.yaml in " + start + " or any parent directory")));
        }
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("No classpath resource " + resource);
            }
            try (InputStream in = url.openStream()) {
                return SamTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return SamTemplate.load(Path.of(System.getProperty("user.dir")).resolve(location));
    }

    private static final class SharedLocalAws implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final LocalAws localAws;
        final Map<String, ProvisionedResources> provisionedByTemplate = new ConcurrentHashMap<>();

        SharedLocalAws(LocalAws localAws) {
            this.localAws = localAws;
        }

        @Override
        public void close() {
            localAws.close();
        }
    }
}

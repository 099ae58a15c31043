package dev.pms.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A SAM/CloudFormation template as plain maps and lists. Short intrinsic tags ({@code !Ref x},
 * {@code !Sub ...}, {@code !GetAtt A.B} ...) are read as their long forms ({@code {"Ref": "x"}},
 * {@code {"Fn::Sub": ...}}, {@code {"Fn::GetAtt": ["A", "B"]}}), so the resolver sees one shape only.
 */
public final class SamTemplate {

    /** A declared template parameter; {@code defaultValue} is null when the template gives none. */
    public record Parameter(String name, String type, Object defaultValue, List<String> allowedValues) {
    }

    /** A resource as declared: logical id, {@code Type}, {@code Properties} (never null), optional {@code Condition}. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, String condition) {
    }

    static final List<String> SHORT_FUNCTION_TAGS = List.of("Sub", "GetAtt", "Join", "If", "Equals", "Select",
            "Split", "FindInMap", "Not", "And", "Or", "ImportValue", "Base64", "Cidr", "GetAZs", "Transform");

    private final Path path;
    private final Map<String, Object> root;

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    public static SamTemplate load(Path path) {
        try {
            return parse(Files.readString(path), path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + path, e);
        }
    }

    public static SamTemplate parse(String yaml) {
        return parse(yaml, null);
    }

    private static SamTemplate parse(String yaml, Path path) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new IntrinsicTagConstructor(options)).load(yaml);
        } catch (RuntimeException e) {
            throw new TemplateException("Template " + (path == null ? "" : path + " ") + "is not valid YAML: "
                    + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("Template " + (path == null ? "" : path + " ") + "is not a YAML mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) map;
        if (!(root.get("Resources") instanceof Map)) {
            throw new TemplateException("Template " + (path == null ? "" : path + " ") + "has no Resources section");
        }
        SamTemplate template = new SamTemplate(path, root);
        template.resources(); // fail early on a resource without a Type
        return template;
    }

    /** Walks up from {@code start} to the first directory holding {@code template.yaml}. */
    public static Optional<Path> findUpwards(Path start) {
        for (Path directory = start.toAbsolutePath().normalize(); directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The template file, or null when parsed from a string. */
    public Path path() {
        return path;
    }

    public Map<String, Object> raw() {
        return Collections.unmodifiableMap(root);
    }

    public Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        section("Parameters").forEach((name, declaration) -> {
            Map<String, Object> fields = asMap(declaration, "Parameters." + name);
            List<String> allowed = new ArrayList<>();
            if (fields.get("AllowedValues") instanceof List<?> values) {
                values.forEach(value -> allowed.add(String.valueOf(value)));
            }
            parameters.put(name, new Parameter(name, String.valueOf(fields.getOrDefault("Type", "String")),
                    fields.get("Default"), List.copyOf(allowed)));
        });
        return parameters;
    }

    public Map<String, Object> globals() {
        return section("Globals");
    }

    /** {@code Globals.<kind>}, e.g. {@code globalsFor("Function")}; empty when absent. */
    public Map<String, Object> globalsFor(String kind) {
        Object value = globals().get(kind);
        return value == null ? Map.of() : asMap(value, "Globals." + kind);
    }

    public Map<String, Object> conditions() {
        return section("Conditions");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    public Map<String, Object> outputs() {
        return section("Outputs");
    }

    public Map<String, Resource> resources() {
        Map<String, Resource> resources = new LinkedHashMap<>();
        section("Resources").forEach((logicalId, declaration) -> {
            Map<String, Object> fields = asMap(declaration, "Resources." + logicalId);
            Object type = fields.get("Type");
            if (!(type instanceof String typeName)) {
                throw new TemplateException("Resources." + logicalId + " has no Type");
            }
            Object properties = fields.get("Properties");
            resources.put(logicalId, new Resource(logicalId, typeName,
                    properties == null ? Map.of() : asMap(properties, "Resources." + logicalId + ".Properties"),
                    fields.get("Condition") == null ? null : String.valueOf(fields.get("Condition"))));
        });
        return resources;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(resource -> resource.type().equals(type)).toList();
    }

    public Resource resource(String logicalId) {
        Resource resource = resources().get(logicalId);
        if (resource == null) {
            throw new TemplateException("Template has no resource '" + logicalId + "'");
        }
        return resource;
    }

    private Map<String, Object> section(String name) {
        Object value = root.get(name);
        return value == null ? Map.of() : asMap(value, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateException(where + " must be a mapping but is " + describe(value));
    }

    /** A template mapping as {@code Map<String, Object>}; a non-mapping fails. */
    public static Map<String, Object> asMapOf(Object value) {
        return asMap(value, "value");
    }

    static String describe(Object value) {
        return value == null ? "empty" : value.getClass().getSimpleName() + " '" + value + "'";
    }

    /** Reads short-form intrinsic tags as the long-form single-key maps CloudFormation defines. */
    private static final class IntrinsicTagConstructor extends SafeConstructor {

        IntrinsicTagConstructor(LoaderOptions options) {
            super(options);
            // keep dates such as IAM's "Version: 2012-10-17" as the strings CloudFormation sees
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new IntrinsicConstruct("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new IntrinsicConstruct("Condition"));
            for (String function : SHORT_FUNCTION_TAGS) {
                yamlConstructors.put(new Tag("!" + function), new IntrinsicConstruct("Fn::" + function));
            }
        }

        private final class IntrinsicConstruct extends AbstractConstruct {
            private final String longName;

            IntrinsicConstruct(String longName) {
                this.longName = longName;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    String text = constructScalar(scalar);
                    if (longName.equals("Fn::GetAtt")) {
                        int dot = text.indexOf('.');
                        if (dot < 1) {
                            throw new TemplateException("!GetAtt " + text + " must be LogicalId.Attribute");
                        }
                        argument = List.of(text.substring(0, dot), text.substring(dot + 1));
                    } else {
                        argument = text;
                    }
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(longName, argument);
                return intrinsic;
            }
        }
    }
}

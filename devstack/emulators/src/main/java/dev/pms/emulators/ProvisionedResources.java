package dev.pms.emulators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the local AWS made of a template's resources, keyed by logical id: the physical name, what
 * {@code Ref} returns and the {@code Fn::GetAtt} attributes. Used by the intrinsic resolver and by tests
 * ({@code resources.tableName("AppTable")}).
 */
public final class ProvisionedResources {

    public static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";
    public static final String S3_BUCKET = "AWS::S3::Bucket";
    public static final String SQS_QUEUE = "AWS::SQS::Queue";
    public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
    public static final String LAMBDA_FUNCTION = "AWS::Lambda::Function";
    public static final String SERVERLESS_STATE_MACHINE = "AWS::Serverless::StateMachine";
    public static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";
    public static final String SERVERLESS_HTTP_API = "AWS::Serverless::HttpApi";
    public static final String SERVERLESS_API = "AWS::Serverless::Api";

    /**
     * One resource. {@code ref} is what {@code Ref} yields (table/bucket/function name, queue URL, state
     * machine ARN); {@code attributes} are the {@code Fn::GetAtt} names (Arn, QueueUrl, QueueName, Name).
     */
    public record Resource(String logicalId, String type, String physicalName, String ref,
                           Map<String, String> attributes) {

        public Resource {
            attributes = Map.copyOf(attributes);
        }

        public String arn() {
            return attributes.get("Arn");
        }

        public String attribute(String name) {
            String value = attributes.get(name);
            if (value == null) {
                throw new TemplateException("Fn::GetAtt " + logicalId + "." + name + ": " + type + " '" + logicalId
                        + "' has no attribute '" + name + "' locally (supported: "
                        + String.join(", ", attributes.keySet().stream().sorted().toList()) + ")");
            }
            return value;
        }
    }

    private final Map<String, Resource> byLogicalId;

    public ProvisionedResources(Map<String, Resource> byLogicalId) {
        this.byLogicalId = Collections.unmodifiableMap(new LinkedHashMap<>(byLogicalId));
    }

    public static ProvisionedResources empty() {
        return new ProvisionedResources(Map.of());
    }

    public Map<String, Resource> all() {
        return byLogicalId;
    }

    public Optional<Resource> find(String logicalId) {
        return Optional.ofNullable(byLogicalId.get(logicalId));
    }

    public Resource get(String logicalId) {
        Resource resource = byLogicalId.get(logicalId);
        if (resource == null) {
            throw new TemplateException("No provisioned resource '" + logicalId + "' (known: "
                    + String.join(", ", byLogicalId.keySet()) + ")");
        }
        return resource;
    }

    public List<Resource> ofType(String type) {
        return byLogicalId.values().stream().filter(resource -> resource.type().equals(type)).toList();
    }

    public String tableName(String logicalId) {
        return expect(logicalId, DYNAMODB_TABLE).physicalName();
    }

    public String bucketName(String logicalId) {
        return expect(logicalId, S3_BUCKET).physicalName();
    }

    public String queueUrl(String logicalId) {
        return expect(logicalId, SQS_QUEUE).attribute("QueueUrl");
    }

    public String queueArn(String logicalId) {
        return expect(logicalId, SQS_QUEUE).arn();
    }

    public String queueName(String logicalId) {
        return expect(logicalId, SQS_QUEUE).physicalName();
    }

    /** Table names by logical id, in template order. */
    public Map<String, String> tableNames() {
        return physicalNames(DYNAMODB_TABLE);
    }

    /** Bucket names by logical id, in template order. */
    public Map<String, String> bucketNames() {
        return physicalNames(S3_BUCKET);
    }

    /** Queue URLs by logical id, in template order. */
    public Map<String, String> queueUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        ofType(SQS_QUEUE).forEach(queue -> urls.put(queue.logicalId(), queue.attribute("QueueUrl")));
        return urls;
    }

    private Map<String, String> physicalNames(String type) {
        Map<String, String> names = new LinkedHashMap<>();
        ofType(type).forEach(resource -> names.put(resource.logicalId(), resource.physicalName()));
        return names;
    }

    private Resource expect(String logicalId, String type) {
        Resource resource = get(logicalId);
        if (!resource.type().equals(type)) {
            throw new TemplateException("'" + logicalId + "' is a " + resource.type() + ", not a " + type);
        }
        return resource;
    }

    @Override
    public String toString() {
        return "ProvisionedResources" + byLogicalId.keySet();
    }
}

package dev.pms.aws.dynamodb;

import dev.pms.aws.config.FixedClockFactory;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;

import java.util.Map;

/** Builds a function-like application context wired to the local emulators, as the devstack does. */
public final class LocalAwsContexts {
    private LocalAwsContexts() {
    }

    public static ApplicationContext start(LocalAws aws, ProvisionedResources resources) {
        return builder(aws, resources).start();
    }

    /** The same context with every service's clock stopped at {@code instant}, for tests that compare whole bodies. */
    public static ApplicationContext startAt(LocalAws aws, ProvisionedResources resources, String instant) {
        return builder(aws, resources).properties(Map.of(FixedClockFactory.INSTANT, instant)).start();
    }

    /** The same context not yet started, for a test that adds properties or beans (e.g. a fixed clock). */
    public static ApplicationContextBuilder builder(LocalAws aws, ProvisionedResources resources) {
        return ApplicationContext.builder().properties(Map.of(
                "table.name", resources.tableName("AppTable"),
                "media.bucket", resources.bucketName("MediaBucket"),
                "aws.region", aws.region(),
                "aws.services.dynamodb.endpoint-override", aws.dynamoDbEndpoint().toString(),
                "aws.services.s3.endpoint-override", aws.s3Endpoint().toString(),
                "aws.services.sqs.endpoint-override", aws.sqsEndpoint().toString(),
                "aws.local-credentials.access-key-id", aws.accessKeyId(),
                "aws.local-credentials.secret-access-key", aws.secretAccessKey(),
                "aws.s3.path-style-access", "true",
                "page.token.key", "integration-test-page-token-key"));
    }
}

package dev.pms.aws.config;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.time.Duration;
import java.util.Set;

/**
 * Retries only what another attempt can fix: throttling, server faults and lost connections. A request the service
 * refused as invalid is refused again on every attempt, so it fails at once, whatever HTTP status the service (or an
 * emulator) gave it.
 */
final class DynamoDbRetries {
    static final int MAX_ATTEMPTS = 4;
    private static final Set<String> NEVER_RETRIED = Set.of("ValidationException", "SerializationException",
            "ConditionalCheckFailedException", "TransactionCanceledException", "ResourceNotFoundException");

    private DynamoDbRetries() {
    }

    static StandardRetryStrategy strategy() {
        return StandardRetryStrategy.builder()
                .useClientDefaults(false)
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(25), Duration.ofSeconds(1)))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2)))
                .treatAsThrottling(failure -> failure instanceof AwsServiceException service && service.isThrottlingException())
                .retryOnException(DynamoDbRetries::isWorthAnotherAttempt)
                .build();
    }

    static boolean isWorthAnotherAttempt(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (code != null && NEVER_RETRIED.contains(code)) {
                return false;
            }
            return service.isThrottlingException() || service.statusCode() >= 500;
        }
        return failure instanceof SdkClientException;
    }
}

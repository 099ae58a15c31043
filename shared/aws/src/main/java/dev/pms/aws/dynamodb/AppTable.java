package dev.pms.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The single application table. Partition key {@code pk} is the tenant ({@code USER#<sub>}),
 * sort key {@code sk} the item; local index {@code lsi1} orders a tenant's items by {@code lsi1sk}; the sparse global
 * index {@code gsi1} lists items across tenants by {@code gsi1pk}/{@code gsi1sk}.
 */
@Singleton
public class AppTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String LSI1 = "lsi1";
    public static final String LSI1_SK = "lsi1sk";
    /** Global index {@code gsi1}: a sparse, keys-only index across tenants (active campaigns). */
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String VERSION = "version";
    public static final String DOCUMENT = "doc";
    public static final String TYPE = "item_type";
    /** The table's time-to-live attribute: epoch seconds after which DynamoDB deletes the item. */
    public static final String EXPIRES_AT = "expires_at";

    private final String name;

    public AppTable(@Value("${table.name}") String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public static String tenantKey(String userId) {
        return "USER#" + userId;
    }
}

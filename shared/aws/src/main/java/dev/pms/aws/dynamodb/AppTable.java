package dev.pms.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The single application table. Partition key {@code pk} is the tenant ({@code USER#<sub>}),
 * sort key {@code sk} the item; local index {@code lsi1} orders a tenant's items by {@code lsi1sk}.
 */
@Singleton
public class AppTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String LSI1 = "lsi1";
    public static final String LSI1_SK = "lsi1sk";
    public static final String VERSION = "version";
    public static final String DOCUMENT = "doc";
    public static final String TYPE = "item_type";

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

package dev.pms.aws.dynamodb;

import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.Channel;
import dev.pms.core.personalization.Signal;
import dev.pms.core.personalization.SignalKind;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.LocalAwsExtension;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Preference signals on moto, one item per signal with the table's TTL attribute. */
@ExtendWith(LocalAwsExtension.class)
class DynamoSignalLogIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static ApplicationContext context;
    private static DynamoSignalLog log;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.start(aws, resources);
        log = context.getBean(DynamoSignalLog.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void signalsReadBackNewestFirstWithinTheLimitAndOnlyForTheirUser() {
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            signals.add(Signal.blueprintCreated(List.of(Channel.INSTAGRAM), Goal.AWARENESS, NOW.plusMillis(i * 1500L)));
        }
        log.append(alice, signals, NOW.plusSeconds(86_400));
        log.append(bob, List.of(Signal.studioSettingsSubmitted("product_photoshoot", Map.of("lighting", "soft"), NOW)),
                NOW.plusSeconds(86_400));

        List<Signal> recent = log.recent(alice, 12);

        assertThat(recent).hasSize(12);
        assertThat(recent.get(0)).isEqualTo(signals.get(29));
        assertThat(recent.get(11)).isEqualTo(signals.get(18));
        assertThat(log.recent(bob, 10)).singleElement().satisfies(signal -> {
            assertThat(signal.kind()).isEqualTo(SignalKind.STUDIO_SETTINGS_SUBMITTED);
            assertThat(signal.map(Signal.SETTINGS)).containsEntry("lighting", "soft");
        });
    }

    @Test
    void eachItemCarriesTheTtlAttributeAndNoUserDataButItsKey() {
        String carol = "carol-" + UUID.randomUUID();
        log.append(carol, List.of(Signal.blueprintCreated(List.of(Channel.TIKTOK), Goal.CONVERSION, NOW)),
                Instant.ofEpochSecond(1_900_000_000L));

        DynamoDbClient dynamo = context.getBean(DynamoDbClient.class);
        AppTable table = context.getBean(AppTable.class);
        List<Map<String, AttributeValue>> items = dynamo.query(query -> query.tableName(table.name())
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AppTable.tenantKey(carol))))).items();

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get(AppTable.EXPIRES_AT).n()).isEqualTo("1900000000");
            assertThat(item.get(AppTable.SK).s()).startsWith("SIGNAL#2026-12-01T12:00:00.000Z#");
            assertThat(item.get(AppTable.TYPE).s()).isEqualTo("preference_signal");
            assertThat(item.get(AppTable.DOCUMENT).s()).doesNotContain(carol);
        });
    }

    @Test
    void forgettingDeletesEverySignalOfTheUserOnly() {
        String dave = "dave-" + UUID.randomUUID();
        String erin = "erin-" + UUID.randomUUID();
        List<Signal> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(Signal.blueprintCreated(List.of(Channel.EMAIL), Goal.RETENTION, NOW.plusSeconds(i)));
        }
        log.append(dave, many, NOW.plusSeconds(60));
        log.append(erin, many.subList(0, 2), NOW.plusSeconds(60));

        assertThat(log.forget(dave)).isEqualTo(40);
        assertThat(log.recent(dave, 100)).isEmpty();
        assertThat(log.recent(erin, 100)).hasSize(2);
    }
}

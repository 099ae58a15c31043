package dev.pms.devstack.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.emulators.IntrinsicResolver;
import dev.pms.emulators.ProvisionedResources;
import dev.pms.emulators.SamTemplate;
import dev.pms.emulators.TemplateException;
import dev.pms.emulators.TemplateProvisioner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code Type: ScheduleV2} and {@code Type: Schedule} function events from a template, without emulators. */
class ScheduleDefinitionTest {

    private static List<ScheduleDefinition> schedulesOf(String events) {
        return schedulesOf(events, Map.of());
    }

    private static List<ScheduleDefinition> schedulesOf(String events, Map<String, String> parameterOverrides) {
        String yaml = """
                Parameters:
                  OptimizationSchedule:
                    Type: String
                    Default: rate(1 day)
                Resources:
                  OptimizationFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: example.Optimizer
                      Events:
                        Api:
                          Type: HttpApi
                          Properties:
                            Path: /x
                            Method: GET
                %s
                """.formatted(events.indent(8).stripTrailing());
        SamTemplate template = SamTemplate.parse(yaml);
        ProvisionedResources resources = TemplateProvisioner.name(template,
                new IntrinsicResolver(template, parameterOverrides, null), "http://127.0.0.1:1");
        IntrinsicResolver resolver = new IntrinsicResolver(template, parameterOverrides, resources);
        return ScheduleDefinition.allOf(FunctionDefinition.allOf(template, resolver, resources), resolver);
    }

    @Test
    void readsASchedulerEventResolvingParametersAndSub() {
        ScheduleDefinition schedule = schedulesOf("""
                DailyOptimization:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: !Ref OptimizationSchedule
                    Name: !Sub "${AWS::StackName}-daily-optimization"
                    State: ENABLED
                    Input: '{"source":"pms.schedule"}'
                """).get(0);

        assertThat(schedule.name()).isEqualTo("DailyOptimization");
        assertThat(schedule.functionLogicalId()).isEqualTo("OptimizationFunction");
        assertThat(schedule.kind()).isEqualTo(ScheduleDefinition.Kind.SCHEDULER);
        assertThat(schedule.expression().text()).isEqualTo("rate(1 day)");
        assertThat(schedule.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(schedule.enabled()).isTrue();
        assertThat(schedule.input()).isEqualTo("{\"source\":\"pms.schedule\"}");
        assertThat(schedule.awsName()).isEqualTo("pms-local-daily-optimization");
        assertThat(schedule.arn()).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/"
                + "pms-local-daily-optimization");
        assertThat(schedule.names()).containsExactly("DailyOptimization", "pms-local-daily-optimization",
                "OptimizationFunction.DailyOptimization");
        assertThat(schedule.maximumRetryAttempts()).isEqualTo(ScheduleDefinition.DEFAULT_MAXIMUM_RETRY_ATTEMPTS);
    }

    @Test
    void parameterOverridesChangeTheExpression() {
        assertThat(schedulesOf("""
                DailyOptimization:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: !Ref OptimizationSchedule
                """, Map.of("OptimizationSchedule", "cron(0 3 * * ? *)")).get(0).expression().text())
                .isEqualTo("cron(0 3 * * ? *)");
    }

    @Test
    void readsARuleEventWithTheSchedulePropertyAndEnabled() {
        ScheduleDefinition rule = schedulesOf("""
                Hourly:
                  Type: Schedule
                  Properties:
                    Schedule: cron(0 * * * ? *)
                    Enabled: false
                    Description: accepted and ignored
                """).get(0);

        assertThat(rule.kind()).isEqualTo(ScheduleDefinition.Kind.RULE);
        assertThat(rule.kind().source()).isEqualTo("aws.events");
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.input()).isNull();
        assertThat(rule.arn()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/pms-local-OptimizationFunctionHourly");
    }

    @Test
    void readsTimezoneDatesAndRetryPolicy() {
        ScheduleDefinition schedule = schedulesOf("""
                Morning:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: cron(0 9 * * ? *)
                    ScheduleExpressionTimezone: Europe/Berlin
                    StartDate: "2026-12-01T00:00:00Z"
                    EndDate: "2026-12-03T00:00:00Z"
                    GroupName: marketing
                    State: DISABLED
                    FlexibleTimeWindow:
                      Mode: "OFF"
                    RetryPolicy:
                      MaximumRetryAttempts: 0
                      MaximumEventAgeInSeconds: 120
                """).get(0);

        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(schedule.enabled()).isFalse();
        assertThat(schedule.arn()).endsWith(":schedule/marketing/pms-local-OptimizationFunctionMorning");
        assertThat(schedule.maximumRetryAttempts()).isZero();
        assertThat(schedule.maximumEventAge()).isEqualTo(Duration.ofSeconds(120));
        Instant anchor = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(schedule.nextFireAfter(anchor, anchor)).contains(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(schedule.nextFireAfter(Instant.parse("2026-12-02T08:00:00Z"), anchor))
                .isEmpty();
    }

    @Test
    void ratesWithAStartDateCountFromIt() {
        ScheduleDefinition schedule = schedulesOf("""
                Later:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 hour)
                    StartDate: "2027-01-01T00:00:00Z"
                """).get(0);

        Instant anchor = Instant.parse("2026-11-25T10:17:00Z");
        assertThat(schedule.nextFireAfter(anchor, anchor)).contains(Instant.parse("2027-01-01T01:00:00Z"));
    }

    @Test
    void refusesWhatTheDevstackCannotRunNamingTheSchedule() {
        assertThatThrownBy(() -> schedulesOf("""
                Broken:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 minutes)
                """)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Schedule Broken (function OptimizationFunction, Type: ScheduleV2)")
                .hasMessageContaining("singular");
        assertThatThrownBy(() -> schedulesOf("""
                Broken:
                  Type: Schedule
                  Properties:
                    Schedule: cron(0 0 ? * FRI-MON *)
                """)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Schedule Broken (function OptimizationFunction, Type: Schedule): Schedule")
                .hasMessageContaining("wrap-around");
        assertThatThrownBy(() -> schedulesOf("""
                Once:
                  Type: Schedule
                  Properties:
                    Schedule: at(2030-01-01T00:00:00)
                """)).hasMessageContaining("at(...) is for EventBridge Scheduler only");
        assertThatThrownBy(() -> schedulesOf("""
                Missing:
                  Type: ScheduleV2
                  Properties:
                    State: ENABLED
                """)).hasMessageContaining("Properties.ScheduleExpression is missing");
        assertThatThrownBy(() -> schedulesOf("""
                Unknown:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 day)
                    Target: x
                """)).hasMessageContaining("unknown property Target");
        assertThatThrownBy(() -> schedulesOf("""
                BadInput:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 day)
                    Input: '{not json'
                """)).hasMessageContaining("Input is not valid JSON");
        assertThatThrownBy(() -> schedulesOf("""
                BadZone:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 day)
                    ScheduleExpressionTimezone: Mars/Olympus
                """)).hasMessageContaining("ScheduleExpressionTimezone 'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> schedulesOf("""
                BadState:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 day)
                    State: PAUSED
                """)).hasMessageContaining("State must be one of DISABLED, ENABLED but is 'PAUSED'");
        assertThatThrownBy(() -> schedulesOf("""
                BadRetry:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: rate(1 day)
                    RetryPolicy:
                      MaximumRetryAttempts: 200
                """)).hasMessageContaining("RetryPolicy.MaximumRetryAttempts must be 0..185 but is 200");
    }

    @Test
    void otherEventsAreNotSchedules() {
        assertThat(schedulesOf("")).isEmpty();
    }
}

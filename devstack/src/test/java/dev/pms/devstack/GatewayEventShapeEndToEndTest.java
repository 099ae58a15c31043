package dev.pms.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.pms.devstack.testfunctions.EchoHandler;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The payload format 2.0 event a function receives, field by field (captured by the echo test function). */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-test-template.yaml")
class GatewayEventShapeEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static APIGatewayV2HTTPEvent eventOf(HttpResponse<?> response) {
        String requestId = response.headers().firstValue("apigw-requestid").orElseThrow();
        return EchoHandler.EVENTS_BY_REQUEST_ID.get(requestId);
    }

    @Test
    void textRequestBecomesAnExactPayload2Event(Devstack devstack) throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(devstack.apiBase() + "/campaigns/c-42?a=1&a=2&b=x%20y"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"campaign_name\":\"Launch\"}"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + devstack.tokenFor("alice"))
                .header("User-Agent", "pms-test/1.0")
                .header("X-Repeat", "first")
                .header("X-Repeat", "second")
                .header("Cookie", "s=1; t=2")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        APIGatewayV2HTTPEvent event = eventOf(response);

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("POST /api/product-marketing/campaigns/{campaign_id}");
        assertThat(event.getRawPath()).isEqualTo("/api/product-marketing/campaigns/c-42");
        assertThat(event.getRawQueryString()).isEqualTo("a=1&a=2&b=x%20y");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("a", "1,2", "b", "x y"));
        assertThat(event.getPathParameters()).isEqualTo(Map.of("campaign_id", "c-42"));
        assertThat(event.getCookies()).containsExactly("s=1", "t=2");
        assertThat(event.getHeaders().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
        assertThat(event.getHeaders()).containsEntry("x-repeat", "first,second")
                .containsEntry("content-type", "application/json")
                .containsEntry("user-agent", "pms-test/1.0")
                .containsKey("authorization")
                .containsKey("host")
                .doesNotContainKey("cookie")
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .containsEntry("x-forwarded-port", Integer.toString(devstack.baseUri().getPort()))
                .containsEntry("x-forwarded-proto", "http");
        assertThat(event.getHeaders().get("x-amzn-trace-id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        assertThat(event.getBody()).isEqualTo("{\"campaign_name\":\"Launch\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getStageVariables()).isNull();

        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getApiId()).isEqualTo("httpapi");
        assertThat(context.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(context.getDomainPrefix()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getMethod()).isEqualTo("POST");
        assertThat(context.getHttp().getPath()).isEqualTo("/api/product-marketing/campaigns/c-42");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("pms-test/1.0");
        assertThat(context.getRequestId()).isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(context.getRouteKey()).isEqualTo(event.getRouteKey());
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(context.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(Instant.ofEpochMilli(context.getTimeEpoch())).isBetween(before.minusSeconds(1), Instant.now());
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = context.getAuthorizer().getJwt();
        assertThat(jwt.getClaims()).containsEntry("sub", "alice").containsEntry("iss", "https://devstack.pms.local");
        assertThat(jwt.getClaims().values()).allSatisfy(value -> assertThat(value).isInstanceOf(String.class));
        assertThat(jwt.getScopes()).isNull();
    }

    @Test
    void binaryBodiesAreBase64AndOpenRoutesHaveNoAuthorizer(Devstack devstack) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
        HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(
                        URI.create(devstack.apiBase() + "/echo/uploads/logo.png"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                .header("Content-Type", "image/png")
                .header("Authorization", "Bearer " + devstack.tokenFor("alice"))
                .build(), HttpResponse.BodyHandlers.ofString());
        APIGatewayV2HTTPEvent binary = eventOf(upload);
        assertThat(binary.getRouteKey()).isEqualTo("ANY /api/product-marketing/echo/{proxy+}");
        assertThat(binary.getPathParameters()).isEqualTo(Map.of("proxy", "uploads/logo.png"));
        assertThat(binary.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(binary.getBody())).containsExactly(png);
        assertThat(binary.getRawQueryString()).isEmpty();
        assertThat(binary.getQueryStringParameters()).isNull();
        assertThat(binary.getCookies()).isNull();

        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        APIGatewayV2HTTPEvent open = eventOf(health);
        assertThat(open.getRequestContext().getAuthorizer()).isNull();
        assertThat(open.getBody()).isNull();
        assertThat(open.getIsBase64Encoded()).isFalse();
        assertThat(open.getPathParameters()).isNull();
        assertThat(List.of(open.getRouteKey())).containsExactly("GET /api/product-marketing/health");
    }
}

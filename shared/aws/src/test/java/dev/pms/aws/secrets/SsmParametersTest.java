package dev.pms.aws.secrets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSM reader against a local stub of the AmazonSSM JSON protocol. */
class SsmParametersTest {
    private HttpServer server;
    private final List<Map<String, String>> requests = new ArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(Map.of("target", String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target")),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", body));
            byte[] reply = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private SsmParameters reader() {
        return new SsmParameters(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                Region.EU_WEST_1, URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void readsADecryptedSecureStringWithASignedRequest() {
        answer.set("{\"Parameter\": {\"Name\": \"/pms/k\", \"Type\": \"SecureString\", \"Value\": \"sk-live-123\"}}");

        assertThat(reader().secureString("/pms/k")).isEqualTo("sk-live-123");
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("target")).isEqualTo("AmazonSSM.GetParameter");
        assertThat(requests.get(0).get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-1/ssm/aws4_request");
        assertThat(requests.get(0).get("body")).contains("\"Name\":\"/pms/k\"").contains("\"WithDecryption\":true");
    }

    @Test
    void aMissingParameterIsAClearErrorWithoutTheResponseBody() {
        status.set(400);
        answer.set("{\"__type\": \"com.amazonaws.ssm#ParameterNotFound\", \"message\": \"secret-ish detail\"}");

        assertThatThrownBy(() -> reader().secureString("/pms/missing"))
                .hasMessageContaining("/pms/missing").hasMessageContaining("ParameterNotFound")
                .hasMessageNotContaining("secret-ish");
    }
}

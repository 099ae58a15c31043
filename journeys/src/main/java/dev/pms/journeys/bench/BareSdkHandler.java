package dev.pms.journeys.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cold-start baseline: the least a function of this suite must do, with no framework. Its constructor builds the
 * SDK clients named in {@code BARE_SDK_CLIENTS} (those the measured function built: {@code dynamodb}, {@code s3},
 * {@code s3-presigner}, {@code sqs}, {@code sfn}) the way the functions' client factory does (URL-connection HTTP
 * client, the function's region, credentials and endpoints); each invocation reads the caller's items with one
 * DynamoDB query and answers a small JSON body. The cold-start benchmark runs it through the runtime interface client
 * on each function's own deployment jar.
 */
public class BareSdkHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final DynamoDbClient dynamoDb;
    private final List<AutoCloseable> others = new ArrayList<>();
    private final String table;

    public BareSdkHandler() {
        Region region = Region.of(System.getenv("AWS_REGION"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getenv("AWS_LOCAL_CREDENTIALS_ACCESS_KEY_ID"),
                System.getenv("AWS_LOCAL_CREDENTIALS_SECRET_ACCESS_KEY")));
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        this.table = System.getenv("TABLE_NAME");
        this.dynamoDb = DynamoDbClient.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint("DYNAMODB")).build();
        for (String client : System.getenv().getOrDefault("BARE_SDK_CLIENTS", "").split(",")) {
            switch (client) {
                case "s3" -> others.add(S3Client.builder().region(region).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).serviceConfiguration(pathStyle)
                        .endpointOverride(endpoint("S3")).build());
                case "s3-presigner" -> others.add(S3Presigner.builder().region(region).credentialsProvider(credentials)
                        .serviceConfiguration(pathStyle).endpointOverride(endpoint("S3")).build());
                case "sqs" -> others.add(SqsClient.builder().region(region).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint("SQS")).build());
                case "sfn" -> others.add(SfnClient.builder().region(region).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint("SFN")).build());
                default -> {
                    // dynamodb is always built; an empty list names no other
                }
            }
        }
    }

    private static URI endpoint(String service) {
        return URI.create(System.getenv("AWS_SERVICES_" + service + "_ENDPOINT_OVERRIDE"));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String user = event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        QueryResponse items = dynamoDb.query(query -> query.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user)))
                .limit(20));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(200)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"items\":" + items.count() + ",\"other_clients\":" + others.size() + "}")
                .build();
    }
}

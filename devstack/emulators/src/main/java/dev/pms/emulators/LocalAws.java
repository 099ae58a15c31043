package dev.pms.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import java.util.function.Supplier;

/**
 * The local AWS: DynamoDB (moto_server sidecar behind a write-serializing proxy), S3 (s3proxy, SigV4
 * verified, path-style) and SQS (ElasticMQ), all on loopback ports. In memory, or with {@code dataDir}:
 * S3 objects on disk under {@code dataDir/s3}, DynamoDB tables snapshotted to {@code dataDir/dynamodb} on
 * close and restored on start; SQS queues are re-created from the template (messages are memory-only).
 */
public final class LocalAws implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAws.class);
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    /** LocalStack's conventional pair, so scripts written for it work here; S3 still verifies the signature. */
    public static final String ACCESS_KEY_ID = "test";
    public static final String SECRET_ACCESS_KEY = "test";
    /** Diagnostics only: {@code -Dpms.local-aws.dynamodb.serialize-writes=false} exposes moto without the proxy. */
    public static final String SERIALIZE_WRITES_PROPERTY = "pms.local-aws.dynamodb.serialize-writes";

    private final Path dataDir;
    private final MotoDynamoDbSidecar moto;
    private final SerializingDynamoDbProxy dynamoDbProxy;
    private final S3Proxy s3Proxy;
    private final SQSRestServer sqsServer;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread snapshotHook;

    private LocalAws(Path dataDir, MotoDynamoDbSidecar moto, SerializingDynamoDbProxy dynamoDbProxy,
                     S3Proxy s3Proxy, SQSRestServer sqsServer, URI sqsEndpoint) {
        this.dataDir = dataDir;
        this.moto = moto;
        this.dynamoDbProxy = dynamoDbProxy;
        this.s3Proxy = s3Proxy;
        this.sqsServer = sqsServer;
        this.s3Endpoint = URI.create("http://127.0.0.1:" + s3Proxy.getPort());
        this.sqsEndpoint = sqsEndpoint;
        // the only shutdown hook for all three emulators: snapshot first, then kill moto_server
        this.snapshotHook = new Thread(this::close, "local-aws-shutdown");
        Runtime.getRuntime().addShutdownHook(snapshotHook);
    }

    /** Starts the three emulators concurrently; {@code dataDirOrNull} null keeps everything in memory. */
    public static LocalAws start(Path dataDirOrNull) {
        disableNagleOnJdkHttpServers();
        Path dataDir = dataDirOrNull == null ? null : dataDirOrNull.toAbsolutePath();
        Path logDirectory = logDirectory(dataDir);
        ExecutorService starter = Executors.newFixedThreadPool(3, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-start");
            thread.setDaemon(true);
            return thread;
        });
        long startNanos = System.nanoTime();
        CompletableFuture<MotoDynamoDbSidecar> moto =
                CompletableFuture.supplyAsync(() -> timed("dynamodb (moto_server)", startNanos,
                        () -> MotoDynamoDbSidecar.start(logDirectory)), starter);
        CompletableFuture<S3Proxy> s3 = CompletableFuture.supplyAsync(() -> timed("s3 (s3proxy)", startNanos,
                () -> startS3(dataDir)), starter);
        CompletableFuture<SQSRestServer> sqs = CompletableFuture.supplyAsync(() -> timed("sqs (elasticmq)", startNanos,
                LocalAws::startSqs), starter);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            MotoDynamoDbSidecar motoSidecar = join(moto);
            started.add(motoSidecar);
            S3Proxy s3Proxy = join(s3);
            started.add(s3Proxy::stop);
            SQSRestServer sqsServer = join(sqs);
            started.add(sqsServer::stopAndWait);
            int sqsPort = sqsServer.waitUntilStarted().localAddress().getPort();
            SerializingDynamoDbProxy proxy = SerializingDynamoDbProxy.start(motoSidecar.endpoint());
            started.add(proxy);
            LocalAws localAws = new LocalAws(dataDir, motoSidecar, proxy, s3Proxy, sqsServer,
                    URI.create("http://127.0.0.1:" + sqsPort));
            if (dataDir != null) {
                int restored = new DynamoDbSnapshots(motoSidecar.endpoint()).restoreAll(dataDir.resolve("dynamodb"));
                if (restored > 0) {
                    LOG.info("restored {} DynamoDB table(s) from {}", restored, dataDir.resolve("dynamodb"));
                }
            }
            return localAws;
        } catch (RuntimeException | IOException e) {
            moto.thenAccept(MotoDynamoDbSidecar::close);
            s3.thenAccept(LocalAws::stopQuietly);
            sqs.thenAccept(SQSRestServer::stopAndWait);
            started.forEach(LocalAws::closeQuietly);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("Cannot restore DynamoDB data: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        } finally {
            starter.shutdown();
        }
    }

    private static <T> T timed(String what, long since, Supplier<T> start) {
        T started = start.get();
        LOG.debug("{} up after {} ms", what, (System.nanoTime() - since) / 1_000_000);
        return started;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Path logDirectory(Path dataDir) {
        if (dataDir != null) {
            return dataDir.resolve("logs");
        }
        try {
            return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "pms-devstack-logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static S3Proxy startS3(Path dataDir) {
        BlobStore blobStore;
        if (dataDir == null) {
            blobStore = new TransientNio2BlobStore();
        } else {
            Path s3Directory = dataDir.resolve("s3");
            try {
                Files.createDirectories(s3Directory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            blobStore = new FilesystemNio2BlobStore(s3Directory.toString());
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start: " + e.getMessage(), e);
        }
        return proxy;
    }

    private static SQSRestServer startSqs() {
        return SQSRestServerBuilder.withInterface("127.0.0.1")
                .withDynamicPort()
                .withAWSRegion(REGION)
                .withAWSAccountId(ACCOUNT_ID)
                .start();
    }

    /**
     * The JDK's HttpServer writes headers and body separately; without TCP_NODELAY a keep-alive client's
     * delayed ACK then stalls every exchange by ~40 ms. Read once, when the first HttpServer is created.
     */
    static void disableNagleOnJdkHttpServers() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** DynamoDB requests per operation (GetItem, UpdateItem, ...) since start, as seen on the endpoint. */
    public Map<String, Long> dynamoDbOperationCounts() {
        return dynamoDbProxy.operationCounts();
    }

    public URI dynamoDbEndpoint() {
        if (!Boolean.parseBoolean(System.getProperty(SERIALIZE_WRITES_PROPERTY, "true"))) {
            return moto.endpoint();
        }
        return dynamoDbProxy.endpoint();
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public String region() {
        return REGION;
    }

    public String accountId() {
        return ACCOUNT_ID;
    }

    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    /** Null when everything is in memory. */
    public Path dataDir() {
        return dataDir;
    }

    /** Where moto_server's output goes. */
    public Path dynamoDbLogFile() {
        return moto.logFile();
    }

    public StaticCredentialsProvider credentialsProvider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** A client of the DynamoDB emulator; {@code interceptors}: e.g. a benchmark's meter of its calls. */
    public DynamoDbClient dynamoDbClient(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(dynamoDbEndpoint())
                .region(Region.of(REGION))
                .credentialsProvider(credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> List.of(interceptors).forEach(override::addExecutionInterceptor))
                .build();
    }

    public S3Client s3Client() {
        return S3Client.builder()
                .endpointOverride(s3Endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentialsProvider())
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public SqsClient sqsClient() {
        return SqsClient.builder()
                .endpointOverride(sqsEndpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentialsProvider())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The endpoints as the {@code AWS_ENDPOINT_URL_*} environment variables would name them. */
    public Map<String, String> endpointEnvironment() {
        return Map.of(
                "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_S3", s3Endpoint.toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
    }

    /** Snapshots DynamoDB (when a data dir is set), then stops everything. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (dataDir != null && moto.isAlive()) {
            try {
                int tables = new DynamoDbSnapshots(moto.endpoint()).snapshotAll(dataDir.resolve("dynamodb"));
                LOG.info("snapshotted {} DynamoDB table(s) to {}", tables, dataDir.resolve("dynamodb"));
            } catch (IOException | RuntimeException e) {
                LOG.warn("DynamoDB snapshot to {} failed: {}", dataDir.resolve("dynamodb"), e.toString());
            }
        }
        closeQuietly(dynamoDbProxy);
        closeQuietly(moto);
        if (dataDir == null) {
            // in-memory runs leave no trace; with --data the log stays beside the data
            closeQuietly(() -> Files.deleteIfExists(moto.logFile()));
        }
        stopQuietly(s3Proxy);
        closeQuietly(sqsServer::stopAndWait);
        if (Thread.currentThread() != snapshotHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(snapshotHook);
            } catch (IllegalStateException e) {
                // JVM already shutting down
            }
        }
    }

    private static void stopQuietly(S3Proxy proxy) {
        closeQuietly(proxy::stop);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("ignored while stopping: {}", e.toString());
        }
    }
}

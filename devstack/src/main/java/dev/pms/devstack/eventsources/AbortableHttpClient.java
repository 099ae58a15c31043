package dev.pms.devstack.eventsources;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An SDK HTTP client whose in-flight requests can all be aborted at once, so that pollers blocked in a
 * 20-second long poll stop as soon as the devstack closes (a blocked socket read ignores thread interrupts).
 */
final class AbortableHttpClient implements SdkHttpClient {

    private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
    private final Set<ExecutableHttpRequest> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                inFlight.add(this);
                try {
                    if (closed) {
                        throw new IOException("the SQS event source is closed");
                    }
                    return prepared.call();
                } finally {
                    inFlight.remove(this);
                }
            }

            @Override
            public void abort() {
                prepared.abort();
            }
        };
    }

    /** Aborts every request in flight and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(ExecutableHttpRequest::abort);
        delegate.close();
    }

    @Override
    public String clientName() {
        return "AbortableUrlConnection";
    }
}

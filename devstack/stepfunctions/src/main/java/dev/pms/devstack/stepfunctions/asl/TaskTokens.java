package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Task tokens of {@code .waitForTaskToken} tasks: issue, complete, heartbeat. */
public final class TaskTokens {

    private static final String MARKER = "pms-sfn-token|";
    private static final int REMEMBERED_CLOSED_TOKENS = 10_000;

    /** A task waiting for its token. */
    static final class Pending {
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        final long heartbeatSeconds;
        final Runnable onHeartbeatTimeout;
        private ScheduledFuture<?> heartbeatTimer;

        Pending(long heartbeatSeconds, Runnable onHeartbeatTimeout) {
            this.heartbeatSeconds = heartbeatSeconds;
            this.onHeartbeatTimeout = onHeartbeatTimeout;
        }

        synchronized void armHeartbeat(ScheduledExecutorService timers) {
            if (heartbeatTimer != null) {
                heartbeatTimer.cancel(false);
            }
            if (heartbeatSeconds > 0 && !result.isDone()) {
                heartbeatTimer = timers.schedule(onHeartbeatTimeout, heartbeatSeconds, TimeUnit.SECONDS);
            }
        }

        synchronized void disarm() {
            if (heartbeatTimer != null) {
                heartbeatTimer.cancel(false);
            }
        }
    }

    private final ScheduledExecutorService timers;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closedTimedOut = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_CLOSED_TOKENS;
                }
            });

    TaskTokens(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    static String newToken(String executionArn) {
        String raw = MARKER + executionArn + "|" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    Pending register(String token, long heartbeatSeconds, Runnable onHeartbeatTimeout) {
        Pending task = new Pending(heartbeatSeconds, onHeartbeatTimeout);
        pending.put(token, task);
        task.armHeartbeat(timers);
        return task;
    }

    void close(String token, boolean timedOut) {
        Pending task = pending.remove(token);
        if (task != null) {
            task.disarm();
        }
        closedTimedOut.put(token, timedOut);
    }

    public boolean isPending(String token) {
        return pending.containsKey(token);
    }

    public void succeed(String token, JsonNode output) {
        open(token).result.complete(output);
    }

    public void fail(String token, String error, String cause) {
        open(token).result.completeExceptionally(new AslError(error == null ? "" : error, cause == null ? "" : cause));
    }

    public void heartbeat(String token) {
        open(token).armHeartbeat(timers);
    }

    private Pending open(String token) {
        if (token == null || token.isEmpty() || token.length() > 2048 || !wellFormed(token)) {
            throw new ApiError("InvalidToken", "Invalid Task Token: '" + token + "'");
        }
        Pending task = pending.get(token);
        if (task == null) {
            if (Boolean.TRUE.equals(closedTimedOut.get(token))) {
                throw new ApiError("TaskTimedOut", "Task Timed Out: '" + token + "'");
            }
            throw new ApiError("TaskDoesNotExist", "Task does not exist anymore");
        }
        return task;
    }

    private static boolean wellFormed(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).startsWith(MARKER);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

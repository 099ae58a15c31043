package dev.pms.aws.http;

import dev.pms.core.audit.ImageTooLargeException;
import dev.pms.core.audit.UnsupportedMediaTypeException;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.DomainException;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.IllegalTransitionException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.pricing.PlanLimitExceededException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 7807 problem responses with a stable {@code type} per failure kind; never exception internals. */
public final class Problems {
    public static final String TYPE_PREFIX = "urn:pms:problem:";

    private Problems() {
    }

    public static ApiResponse of(DomainException failure, String requestId) {
        int status = statusOf(failure);
        List<FieldError> errors = failure instanceof ValidationException v ? v.fieldErrors() : List.of();
        return problem(status, failure.kind(), titleOf(status), failure.getMessage(), errors, requestId,
                failure.extensions());
    }

    public static ApiResponse problem(int status, String kind, String title, String detail,
                                      List<FieldError> errors, String requestId) {
        return problem(status, kind, title, detail, errors, requestId, Map.of());
    }

    private static ApiResponse problem(int status, String kind, String title, String detail,
                                       List<FieldError> errors, String requestId, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + kind);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (requestId != null) {
            body.put("request_id", requestId);
        }
        extensions.forEach(body::putIfAbsent);
        return new ApiResponse(status, Map.of("content-type", ApiResponse.PROBLEM_JSON), ApiResponse.write(body));
    }

    private static int statusOf(DomainException failure) {
        if (failure instanceof ValidationException) {
            return 400;
        }
        if (failure instanceof NotFoundException) {
            return 404;
        }
        if (failure instanceof VersionConflictException || failure instanceof IllegalTransitionException
                || failure instanceof ConflictException) {
            return 409;
        }
        if (failure instanceof PayloadTooLargeException || failure instanceof ImageTooLargeException
                || failure instanceof MediaTooLargeException) {
            return 413;
        }
        if (failure instanceof UnsupportedMediaTypeException) {
            return 415;
        }
        if (failure instanceof PlanLimitExceededException) {
            return 402;
        }
        return 400;
    }

    static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            default -> "Internal Server Error";
        };
    }
}

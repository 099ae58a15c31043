package dev.pms.journeys.bench;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Meters DynamoDB read and write request units from item sizes by DynamoDB's on-demand rules (moto answers every
 * ReturnConsumedCapacity with fixed numbers): a read is 1 unit per 4 KB strongly consistent, 0.5 eventually
 * consistent, a query rounding the sum of the items it returns up to 4 KB; a write is 1 unit per 1 KB of the item
 * written; transactional writes count twice; a write whose condition fails still costs its units. Registered on the
 * clients it meters (the benchmark's own and, as a bean, the functions'), it counts only while {@link #start()}ed.
 */
public final class DynamoDbCapacityMeter implements ExecutionInterceptor {
    private static volatile boolean counting;
    private static final DoubleAdder READ_UNITS = new DoubleAdder();
    private static final DoubleAdder WRITE_UNITS = new DoubleAdder();
    private static final LongAdder CALLS = new LongAdder();

    /** Units and calls counted since {@link #start()}. */
    public record Reading(double readUnits, double writeUnits, long calls) {
    }

    public static void start() {
        READ_UNITS.reset();
        WRITE_UNITS.reset();
        CALLS.reset();
        counting = true;
    }

    public static Reading stop() {
        counting = false;
        return new Reading(READ_UNITS.sum(), WRITE_UNITS.sum(), CALLS.sum());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (counting && context.request() instanceof DynamoDbRequest) {
            CALLS.increment();
            meter(context.request(), context.response());
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (counting && context.request() instanceof DynamoDbRequest) {
            CALLS.increment();
            meter(context.request(), null);
        }
    }

    private static void meter(SdkRequest request, SdkResponse response) {
        if (request instanceof GetItemRequest get) {
            long size = response instanceof GetItemResponse r && r.hasItem() ? itemSize(r.item()) : 0;
            READ_UNITS.add(readUnits(size, Boolean.TRUE.equals(get.consistentRead())));
        } else if (request instanceof QueryRequest query) {
            long size = response instanceof QueryResponse r ? r.items().stream().mapToLong(DynamoDbCapacityMeter::itemSize).sum() : 0;
            READ_UNITS.add(readUnits(size, Boolean.TRUE.equals(query.consistentRead())));
        } else if (request instanceof BatchGetItemRequest batch && response instanceof BatchGetItemResponse r) {
            boolean consistent = batch.requestItems().values().stream().anyMatch(k -> Boolean.TRUE.equals(k.consistentRead()));
            r.responses().values().forEach(items -> items.forEach(item -> READ_UNITS.add(readUnits(itemSize(item), consistent))));
        } else if (request instanceof PutItemRequest put) {
            WRITE_UNITS.add(writeUnits(itemSize(put.item())));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                WRITE_UNITS.add(2 * (item.put() != null ? writeUnits(itemSize(item.put().item())) : 1));
            }
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().values().forEach(writes -> writes.forEach(write -> WRITE_UNITS.add(
                    write.putRequest() != null ? writeUnits(itemSize(write.putRequest().item())) : 1)));
        } else if (request.getClass().getSimpleName().matches("(Update|Delete)ItemRequest")) {
            WRITE_UNITS.add(1);
        }
    }

    static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /** DynamoDB's item size: attribute names plus values (strings in UTF-8, numbers about 1 byte per 2 digits + 1). */
    static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += attribute.getKey().getBytes(StandardCharsets.UTF_8).length + valueSize(attribute.getValue());
        }
        return size;
    }

    private static long valueSize(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().replaceAll("[^0-9]", "").length() / 2 + 1;
        }
        if (value.b() != null) {
            return value.b().asByteArray().length;
        }
        if (value.hasM()) {
            return 3 + itemSize(value.m());
        }
        if (value.hasL()) {
            List<AttributeValue> list = value.l();
            return 3 + list.size() + list.stream().mapToLong(DynamoDbCapacityMeter::valueSize).sum();
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        }
        return 1;
    }
}

package dev.pms.devstack.stepfunctions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.asl.ExecutionJournal;
import dev.pms.devstack.stepfunctions.asl.ExecutionRecord;
import dev.pms.devstack.stepfunctions.asl.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** State machines and executions as JSON files under the data directory ({@code --data}). */
final class Persistence {

    private final Path machines;
    private final Path executions;

    Persistence(Path dataDir) {
        this.machines = dataDir.resolve("stepfunctions").resolve("state-machines");
        this.executions = dataDir.resolve("stepfunctions").resolve("executions");
        try {
            Files.createDirectories(machines);
            Files.createDirectories(executions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void saveMachine(StateMachine machine) {
        ObjectNode node = Json.object();
        node.put("arn", machine.arn);
        node.put("name", machine.name);
        node.put("type", machine.type);
        node.put("creationDate", machine.creationDate.toEpochMilli());
        node.put("updateDate", machine.updateDate.toEpochMilli());
        node.put("definition", machine.definitionText);
        node.put("roleArn", machine.roleArn);
        write(machines.resolve(fileName(machine.arn)), node);
    }

    void deleteMachine(String arn) {
        try {
            Files.deleteIfExists(machines.resolve(fileName(arn)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> loadMachines() {
        return loadAll(machines);
    }

    void saveExecution(ExecutionRecord record, ExecutionJournal journal) {
        ObjectNode node = Json.object();
        synchronized (record) {
            node.put("executionArn", record.executionArn());
            node.put("stateMachineArn", record.stateMachineArn());
            node.put("stateMachineName", record.stateMachineName());
            node.put("name", record.name());
            node.put("roleArn", record.roleArn());
            node.put("input", record.input());
            node.put("startDate", record.startDate().toEpochMilli());
            node.set("definition", record.definition());
            node.put("status", record.status());
            if (record.stopDate() != null) {
                node.put("stopDate", record.stopDate().toEpochMilli());
            }
            node.put("output", record.output());
            node.put("error", record.error());
            node.put("cause", record.cause());
            ArrayNode history = node.putArray("history");
            record.history().persistentForm().forEach(history::add);
            node.set("journal", journal.toJson());
        }
        write(executions.resolve(fileName(record.executionArn())), node);
    }

    List<JsonNode> loadExecutions() {
        return loadAll(executions);
    }

    private static List<JsonNode> loadAll(Path directory) {
        List<JsonNode> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                all.add(Json.parse(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    private static synchronized void write(Path file, JsonNode node) {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.write(node), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String arn) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(arn.getBytes(StandardCharsets.UTF_8))).substring(0, 32) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

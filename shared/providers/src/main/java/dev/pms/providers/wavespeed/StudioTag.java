package dev.pms.providers.wavespeed;

import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.StudioBrief;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a product-studio job's handle carries so that the poll which finishes it can say how it was made: the studio
 * operation, the preset and short notes taken at submit ({@code bg=transparent}, the key frame's fitted size, the
 * WAN frame size asked, the scenes told). Written {@code operation;preset;key=value;...}; codes only, never prompt
 * text, so that a handle stays short and holds nothing a user wrote.
 */
record StudioTag(StudioBrief.Operation operation, String preset, Map<String, String> notes) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.*x-]{1,64}");

    StudioTag {
        notes = Map.copyOf(notes);
    }

    /** The request's studio tag; null for a campaign asset. */
    static StudioTag of(GenerationRequest request) {
        if (!request.isStudio()) {
            return null;
        }
        StudioBrief studio = request.studio();
        return new StudioTag(studio.operation(), code(studio.preset()), Map.of());
    }

    StudioTag with(String key, Object value) {
        Map<String, String> more = new LinkedHashMap<>(notes);
        more.put(key, code(String.valueOf(value)));
        return new StudioTag(operation, preset, more);
    }

    Optional<String> note(String key) {
        return Optional.ofNullable(notes.get(key));
    }

    String encode() {
        StringBuilder text = new StringBuilder(operation.code()).append(';').append(preset);
        notes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(note -> text.append(';').append(note.getKey()).append('=').append(note.getValue()));
        return text.toString();
    }

    static Optional<StudioTag> decode(String text) {
        String[] parts = text.split(";", -1);
        if (parts.length < 2 || !CODE.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        Optional<StudioBrief.Operation> operation = Arrays.stream(StudioBrief.Operation.values())
                .filter(op -> op.code().equals(parts[0])).findFirst();
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
            String[] note = parts[i].split("=", -1);
            if (note.length != 2 || !CODE.matcher(note[0]).matches() || !CODE.matcher(note[1]).matches()) {
                return Optional.empty();
            }
            notes.put(note[0], note[1]);
        }
        return Optional.of(new StudioTag(operation.get(), parts[1], notes));
    }

    /** A code safe inside a tag: what is not a letter, digit, {@code _ . * x -} becomes {@code _}. */
    private static String code(String value) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        String safe = value.strip().replaceAll("[^A-Za-z0-9_.*x-]", "_");
        return safe.length() <= 64 ? safe : safe.substring(0, 64);
    }
}

package dev.pms.core.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.PutBrandProfile;
import dev.pms.core.json.Json;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared test values: a fixed clock and JSON written with single quotes for readability. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {
    }

    /** A brand profile to store, bound from JSON written with single quotes (no request checks). */
    public static PutBrandProfile brandProfile(String singleQuoted) {
        try {
            return new PutBrandProfile(Json.mapper().treeToValue(json(singleQuoted), BrandProfile.class), null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String singleQuoted) {
        try {
            return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

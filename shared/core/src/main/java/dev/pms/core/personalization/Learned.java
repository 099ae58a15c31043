package dev.pms.core.personalization;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * One preference and where it comes from: learned from the user's own events (with the evidence and a confidence
 * from 0 to 1), the Brand DNA, or the suite's default.
 *
 * @param note a sentence a person can read, e.g. "learned from 18 of your 20 blueprints"
 */
public record Learned<T>(T value, Source source, Double confidence, Evidence evidence, String note) {

    public enum Source {
        LEARNED, BRAND_DNA, DEFAULT;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static <T> Learned<T> fromDna(T value, String note) {
        return new Learned<>(value, Source.BRAND_DNA, null, null, note);
    }

    public static <T> Learned<T> byDefault(T value, String note) {
        return new Learned<>(value, Source.DEFAULT, null, null, note);
    }

    public boolean learned() {
        return source == Source.LEARNED;
    }

    <U> Learned<U> withValue(U other) {
        return new Learned<>(other, source, confidence, evidence, note);
    }
}

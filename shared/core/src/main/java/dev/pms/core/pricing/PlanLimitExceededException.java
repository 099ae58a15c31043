package dev.pms.core.pricing;

import dev.pms.core.error.DomainException;

import java.util.Map;

/** The plan cannot pay for what was asked; carries the quote so the caller can show what to upgrade. */
public final class PlanLimitExceededException extends DomainException {
    private final transient Quote quote;

    public PlanLimitExceededException(Quote quote) {
        super(quote.message());
        this.quote = quote;
    }

    public Quote quote() {
        return quote;
    }

    @Override
    public String kind() {
        return "plan-limit-exceeded";
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("quote", quote);
    }
}

package dev.pms.core.pricing;

import java.math.BigDecimal;

/** A plan limit the quote does not fit: which one, and by how much (a count, or dollars for the cap). */
public record LimitBreach(String limit, BigDecimal allowed, BigDecimal alreadyClaimed, BigDecimal requested,
                          BigDecimal over, String message) {
}

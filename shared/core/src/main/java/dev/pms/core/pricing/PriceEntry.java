package dev.pms.core.pricing;

import java.math.BigDecimal;

/** One row of the price table; {@code minimumUnits} is a billed minimum (e.g. InfiniteTalk's 5 s). */
public record PriceEntry(String provider, String model, PriceUnit unit, BigDecimal usd, Integer minimumUnits, String note) {
}

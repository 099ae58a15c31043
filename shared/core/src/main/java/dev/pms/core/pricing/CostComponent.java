package dev.pms.core.pricing;

import java.math.BigDecimal;

/** quantity × unit price = cost, for one priced unit of a node (e.g. 5 video seconds at 0.10). */
public record CostComponent(PriceUnit unit, BigDecimal quantity, BigDecimal unitPrice, BigDecimal cost) {
}

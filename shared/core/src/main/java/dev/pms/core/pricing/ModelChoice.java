package dev.pms.core.pricing;

/** The provider and model a node is generated with, chosen by its asset type and quality tier. */
public record ModelChoice(String provider, String model) {
}

package dev.pms.core.campaign;

import java.time.LocalDate;

/** One stretch of the campaign (e.g. teaser, launch, nurture); dates are inclusive. */
public record Phase(String name, int durationDays, String purpose, LocalDate startDate, LocalDate endDate) {
}

package dev.pms.core.proposal;

/** Body of {@code POST /campaigns/{id}/proposals/approve-all}. */
public record ApprovedCount(int approved) {
}

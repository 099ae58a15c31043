package dev.pms.core.campaign;

/** How much a phase asks of each channel: a light touch, the full kit, or follow-up variations. */
enum PhaseWeight {
    LIGHT, FULL, FOLLOW_UP
}

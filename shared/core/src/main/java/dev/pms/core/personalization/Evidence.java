package dev.pms.core.personalization;

import java.util.List;

/**
 * What a learned value rests on: how many of the user's events informed it and of which kinds.
 *
 * @param events how many events
 * @param kinds  their kinds, as codes
 */
public record Evidence(int events, List<String> kinds) {
    public Evidence {
        kinds = List.copyOf(kinds);
    }
}

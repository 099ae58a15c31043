package dev.pms.core.campaign;

import dev.pms.core.channel.Channel;

import java.util.List;
import java.util.Map;

/** The phase sequence of each goal. */
final class GoalPhases {

    record Template(String name, int defaultDays, String purpose, PhaseWeight weight) {
    }

    private static final Map<Goal, List<Template>> TEMPLATES = Map.of(
            Goal.PRODUCT_LAUNCH, List.of(
                    new Template("teaser", 7, "Build anticipation: hint at the product and grow the waiting list", PhaseWeight.LIGHT),
                    new Template("launch", 7, "Announce the product on every channel and drive first purchases", PhaseWeight.FULL),
                    new Template("nurture", 14, "Turn launch interest into customers with proof, reviews and reminders", PhaseWeight.FOLLOW_UP)),
            Goal.AWARENESS, List.of(
                    new Template("discover", 7, "Introduce the brand story to new audiences with hero content", PhaseWeight.FULL),
                    new Template("amplify", 14, "Scale reach with shareable, platform-native variations", PhaseWeight.FOLLOW_UP),
                    new Template("sustain", 14, "Keep the brand top of mind with a steady, lighter cadence", PhaseWeight.LIGHT)),
            Goal.CONVERSION, List.of(
                    new Template("consideration", 7, "Educate and compare: answer objections before the offer", PhaseWeight.LIGHT),
                    new Template("conversion", 10, "Run the offer with a clear call to action on every channel", PhaseWeight.FULL),
                    new Template("retargeting", 7, "Win back visitors who did not buy with reminders and proof", PhaseWeight.FOLLOW_UP)),
            Goal.RETENTION, List.of(
                    new Template("onboarding", 7, "Welcome new customers and get them to first value fast", PhaseWeight.FULL),
                    new Template("engagement", 21, "Deepen use with tips, community stories and how-tos", PhaseWeight.FOLLOW_UP),
                    new Template("loyalty", 14, "Reward loyalty, ask for reviews and referrals, win back the lapsed", PhaseWeight.FOLLOW_UP)));

    private GoalPhases() {
    }

    static List<Template> of(Goal goal) {
        return TEMPLATES.get(goal);
    }

    /**
     * The weight a channel gets in a phase. Retention leans on email (the full kit in every phase) and keeps
     * social channels light; commerce listings follow the phase.
     */
    static PhaseWeight weight(Goal goal, Channel channel, PhaseWeight phaseWeight) {
        if (goal != Goal.RETENTION) {
            return phaseWeight;
        }
        return switch (channel) {
            case EMAIL -> PhaseWeight.FULL;
            case SHOPIFY, AMAZON -> phaseWeight;
            default -> PhaseWeight.LIGHT;
        };
    }
}

package dev.pms.core.personalization;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.prompt.LearnedSlots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The part of a user's learned preferences that shapes proposals: hashtags per channel, phrases to include and to
 * leave out, and hook angles to avoid or start from.
 */
public record PromptPersonalization(Map<String, Learned<Integer>> hashtagsByChannel, Learned<List<String>> include,
                                    Learned<List<String>> leaveOut, Map<String, Learned<List<String>>> avoidedAngles,
                                    Map<String, Learned<String>> preferredAngles) {
    public static final PromptPersonalization NONE = new PromptPersonalization(Map.of(), null, null, Map.of(), Map.of());

    public PromptPersonalization {
        hashtagsByChannel = Map.copyOf(hashtagsByChannel);
        avoidedAngles = Map.copyOf(avoidedAngles);
        preferredAngles = Map.copyOf(preferredAngles);
    }

    static PromptPersonalization of(LearnedPreferences learned) {
        return new PromptPersonalization(learned.hashtagsByChannel(), learned.promptPhrases(), learned.droppedPhrases(),
                learned.avoidedAngles(), learned.preferredAngles());
    }

    /** What the prompt builder uses on one channel. */
    public LearnedSlots slotsFor(Channel channel) {
        Learned<Integer> hashtags = hashtagsByChannel.get(channel.code());
        List<String> notes = new ArrayList<>();
        if (include != null) {
            notes.add(include.note());
        }
        if (leaveOut != null) {
            notes.add(leaveOut.note());
        }
        return new LearnedSlots(hashtags == null ? null : hashtags.value(), hashtags == null ? null : hashtags.note(),
                include == null ? List.of() : include.value(), leaveOut == null ? List.of() : leaveOut.value(),
                notes.isEmpty() ? null : String.join("; ", notes));
    }

    /**
     * The hook angle to propose for the {@code ordinal}-th node of a type: from the user's preferred angle (the
     * catalogue's first when none), in the catalogue's order, skipping angles the user keeps rejecting.
     *
     * @param angles the catalogue's angles for the type, in order
     */
    public int firstAngle(AssetType type, int ordinal, List<String> angles) {
        Learned<String> preferred = preferredAngles.get(type.code());
        int start = preferred == null ? 0 : Math.max(0, angles.indexOf(preferred.value()));
        return nextAngle(type, start + ordinal, angles);
    }

    /**
     * The angle at {@code index} (wrapping around), or the next one the user does not avoid; when the user avoids
     * every angle, {@code index} stays.
     */
    public int nextAngle(AssetType type, int index, List<String> angles) {
        List<String> avoided = avoided(type);
        for (int step = 0; step < angles.size(); step++) {
            int candidate = Math.floorMod(index + step, angles.size());
            if (!avoided.contains(angles.get(candidate))) {
                return candidate;
            }
        }
        return Math.floorMod(index, angles.size());
    }

    public List<String> avoided(AssetType type) {
        Learned<List<String>> angles = avoidedAngles.get(type.code());
        return angles == null ? List.of() : angles.value();
    }

    /**
     * One sentence on what of this was applied to a proposal on {@code channel} of {@code type}, for its provenance;
     * null when nothing was.
     */
    public String provenance(Channel channel, AssetType type, boolean hashtagsApply) {
        List<String> parts = new ArrayList<>();
        Learned<Integer> hashtags = hashtagsByChannel.get(channel.code());
        if (hashtags != null && hashtagsApply) {
            parts.add(hashtags.value() + (hashtags.value() == 1 ? " hashtag" : " hashtags") + " on " + channel.code()
                    + " (" + hashtags.note() + ")");
        }
        if (include != null) {
            parts.add("always \"" + String.join("\", \"", include.value()) + "\" (" + include.note() + ")");
        }
        if (leaveOut != null) {
            parts.add("leave out \"" + String.join("\", \"", leaveOut.value()) + "\" (" + leaveOut.note() + ")");
        }
        Learned<List<String>> avoided = avoidedAngles.get(type.code());
        if (avoided != null) {
            parts.add("angles " + String.join(", ", avoided.value()) + " avoided (" + avoided.note() + ")");
        }
        Learned<String> preferred = preferredAngles.get(type.code());
        if (preferred != null) {
            parts.add("starts from the " + preferred.value() + " angle (" + preferred.note() + ")");
        }
        return parts.isEmpty() ? null : "learned preferences: " + String.join("; ", parts);
    }
}

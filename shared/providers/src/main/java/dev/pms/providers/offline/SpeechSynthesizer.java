package dev.pms.providers.offline;

/** An offline speech engine. */
public interface SpeechSynthesizer {

    /** A short name recorded on the asset, e.g. {@code freetts-kevin16}. */
    String engine();

    /** Speaks {@code text}; throws when the engine cannot run here. */
    SpeechAudio speak(String text);
}

package dev.pms.providers.wavespeed;

import dev.pms.core.channel.AssetType;
import dev.pms.core.pricing.PriceUnit;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The WaveSpeed models the suite uses: the suite's model name (as in proposals and the price table), the
 * WaveSpeed model path the job is posted to, and how it is priced. The MiniMax voices are priced under the
 * provider {@code minimax}, as the price table lists them.
 */
public enum WaveSpeedModel {
    QWEN_IMAGE("qwen-image", "wavespeed-ai/qwen-image/text-to-image", AssetType.IMAGE, OutputKind.IMAGE,
            "wavespeed", PriceUnit.IMAGE, null),
    IDEOGRAM_V3_TURBO("ideogram-v3-turbo", "ideogram-ai/ideogram-v3-turbo", AssetType.IMAGE, OutputKind.IMAGE,
            "wavespeed", PriceUnit.IMAGE, null),
    QWEN_IMAGE_EDIT("qwen-image-edit", "wavespeed-ai/qwen-image/edit", AssetType.IMAGE, OutputKind.IMAGE,
            "wavespeed", PriceUnit.IMAGE_EDIT, null),
    WAN_25_I2V_480P("wan-2.5-i2v-480p", "alibaba/wan-2.5/image-to-video", AssetType.VIDEO, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "480p"),
    WAN_25_I2V_720P("wan-2.5-i2v-720p", "alibaba/wan-2.5/image-to-video", AssetType.VIDEO, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "720p"),
    WAN_25_I2V_1080P("wan-2.5-i2v-1080p", "alibaba/wan-2.5/image-to-video", AssetType.VIDEO, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "1080p"),
    WAN_25_T2V_480P("wan-2.5-t2v-480p", "alibaba/wan-2.5/text-to-video", AssetType.VIDEO, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "480p"),
    WAN_25_T2V_720P("wan-2.5-t2v-720p", "alibaba/wan-2.5/text-to-video", AssetType.VIDEO, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "720p"),
    WAN_25_T2V_1080P("wan-2.5-t2v-1080p", "alibaba/wan-2.5/text-to-video", AssetType.VIDEO, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "1080p"),
    INFINITETALK_480P("infinitetalk-480p", "wavespeed-ai/infinitetalk", AssetType.AVATAR, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "480p"),
    INFINITETALK_720P("infinitetalk-720p", "wavespeed-ai/infinitetalk", AssetType.AVATAR, OutputKind.VIDEO,
            "wavespeed", PriceUnit.VIDEO_SECOND, "720p"),
    HUNYUAN_AVATAR("hunyuan-avatar", "wavespeed-ai/hunyuan-avatar", AssetType.AVATAR, OutputKind.VIDEO,
            "wavespeed", PriceUnit.REQUEST, "480p"),
    SPEECH_02_HD("speech-02-hd", "minimax/speech-02-hd", AssetType.AUDIO, OutputKind.AUDIO,
            "minimax", PriceUnit.THOUSAND_CHARACTERS, null),
    VOICE_CLONE("voice-clone", "minimax/voice-clone", null, OutputKind.AUDIO,
            "minimax", PriceUnit.REQUEST, null);

    /** What a finished prediction's first output is. */
    public enum OutputKind {
        IMAGE, VIDEO, AUDIO;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<OutputKind> parse(String code) {
            return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
        }
    }

    private final String code;
    private final String path;
    private final AssetType assetType;
    private final OutputKind output;
    private final String priceProvider;
    private final PriceUnit priceUnit;
    private final String resolution;

    WaveSpeedModel(String code, String path, AssetType assetType, OutputKind output, String priceProvider,
                   PriceUnit priceUnit, String resolution) {
        this.code = code;
        this.path = path;
        this.assetType = assetType;
        this.output = output;
        this.priceProvider = priceProvider;
        this.priceUnit = priceUnit;
        this.resolution = resolution;
    }

    /** The suite's name of the model, e.g. {@code wan-2.5-i2v-720p}. */
    public String code() {
        return code;
    }

    /** The WaveSpeed model path, posted to as {@code /api/v3/{path}}. */
    public String path() {
        return path;
    }

    /** The asset type the model makes through {@code submit}; null for the voice clone, which has its own call. */
    public AssetType assetType() {
        return assetType;
    }

    public OutputKind output() {
        return output;
    }

    public String priceProvider() {
        return priceProvider;
    }

    public PriceUnit priceUnit() {
        return priceUnit;
    }

    /** The output resolution the model is asked for ({@code 480p}...), null where the model has none. */
    public String resolution() {
        return resolution;
    }

    /** True for WAN 2.5 text-to-video, which takes a frame {@code size} and no image. */
    public boolean textToVideo() {
        return path.endsWith("/text-to-video");
    }

    /** A first poll soon enough for the fastest answer and late enough not to waste calls on a long one. */
    Duration pollAfter() {
        return switch (output) {
            case IMAGE -> Duration.ofSeconds(3);
            case AUDIO -> Duration.ofSeconds(5);
            case VIDEO -> assetType == AssetType.AVATAR ? Duration.ofSeconds(30) : Duration.ofSeconds(20);
        };
    }

    public static Optional<WaveSpeedModel> byCode(String code) {
        return Arrays.stream(values()).filter(model -> model.code.equals(code)).findFirst();
    }
}

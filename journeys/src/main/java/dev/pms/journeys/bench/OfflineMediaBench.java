package dev.pms.journeys.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.offline.OfflineSlideshowVideo;
import dev.pms.providers.offline.OfflineVoice;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time and bytes of the offline engines at production settings: two Instagram reels (1080×1920, 5 s) and two
 * voice-overs of about 15 s, one after the other in one JVM, as a worker makes them, then an avatar. Run with
 * {@code bench/offline-media.sh [rounds]}; rounds after the first show the warm JVM.
 */
public final class OfflineMediaBench {
    private static final List<String> HOOKS = List.of("Write less, remember more", "Every meeting, summed up in seconds");
    private static final List<String> SCRIPTS = List.of(
            "Meet Acme Notes, the notebook that listens for you. It captures every meeting, writes a clear summary in "
                    + "seconds, and files the next steps where your team already works. No more typing while you listen. "
                    + "Write less and remember more.",
            "Still typing notes while everyone talks? Let Acme Notes do it. It keeps every decision, every deadline and "
                    + "every owner in one shared notebook, even offline. Your whole team sees the same page. "
                    + "Try it free today and hear the difference.");
    private static final Map<String, Object> PRODUCT = Map.of(
            "product_name", "Acme Notes",
            "product_description", "Notes that write themselves. Capture every meeting and get a summary in seconds.",
            "features", List.of("automatic summaries", "offline sync", "shared notebooks"));
    private static final List<String> PALETTE = List.of("#1F6FEB", "#0D1117", "#F78166");

    private OfflineMediaBench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Placement reel = ChannelCatalog.load().requirePlacement("instagram/reel");
        OfflineSlideshowVideo videos = new OfflineSlideshowVideo();
        OfflineVoice voice = new OfflineVoice();
        System.out.printf(Locale.ROOT, "cores=%d, load average=%.2f, video frame rate=%d fps%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                OfflineSlideshowVideo.DEFAULT_FRAMES_PER_SECOND);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d of %d%s%n", round, rounds, round == 1 ? " (cold JVM)" : "");
            long totalStart = System.nanoTime();
            long totalBytes = 0;
            for (int i = 0; i < 2; i++) {
                totalBytes += run("video " + (i + 1), videos, request(AssetType.VIDEO, reel, HOOKS.get(i), null, i));
            }
            for (int i = 0; i < 2; i++) {
                totalBytes += run("voice " + (i + 1), voice, request(AssetType.AUDIO, null, HOOKS.get(i), SCRIPTS.get(i), i));
            }
            System.out.printf(Locale.ROOT, "total: %d ms, %d bytes%n", (System.nanoTime() - totalStart) / 1_000_000, totalBytes);
        }
        Placement shortVideo = ChannelCatalog.load().requirePlacement("youtube/short");
        run("extra: avatar", videos, request(AssetType.AVATAR, shortVideo, HOOKS.get(0), SCRIPTS.get(0), 2));
    }

    private static long run(String label, MediaProvider engine, GenerationRequest request) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        ProviderJob job = engine.submit(request);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
        if (!(job instanceof ProviderJob.Completed completed)) {
            throw new IllegalStateException(label + " did not complete: " + job);
        }
        GeneratedMedia media = completed.media();
        String size = media.width() == null ? "" : media.width() + "x" + media.height() + ", ";
        System.out.printf(Locale.ROOT, "%s: %d ms wall (%d ms CPU, all threads), %d bytes, %s%.2f s, %s, engine %s%n", label,
                millis, cpuMillis, media.bytes().length, size, media.durationSeconds(), media.mimeType(),
                media.details().get("engine"));
        return media.bytes().length;
    }

    private static GenerationRequest request(AssetType type, Placement placement, String hook, String script, int index) {
        return new GenerationRequest("bench-" + index, "asset-" + type.code() + "-" + index, type, placement,
                "A launch visual for Acme Notes", hook, "Acme Notes turns every meeting into clear next steps.", PRODUCT,
                PALETTE, List.of(), "offline", null, QualityTier.STANDARD, null, script);
    }
}

package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import org.jcodec.api.awt.AWTFrameGrab;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class FrameDumpScratchTest {
    @Test
    void dump() throws Exception {
        OfflineSlideshowVideo video = new OfflineSlideshowVideo(new OfflineImageRenderer(), new FreeTtsSynthesizer(), 2, 2);
        Path out = Files.createDirectories(Path.of("/tmp/video-frames"));
        Map<String, Object> ctx = Map.of("product_name", "Acme Notes", "product_description",
                "Notes that write themselves: meetings, calls and ideas turned into clear, searchable notes", "marketing_goal", "sign-ups");
        for (String[] c : new String[][] {{"VIDEO", "instagram/reel"}, {"AVATAR", "youtube/short"}, {"AVATAR", "youtube/video"}, {"VIDEO", "youtube/video"}}) {
            GenerationRequest r = new GenerationRequest("j", "a", AssetType.valueOf(c[0]), Requests.placement(c[1]), "prompt", "hook",
                    "concept", ctx, List.of("#1A73E8", "#0B1F3A"), List.of(), "offline", null, null, null, null,
                    new GenerationRequest.Presenter("Ada", null));
            GeneratedMedia m = ((ProviderJob.Completed) video.submit(r)).media();
            String name = c[0] + "-" + c[1].replace('/', '_');
            Files.write(out.resolve(name + ".mp4"), m.bytes());
            System.out.println(name + " " + m.durationSeconds() + " " + m.details());
            AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(m.bytes()));
            int i = 0;
            for (BufferedImage f = grab.getFrame(); f != null; f = grab.getFrame(), i++) {
                ImageIO.write(f, "png", new File(out.toFile(), name + "-" + i + ".png"));
            }
        }
    }
}

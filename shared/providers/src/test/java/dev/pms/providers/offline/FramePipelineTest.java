package dev.pms.providers.offline;

import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramePipelineTest {

    @Test
    void handsEveryFrameToTheSinkInOrder() throws Exception {
        List<Integer> seen = new ArrayList<>();

        FramePipeline.run(25, i -> picture(i), (i, picture) -> {
            assertThat(picture.getWidth()).isEqualTo(2 + 2 * i);
            seen.add(i);
        });

        assertThat(seen).hasSize(25).isSorted();
    }

    @Test
    void aPainterFailureReachesTheCaller() {
        assertThatThrownBy(() -> FramePipeline.run(5, i -> {
            if (i == 3) {
                throw new IllegalArgumentException("frame 3 is broken");
            }
            return picture(i);
        }, (i, picture) -> { })).isInstanceOf(IllegalArgumentException.class).hasMessage("frame 3 is broken");
    }

    @Test
    void aSinkFailureStopsThePainter() {
        assertThatThrownBy(() -> FramePipeline.run(1_000, FramePipelineTest::picture, (i, picture) -> {
            if (i == 2) {
                throw new IOException("disk full");
            }
        })).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    private static Picture picture(int index) {
        return Picture.create(2 + 2 * index, 2, ColorSpace.YUV420J);
    }
}

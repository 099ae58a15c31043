package dev.pms.providers.offline;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Paints and encodes a clip's frames on every core: the frames are cut into segments of a fixed length, each painted,
 * converted (video range) and encoded by its own H.264 encoder at a fixed, fine quantizer on whichever thread is free,
 * then joined in order. jcodec encodes a 1080p frame in about 70 ms of one core, so a single encoder cannot keep up
 * with a 10-second 1080p clip inside a request; segments can. Every frame is a key frame: jcodec's predicted frames,
 * which search no motion, leave faint ghosts of whatever moved (text turning away, a product's edge), while its intra
 * frames cost about as much time and a tenth more bytes. The cut depends on the frame count only, never on the number
 * of cores, so the same frames give the same bytes on any machine.
 */
final class SegmentedVideoEncoder {
    private static final int MAX_THREADS = 4;
    private static final int MOTION_SEARCH_RANGE = 0;
    /**
     * jcodec's default quantizer (20 for key frames, 26 for the others) leaves small colour differences uncoded, and
     * they add up over smooth gradients (a blurred backdrop drifts purple); at 14 the mean chroma error of such a
     * picture falls from about 6.6 to 1.8 levels for about a fifth more bytes.
     */
    static final int QUANTIZER = 14;

    /** Paints frame {@code index} into {@code target}; called from several threads at once, each with its own target. */
    @FunctionalInterface
    interface FramePainter {
        void paint(int index, BufferedImage target);
    }

    private record EncodedFrame(byte[] data, boolean keyFrame) {
    }

    /** One quantizer for every frame and macroblock. */
    private record FixedQuantizer(int quantizer) implements RateControl {
        @Override
        public int startPicture(Size size, int maxSize, SliceType sliceType) {
            return quantizer;
        }

        @Override
        public int initialQpDelta() {
            return 0;
        }

        @Override
        public int accept(int bits) {
            return 0;
        }
    }

    private SegmentedVideoEncoder() {
    }

    /**
     * Encodes {@code frameEnds.size()} frames of {@code width}×{@code height} (even sides) into {@code writer}; frame
     * {@code i} is shown until {@code frameEnds.get(i)} seconds.
     */
    static void encode(Mp4Writer writer, int width, int height, List<Double> frameEnds, int framesPerSegment,
                       FramePainter painter) {
        int frames = frameEnds.size();
        int segments = (frames + framesPerSegment - 1) / framesPerSegment;
        int threads = Math.max(1, Math.min(Math.min(segments, MAX_THREADS), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "offline-studio-encoder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<EncodedFrame>>> parts = new ArrayList<>();
            for (int segment = 0; segment < segments; segment++) {
                int first = segment * framesPerSegment;
                int last = Math.min(frames, first + framesPerSegment);
                parts.add(pool.submit(() -> encodeSegment(width, height, first, last, painter)));
            }
            int index = 0;
            for (Future<List<EncodedFrame>> part : parts) {
                for (EncodedFrame frame : part.get()) {
                    writer.addEncoded(width, height, ByteBuffer.wrap(frame.data()), frame.keyFrame(), frameEnds.get(index++));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding the clip", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("encoding the clip failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<EncodedFrame> encodeSegment(int width, int height, int first, int last, FramePainter painter) {
        H264Encoder encoder = new H264Encoder(new FixedQuantizer(QUANTIZER));
        encoder.setMotionSearchRange(MOTION_SEARCH_RANGE);
        encoder.setKeyInterval(1);
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteBuffer buffer = null;
        List<EncodedFrame> encoded = new ArrayList<>(last - first);
        for (int i = first; i < last; i++) {
            painter.paint(i, canvas);
            Picture picture = Mp4Writer.yuvVideoRange(canvas);
            if (buffer == null) {
                buffer = ByteBuffer.allocate(encoder.estimateBufferSize(picture));
            }
            buffer.clear();
            VideoEncoder.EncodedFrame frame = encoder.encodeFrame(picture, buffer);
            byte[] bytes = new byte[frame.getData().remaining()];
            frame.getData().duplicate().get(bytes);
            encoded.add(new EncodedFrame(bytes, frame.isKeyFrame()));
        }
        return encoded;
    }
}

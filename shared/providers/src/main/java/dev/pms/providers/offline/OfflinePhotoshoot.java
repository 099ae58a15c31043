package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;

import dev.pms.core.prompt.ForbiddenPhrases;
import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The studio's product photoshoot offline: a stylised packshot at exactly the requested canvas size, with no
 * marketing text over it. The product is drawn in a form its name suggests (bottle, jar, box, phone, bag, T-shirt,
 * sneaker, mug, else a canister) in the brand's colours with its own label, lit as asked (light direction, highlight,
 * rim, colour temperature), standing on the set with a contact shadow, a cast shadow and, on a glossy floor, a
 * reflection; or, when the user gave a picture of the product (as the request's product photo or its key frame), that
 * picture cut out of its backdrop and set on the scene. Variations move the camera (angle, distance, framing); a 360
 * set turns the product by equal steps. The same request always gives the same bytes.
 */
public final class OfflinePhotoshoot implements MediaProvider {
    public static final String MODEL = "offline-photoshoot-1";
    static final int DEFAULT_SIZE = 1024;
    private static final int SHADOW_DOWNSCALE = 4;
    /** A photo is cut out at most this many pixels on its longer side (a phone's 4032 would take seconds). */
    static final int MAX_PHOTO_SIDE = 1600;

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.IMAGE;
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        StudioBrief brief = request.studio();
        if (brief == null) {
            return new ProviderJob.Failed("a photoshoot needs the studio's brief", false);
        }
        Placement placement = request.placement();
        int width = placement != null && placement.canvas() != null ? placement.canvas().width() : DEFAULT_SIZE;
        int height = placement != null && placement.canvas() != null ? placement.canvas().height() : DEFAULT_SIZE;
        Shoot shoot = shoot(request, width, height);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", MODEL);
        details.put("environment", shoot.look().environment());
        details.put("background", shoot.look().background());
        details.put("background_description", shoot.scene());
        details.put("lighting", shoot.look().lighting());
        details.put("style", shoot.look().style());
        details.put("angle", shoot.look().angle());
        details.put("yaw_degrees", (int) Math.round(Math.toDegrees(shoot.yaw())));
        details.put("camera_elevation_degrees", (int) Math.round(Math.toDegrees(shoot.pitch())));
        details.put("variation", Math.max(1, brief.variation()));
        details.put("variations", Math.max(1, brief.variations()));
        details.put("product", shoot.product());
        details.put("product_form", shoot.form());
        details.put("framing", shoot.framing());
        details.put("text_overlays", "none; only the product's own label");
        return new ProviderJob.Completed(new GeneratedMedia(OfflineImageRenderer.png(shoot.image()), "image/png", null,
                width, height, null, OfflineProviders.NAME, MODEL, BigDecimal.ZERO, details));
    }

    /** What was made and how, for the asset's details. */
    record Shoot(BufferedImage image, PhotoshootLook look, String form, String product, String scene, String framing,
                 double yaw, double pitch) {
    }

    /** The camera for one variation: turn, elevation, where the product stands in the frame and how big. */
    record Camera(double yaw, double pitch, double centreX, double centreY, double scale) {
    }

    Shoot shoot(GenerationRequest request, int width, int height) {
        StudioBrief brief = request.studio();
        PhotoshootLook look = PhotoshootLook.of(brief);
        ProductFacts facts = ProductFacts.from(request.productContext());
        ForbiddenPhrases forbidden = new ForbiddenPhrases(request.forbiddenPhrases());
        String name = facts.hasName() ? facts.name() : facts.brandName();
        name = forbidden.allows(name) ? name : "";
        String variant = Objects.toString(brief.setting("product_variant", ""), "").strip();
        variant = forbidden.allows(variant) ? variant : "";
        String context = Objects.toString(request.productContext().get("additional_context"), "");
        ProductForm form = ProductForm.of(name, facts.description(), context);
        CreativePalette palette = CreativePalette.of(request.brandPalette());
        long seed = OfflineSeed.of(request);
        boolean lightFromLeft = true;
        PhotoshootLook.Light light = look.light(lightFromLeft);
        BufferedImage photo = productPhoto(request);
        BufferedImage product = photo == null ? null : ImageFilters.cutout(photo);
        boolean cutOut = product != null;
        if (photo != null && product == null) {
            product = roundedCard(photo);
        }
        Camera camera = camera(look, product == null ? form : null, brief.variation(), brief.variations(), width, height,
                seed);
        double rim = look.lighting().equals("dramatic") ? 0.5 : look.style().equals("luxury") ? 0.35 : 0.1;
        SurfaceShader shader = new SurfaceShader(light, camera.pitch(), rim);
        ProductFinish finish = ProductFinish.of(form, palette, look, facts.brandName(), name, variant);
        PackshotPainter painter = new PackshotPainter(form, finish, shader, product);
        PhotoshootScene scene = new PhotoshootScene(look, palette, lightFromLeft, seed);

        Rectangle2D unit = painter.unitBounds(camera.yaw(), camera.pitch());
        double maxWidth = width * (width > height * 1.2 ? 0.5 : 0.64) * camera.scale();
        double maxHeight = height * (height > width * 1.2 ? 0.5 : 0.6) * camera.scale();
        if (scene.plinth()) {
            maxHeight *= 0.85;
        }
        double productHeight = Math.min(maxWidth / unit.getWidth(), maxHeight / unit.getHeight());
        double centreX = width * camera.centreX();
        double centreY = height * (scene.plinth() ? camera.centreY() - 0.05 : camera.centreY());
        double baseX = centreX - (unit.getX() + unit.getWidth() / 2) * productHeight;
        double baseY = centreY - (unit.getY() + unit.getHeight() / 2) * productHeight;
        Rectangle2D silhouette = new Rectangle2D.Double(baseX + unit.getX() * productHeight,
                baseY + unit.getY() * productHeight, unit.getWidth() * productHeight, unit.getHeight() * productHeight);

        BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        painter.paint(layer, baseX, baseY, productHeight, camera.yaw(), camera.pitch());
        BufferedImage image = new BufferedImage(width, height,
                look.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        scene.paint(image, baseY, silhouette);
        double[] footprint = footprint(layer, silhouette, camera.pitch());
        if (scene.plinth()) {
            scene.paintPlinth(image, footprint[0], footprint[1], Math.max(footprint[2] * 1.9, silhouette.getWidth() * 0.75),
                    shader);
        }
        if (look.reflectiveFloor()) {
            reflect(image, layer, footprint[1], silhouette);
        }
        shadows(image, layer, look, light, footprint, silhouette, baseY, lightFromLeft);
        Graphics2D g = image.createGraphics();
        g.drawImage(layer, 0, 0, null);
        g.dispose();
        String productDescription = product != null
                ? (cutOut ? "the uploaded photo, cut out of its backdrop" : "the uploaded photo as a card (its backdrop is not plain)")
                : "a drawn " + form.code() + (name.isBlank() ? "" : " labelled '" + name + "'")
                + (variant.isBlank() ? "" : " (" + variant + ")");
        String framing = String.format(Locale.ROOT, "product %.0f%% of the frame's height, centred at %.0f%% across",
                silhouette.getHeight() * 100 / height, camera.centreX() * 100);
        return new Shoot(image, look, product != null ? "photo" : form.code(), productDescription, scene.describe(), framing,
                product != null ? 0 : camera.yaw(), camera.pitch());
    }

    /**
     * The camera: the angle's turn and elevation (a box is turned a little even from the front, so two faces show;
     * turns go towards the key light on the left, so the face that carries the label is lit and the side is in shade),
     * then, per variation, a different framing: closer and off to one side, further back, turned further. A 360 set
     * keeps the framing and turns the product by (variation − 1) × 360° / variations.
     */
    static Camera camera(PhotoshootLook look, ProductForm drawn, int variation, int variations, int width, int height,
                         long seed) {
        boolean cuboid = drawn != null && drawn.cuboid();
        boolean flat = drawn != null && !drawn.round() && !drawn.cuboid();
        double frontYaw = cuboid ? Math.toRadians(-24) : flat ? 0 : drawn == ProductForm.MUG ? Math.toRadians(-18) : 0;
        double yaw = switch (look.angle()) {
            case "side" -> drawn == ProductForm.DEVICE ? Math.toRadians(-38) : cuboid ? Math.toRadians(-58)
                    : flat ? Math.toRadians(-34) : Math.toRadians(-52);
            default -> frontYaw;
        };
        double pitch = Math.toRadians(look.angle().equals("top") ? 58 : 11);
        int index = Math.max(1, variation);
        int count = Math.max(index, Math.max(1, variations));
        if (look.angle().equals("360")) {
            return new Camera(frontYaw + 2 * Math.PI * (index - 1) / count, Math.toRadians(13), 0.5, 0.53, 1.0);
        }
        boolean landscape = width > height * 1.2;
        double side = landscape ? 0.16 : 0.08;
        Random jitter = new Random(seed ^ index * 0x9E3779B97F4A7C15L);
        double nudge = (jitter.nextDouble() - 0.5) * 0.02;
        double styleScale = switch (look.style()) {
            case "minimalist" -> 0.86;
            case "technical" -> 1.08;
            default -> 1.0;
        };
        return switch ((index - 1) % 4) {
            case 1 -> new Camera(yaw + Math.toRadians(22), pitch + Math.toRadians(5), 0.5 - side + nudge, 0.54,
                    0.9 * styleScale);
            case 2 -> new Camera(yaw - Math.toRadians(20), pitch - Math.toRadians(4), 0.5 + side + nudge, 0.52,
                    1.12 * styleScale);
            case 3 -> new Camera(yaw + Math.toRadians(40), pitch + Math.toRadians(12), 0.5 + nudge, 0.55,
                    0.78 * styleScale);
            default -> new Camera(yaw, pitch, 0.5, 0.53, styleScale);
        };
    }

    /**
     * The user's picture of the product: the request's product photo, else its key frame (the studio sends the picture
     * it was given there); null when there is none or it is not an image this runtime reads.
     */
    static BufferedImage productPhoto(GenerationRequest request) {
        BufferedImage photo = OfflineImageRenderer.photoOf(request);
        if (photo == null && request.keyFrame() != null) {
            try {
                photo = ImageIO.read(new ByteArrayInputStream(request.keyFrame()));
            } catch (IOException e) {
                return null;
            }
        }
        if (photo == null) {
            return null;
        }
        double reduce = (double) MAX_PHOTO_SIDE / Math.max(photo.getWidth(), photo.getHeight());
        return reduce >= 1 ? photo : ImageFilters.scaled(photo, (int) Math.round(photo.getWidth() * reduce),
                (int) Math.round(photo.getHeight() * reduce), photo.getColorModel().hasAlpha());
    }

    /** A photo whose backdrop cannot be told from the product: the whole photo with rounded corners. */
    private static BufferedImage roundedCard(BufferedImage photo) {
        BufferedImage card = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = OfflineImageRenderer.graphics(card);
        try {
            double corner = Math.min(photo.getWidth(), photo.getHeight()) * 0.06;
            g.setColor(Color.WHITE);
            g.fill(new RoundRectangle2D.Double(0, 0, photo.getWidth(), photo.getHeight(), corner, corner));
            g.setComposite(AlphaComposite.SrcIn);
            g.drawImage(photo, 0, 0, null);
        } finally {
            g.dispose();
        }
        return card;
    }

    /**
     * Where the product touches the floor: the centre and lowest point of its bottom rows and their half-width, so the
     * contact shadow fits whatever was drawn (a photo too).
     */
    static double[] footprint(BufferedImage layer, Rectangle2D silhouette, double pitch) {
        int width = layer.getWidth();
        int[] pixels = ImageFilters.pixels(layer);
        int top = (int) Math.max(0, Math.floor(silhouette.getY()));
        int bottom = -1;
        for (int y = Math.min(layer.getHeight() - 1, (int) Math.ceil(silhouette.getMaxY())); y >= top && bottom < 0; y--) {
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] >>> 24 > 40) {
                    bottom = y;
                    break;
                }
            }
        }
        if (bottom < 0) {
            return new double[] {silhouette.getCenterX(), silhouette.getMaxY(), silhouette.getWidth() / 2, 0};
        }
        int band = (int) Math.max(2, silhouette.getHeight() * (0.04 + 0.2 * Math.sin(pitch)));
        int left = width;
        int right = -1;
        for (int y = Math.max(0, bottom - band); y <= bottom; y++) {
            for (int x = 0; x < width; x++) {
                if (pixels[y * width + x] >>> 24 > 40) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        double half = (right - left + 1) / 2.0;
        double depth = half * (0.1 + 0.5 * Math.sin(pitch));
        return new double[] {(left + right) / 2.0, bottom - depth * 0.6, half, depth};
    }

    /** The product mirrored in a glossy floor, fading out with distance from it. */
    private static void reflect(BufferedImage image, BufferedImage layer, double floorY, Rectangle2D silhouette) {
        int top = (int) Math.floor(floorY);
        int depth = (int) Math.ceil(Math.min(image.getHeight() - top, silhouette.getHeight() * 0.5));
        int left = (int) Math.max(0, Math.floor(silhouette.getX() - 4));
        int right = (int) Math.min(image.getWidth(), Math.ceil(silhouette.getMaxX() + 4));
        if (depth < 2 || right - left < 2) {
            return;
        }
        BufferedImage mirrored = new BufferedImage(right - left, depth, BufferedImage.TYPE_INT_ARGB);
        Graphics2D m = mirrored.createGraphics();
        try {
            AffineTransform flip = new AffineTransform(1, 0, 0, -1, -left, 2 * floorY - top);
            m.drawImage(layer, flip, null);
            m.setComposite(AlphaComposite.DstIn);
            m.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 95), 0, (float) (silhouette.getHeight() * 0.45),
                    new Color(0, 0, 0, 0)));
            m.fillRect(0, 0, mirrored.getWidth(), depth);
        } finally {
            m.dispose();
        }
        ImageFilters.blur(mirrored, Math.max(1, (int) Math.round(silhouette.getHeight() * 0.004)));
        Graphics2D g = image.createGraphics();
        g.drawImage(mirrored, left, top, null);
        g.dispose();
    }

    /**
     * The product's shadows on the floor, painted at a quarter of the canvas size and blurred: a dark, tight contact
     * shadow where it touches, a wider soft occlusion, and its silhouette thrown away from the light, flattened onto the
     * floor and fading with distance.
     */
    private static void shadows(BufferedImage image, BufferedImage layer, PhotoshootLook look, PhotoshootLook.Light light,
                                double[] footprint, Rectangle2D silhouette, double baseY, boolean lightFromLeft) {
        int width = image.getWidth();
        int height = image.getHeight();
        int smallWidth = Math.max(1, width / SHADOW_DOWNSCALE);
        int smallHeight = Math.max(1, height / SHADOW_DOWNSCALE);
        double scale = (double) smallWidth / width;
        BufferedImage cast = new BufferedImage(smallWidth, smallHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D c = cast.createGraphics();
        try {
            c.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            c.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double floor = footprint[1];
            double flatten = 0.16 + 0.1 * (1 - light.y());
            double lean = (lightFromLeft ? 1 : -1) * light.shadowLength() * 0.9;
            AffineTransform onFloor = new AffineTransform(1, 0, -lean * flatten, flatten, lean * flatten * floor,
                    floor * (1 - flatten));
            AffineTransform small = AffineTransform.getScaleInstance(scale, scale);
            small.concatenate(onFloor);
            c.drawImage(layer, small, null);
            c.setComposite(AlphaComposite.SrcIn);
            c.setColor(Color.BLACK);
            c.fillRect(0, 0, smallWidth, smallHeight);
            c.setComposite(AlphaComposite.DstIn);
            double reach = silhouette.getHeight() * flatten * scale;
            c.setPaint(new GradientPaint(0, (float) (floor * scale), new Color(0, 0, 0, 255), 0,
                    (float) (floor * scale - reach * 1.1), new Color(0, 0, 0, 0)));
            c.fillRect(0, 0, smallWidth, smallHeight);
        } finally {
            c.dispose();
        }
        int softness = (int) Math.round(Math.min(width, height) * light.shadowSoftness() * scale);
        ImageFilters.blur(cast, Math.max(1, softness));

        BufferedImage contact = new BufferedImage(smallWidth, smallHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D t = contact.createGraphics();
        try {
            t.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double cx = footprint[0] * scale;
            double cy = footprint[1] * scale;
            double half = footprint[2] * scale;
            double depth = Math.max(1.5, footprint[3] * scale);
            t.setColor(new Color(0, 0, 0, 70));
            t.fill(new Ellipse2D.Double(cx - half * 1.25, cy - depth * 1.6, half * 2.5, depth * 3.2));
            t.setColor(new Color(0, 0, 0, 150));
            t.fill(new Ellipse2D.Double(cx - half * 0.98, cy - depth * 0.9, half * 1.96, depth * 1.8));
        } finally {
            t.dispose();
        }
        ImageFilters.blur(contact, Math.max(1, (int) Math.round(Math.max(1.5, footprint[3] * scale * 0.6))));

        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double strength = look.transparent() ? 0.8 : 1.0;
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (light.shadowOpacity() * strength)));
            g.drawImage(cast, 0, 0, width, height, null);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
                    (float) Math.min(1, (0.55 + light.shadowOpacity()) * strength)));
            g.drawImage(contact, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
    }
}

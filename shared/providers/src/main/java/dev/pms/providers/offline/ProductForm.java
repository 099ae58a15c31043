package dev.pms.providers.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape a drawn product takes, chosen from words in its name, then its description, then any extra context. A
 * product nothing names is a labelled canister.
 */
enum ProductForm {
    BOTTLE("bottle", "serum", "perfume", "fragrance", "cologne", "shampoo", "conditioner", "lotion", "oil", "sauce",
            "wine", "beer", "spirits", "gin", "vodka", "whisky", "whiskey", "juice", "soda", "drink", "beverage",
            "kombucha", "spray", "toner", "essence", "dropper", "vial", "flask", "tincture", "syrup", "vinegar", "cleanser",
            "body wash", "hand wash", "soap", "sanitizer", "elixir"),
    JAR("jar", "cream", "balm", "moisturi[sz]er", "cosmetic", "cosmetics", "skincare", "skin care", "ointment", "butter",
            "candle", "jam", "honey", "pomade", "wax", "mask", "scrub", "salve", "powder", "pot"),
    BOX("box", "package", "packaging", "pack", "kit", "carton", "cereal", "tea", "gift", "subscription", "bundle",
            "crate", "chocolate", "snack", "game", "puzzle", "cards", "book", "sachet"),
    DEVICE("phone", "smartphone", "iphone", "android", "tablet", "ipad", "device", "gadget", "e-reader", "ereader",
            "handset", "mobile", "smartwatch", "console", "controller", "tracker", "router", "speaker", "camera",
            "laptop", "monitor", "app"),
    APPAREL("t-shirt", "tshirt", "tee", "shirt", "hoodie", "sweatshirt", "sweater", "jumper", "jersey", "apparel",
            "clothing", "garment", "polo", "blouse", "cardigan", "jacket", "fleece", "merch"),
    BAG("bag", "tote", "backpack", "rucksack", "handbag", "purse", "satchel", "duffel", "duffle", "pouch", "clutch",
            "shopper", "messenger"),
    SHOE("shoe", "shoes", "sneaker", "sneakers", "trainer", "trainers", "boot", "boots", "footwear",
            "running shoe", "loafer", "sandal", "slipper", "heels"),
    MUG("mug", "cup", "tumbler", "coffee", "espresso", "latte", "thermos", "teacup", "beaker"),
    CANISTER();

    private final List<Pattern> words;

    ProductForm(String... words) {
        this.words = Arrays.stream(words)
                .map(word -> Pattern.compile("(?<![a-z])" + word + "(?![a-z])")).toList();
    }

    /**
     * The form the product's name names (the last such word: in "Tea Gift Box" the box is the thing), else the first
     * form its description, then its context, names.
     */
    static ProductForm of(String name, String... details) {
        ProductForm named = named(name, true);
        if (named != null) {
            return named;
        }
        for (String text : details) {
            ProductForm described = named(text, false);
            if (described != null) {
                return described;
            }
        }
        return CANISTER;
    }

    private static ProductForm named(String text, boolean last) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        ProductForm chosen = null;
        int chosenAt = last ? -1 : Integer.MAX_VALUE;
        for (ProductForm form : values()) {
            for (Pattern word : form.words) {
                Matcher matcher = word.matcher(lower);
                while (matcher.find()) {
                    if (last ? matcher.start() > chosenAt : matcher.start() < chosenAt) {
                        chosenAt = matcher.start();
                        chosen = form;
                    }
                }
            }
        }
        return chosen;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the form is a body of revolution (drawn by turning a profile), a cuboid, or a flat cut-out. */
    boolean round() {
        return this == BOTTLE || this == JAR || this == MUG || this == CANISTER;
    }

    boolean cuboid() {
        return this == BOX || this == DEVICE;
    }
}

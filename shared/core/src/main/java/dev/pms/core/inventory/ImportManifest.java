package dev.pms.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What an import's preparation found, stored beside the staged entries so that every item step (and a resumed
 * execution) reads the same list: each entry's name, kind, where its bytes were staged (a ZIP entry) or where to
 * fetch them (a store's media URL), or its text inline (a product description).
 */
public record ImportManifest(String importId, List<Entry> entries) {

    public ImportManifest {
        entries = List.copyOf(entries);
    }

    /** One entry; exactly one of {@code stagingKey}, {@code url} and {@code text} is set. */
    public record Entry(int index, String name, ItemKind kind, String stagingKey, String url, String text,
                        String label, String ref) {
    }

    public Optional<Entry> entry(int index) {
        return entries.stream().filter(e -> e.index() == index).findFirst();
    }

    public List<Integer> indexes() {
        return entries.stream().map(Entry::index).toList();
    }
}

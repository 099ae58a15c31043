package dev.pms.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MiniLmBrandConsistencyScorerTest {
    private static final List<String> ACME_BRAND = List.of(
            "A confident friendly expert voice", "clarity wins", "short sentences, concrete numbers", "launch", "ship",
            "Notes that write themselves from meetings and calls", "clear, searchable notes for product teams");
    private static final MiniLmBrandConsistencyScorer SCORER = new MiniLmBrandConsistencyScorer();

    @Test
    void onBrandCopyScoresClearlyAboveOffBrandCopy() {
        double onBrand = SCORER.score("Your meeting ends, your notes are done. Clear, searchable notes from every call. "
                + "Ship the launch plan in 10 minutes.", ACME_BRAND);
        double offBrand = SCORER.score("Our grandmother's lasagne recipe uses three cheeses. Bake it slowly for an hour. "
                + "Serve with a glass of red wine.", ACME_BRAND);

        assertThat(onBrand).isBetween(0.0, 1.0);
        assertThat(offBrand).isBetween(0.0, 1.0);
        assertThat(onBrand - offBrand).as("on-brand %.3f vs off-brand %.3f", onBrand, offBrand).isGreaterThan(0.3);
    }

    @Test
    void nothingToCompareIsNotAScore() {
        assertThat(SCORER.score("  ", ACME_BRAND)).isNaN();
        assertThat(SCORER.score("Clear notes.", List.of())).isNaN();
    }

    @Test
    void sentencesLeaveOutHashtagLines() {
        assertThat(MiniLmBrandConsistencyScorer.sentences("Ship it. Today!\n\n#AcmeNotes #Launch"))
                .containsExactly("Ship it.", "Today!");
    }

    @Test
    void aBrandsStatementsAreEmbeddedOnceForAllItsCopies() {
        List<String> embedded = new ArrayList<>();
        EmbeddingModel counting = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                segments.forEach(segment -> embedded.add(segment.text()));
                return Response.from(segments.stream().map(segment -> Embedding.from(new float[]{1, segment.text().length()}))
                        .toList());
            }
        };
        MiniLmBrandConsistencyScorer scorer = new MiniLmBrandConsistencyScorer(() -> counting);

        double first = scorer.score("Clear notes. Ship today.", ACME_BRAND);
        double second = scorer.score("Clear notes. Ship today.", ACME_BRAND);

        assertThat(second).isEqualTo(first);
        assertThat(embedded).filteredOn(ACME_BRAND::contains).hasSize(ACME_BRAND.size());
        assertThat(embedded).filteredOn("Clear notes."::equals).hasSize(2);
    }
}

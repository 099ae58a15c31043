package dev.pms.core.brand;

import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.support.Fixtures;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class BrandConsistencyTest {
    private static final ChannelCatalog CATALOG = ChannelCatalog.load();

    private final List<String> scoredCopies = new ArrayList<>();
    private final List<List<String>> scoredStatements = new ArrayList<>();
    private final BrandConsistencyScorer recordingScorer = (copy, statements) -> {
        scoredCopies.add(copy);
        scoredStatements.add(statements);
        return 0.71234;
    };

    @Test
    void aJsonCopyDocumentIsScoredAsItsTextsAgainstTheBrandDnaStatements() {
        BrandConsistency consistency = new BrandConsistency(new InMemoryBrandProfileRepository(Fixtures.CLOCK), CATALOG,
                recordingScorer);

        OptionalDouble score = consistency.score("alice", "{\"subject\": \"Notes, done.\", \"body\": \"Ship faster.\"}");

        assertThat(score).hasValue(0.712);
        assertThat(scoredCopies).containsExactly("Notes, done.\nShip faster.\n");
        assertThat(scoredStatements.get(0)).isNotEmpty().doesNotContainNull().allSatisfy(s -> assertThat(s).isNotBlank());
    }

    @Test
    void withoutAScorerOrCopyNothingIsScored() {
        InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(Fixtures.CLOCK);

        assertThat(new BrandConsistency(profiles, CATALOG, BrandConsistencyScorer.NONE).score("alice", "Ship it."))
                .isEmpty();
        assertThat(new BrandConsistency(profiles, CATALOG, recordingScorer).score("alice", " ")).isEmpty();
        assertThat(scoredCopies).isEmpty();
    }
}

package dev.pms.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.pms.core.brand.BrandConsistencyScorer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Brand consistency from sentence embeddings: the quantized all-MiniLM-L6-v2 that ships inside its jar (no download),
 * loaded on first use. Each sentence of the copy is matched with its closest brand statement; the mean of those
 * cosines is mapped linearly from {@link #UNRELATED} (0) to {@link #SAME_MEANING} (1). A brand's statements are the
 * same for each of its copies, so their embeddings are kept (the most recent {@link #STATEMENTS_REMEMBERED}).
 */
public final class MiniLmBrandConsistencyScorer implements BrandConsistencyScorer {
    /** Cosines of unrelated sentences sit around this value for MiniLM. */
    static final double UNRELATED = 0.05;
    /** Cosines of a sentence and a close paraphrase reach about this value. */
    static final double SAME_MEANING = 0.60;
    static final int MAX_SENTENCES = 24;
    static final int STATEMENTS_REMEMBERED = 1024;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final String PRIMING_SENTENCE = "Notes that write themselves, ready before the meeting ends.";

    private final Supplier<EmbeddingModel> models;
    private volatile EmbeddingModel model;
    private final Map<String, float[]> statementVectors = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > STATEMENTS_REMEMBERED;
        }
    };

    public MiniLmBrandConsistencyScorer() {
        this(AllMiniLmL6V2QuantizedEmbeddingModel::new);
    }

    MiniLmBrandConsistencyScorer(Supplier<EmbeddingModel> models) {
        this.models = models;
    }

    @Override
    public double score(String copy, List<String> brandStatements) {
        List<String> sentences = sentences(copy);
        if (sentences.isEmpty() || brandStatements.isEmpty()) {
            return Double.NaN;
        }
        List<float[]> statements = statementVectors(brandStatements);
        double sum = 0;
        for (float[] sentence : embed(sentences)) {
            double closest = -1;
            for (float[] statement : statements) {
                closest = Math.max(closest, cosine(sentence, statement));
            }
            sum += closest;
        }
        double mean = sum / sentences.size();
        return Math.max(0, Math.min(1, (mean - UNRELATED) / (SAME_MEANING - UNRELATED)));
    }

    @Override
    public void prime() {
        model().embed(PRIMING_SENTENCE);
    }

    private List<float[]> statementVectors(List<String> brandStatements) {
        List<float[]> vectors = new ArrayList<>(brandStatements.size());
        for (String statement : brandStatements) {
            float[] known;
            synchronized (statementVectors) {
                known = statementVectors.get(statement);
            }
            if (known == null) {
                known = embed(List.of(statement)).get(0);
                synchronized (statementVectors) {
                    statementVectors.put(statement, known);
                }
            }
            vectors.add(known);
        }
        return vectors;
    }

    private List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        EmbeddingModel loaded = model();
        for (String text : texts) {
            Embedding embedding = loaded.embed(text).content();
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = models.get();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    /** The copy's sentences without hashtag-only lines, at most {@link #MAX_SENTENCES}. */
    static List<String> sentences(String copy) {
        List<String> sentences = new ArrayList<>();
        if (copy == null) {
            return sentences;
        }
        for (String part : SENTENCE_END.split(copy)) {
            String sentence = part.strip();
            if (!sentence.isEmpty() && !sentence.matches("(#\\S+\\s*)+") && sentences.size() < MAX_SENTENCES) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}

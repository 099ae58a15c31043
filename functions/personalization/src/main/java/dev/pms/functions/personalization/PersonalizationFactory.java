package dev.pms.functions.personalization;

import dev.pms.aws.secrets.ProviderKeys;
import dev.pms.core.personalization.IntelligentPromptService;
import dev.pms.core.personalization.PersonalizationService;
import dev.pms.core.personalization.PromptInterpreter;
import dev.pms.core.studio.StudioTemplates;
import dev.pms.providers.openai.OpenAiCompatibleConfig;
import dev.pms.providers.openai.OpenAiPromptInterpreter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;

/**
 * Wires the intelligent prompt: with {@code PROVIDERS_MODE=live} and an OpenAI key configured, requests are read by
 * the text model (at most {@code INTELLIGENT_PROMPT_TIMEOUT_MS} per attempt, two attempts, well inside API Gateway's
 * 30 s), else, and whenever the model fails, by the offline parser.
 */
@Factory
public class PersonalizationFactory {
    static final int ATTEMPTS = 2;

    @Singleton
    PromptInterpreter promptInterpreter(@Value("${providers.mode:offline}") String mode, ProviderKeys keys,
                                        @Value("${openai.base.url:}") String baseUrl,
                                        @Value("${openai.model:gpt-4o-mini}") String model,
                                        @Value("${intelligent.prompt.timeout.ms:8000}") long timeoutMillis) {
        if (!"live".equalsIgnoreCase(mode) || !keys.has("openai")) {
            return PromptInterpreter.NONE;
        }
        return new OpenAiPromptInterpreter(new OpenAiCompatibleConfig("openai",
                URI.create(baseUrl.isBlank() ? OpenAiCompatibleConfig.OPENAI_BASE_URL : baseUrl), model,
                keys.supplier("openai"), Duration.ofMillis(timeoutMillis), ATTEMPTS, Duration.ofMillis(250),
                Duration.ofSeconds(1), OpenAiCompatibleConfig.DEFAULT_MAX_OUTPUT_TOKENS));
    }

    @Singleton
    IntelligentPromptService intelligentPromptService(PersonalizationService personalization,
                                                      PromptInterpreter interpreter) {
        return new IntelligentPromptService(personalization, interpreter, StudioTemplates.load());
    }
}

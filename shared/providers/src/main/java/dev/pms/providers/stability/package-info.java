/**
 * Stability AI image client ({@link dev.pms.providers.stability.StabilityProvider}), written against the v2beta
 * Stable Image REST API as its published OpenAPI document describes it.
 * <p>
 * The protocol, as read from the sources below:
 * <ul>
 *   <li>{@code POST /v2beta/stable-image/generate/core} and {@code .../generate/ultra}: {@code multipart/form-data}
 *       with {@code prompt} (required), {@code aspect_ratio} (one of 21:9, 16:9, 3:2, 5:4, 1:1, 4:5, 2:3, 9:16, 9:21;
 *       default 1:1), {@code negative_prompt}, {@code seed}, {@code output_format} (jpeg, png, webp);
 *       {@code Authorization: Bearer <key>}. {@code Accept: image/*} answers the image bytes with {@code finish-reason}
 *       and {@code seed} headers; {@code Accept: application/json} answers {@code {"image": base64, "finish_reason",
 *       "seed"}}.</li>
 *   <li>{@code finish-reason} is {@code SUCCESS} or {@code CONTENT_FILTERED} (the output violated the content
 *       moderation policy and was blurred).</li>
 *   <li>Errors are {@code {"id", "name", "errors": [...]}}: 400 invalid parameters, 403 {@code content_moderation}
 *       ("flagged by our content moderation system"), 413 body over 10 MiB, 422 rejected, 429 more than 150 requests
 *       in 10 seconds, 500 internal error.</li>
 *   <li>Upscales under {@code /v2beta/stable-image/upscale/}: {@code fast} and {@code conservative} answer the image;
 *       {@code creative} answers {@code {"id"}}, fetched with {@code GET /v2beta/results/{id}}, which answers 202
 *       {@code {"id", "status": "in-progress"}} until 200 with the image, and 404 once the id is unknown or
 *       expired.</li>
 *   <li>Edits under {@code /v2beta/stable-image/edit/}: {@code remove-background} ({@code image}),
 *       {@code search-and-replace} ({@code image}, {@code prompt}, {@code search_prompt}), {@code erase}
 *       ({@code image}, optional {@code mask}).</li>
 *   <li>Credits are documented per service (e.g. "The Ultra service uses 8 credits per successful result") but no
 *       response reports them, so cost comes from the suite's price table.</li>
 * </ul>
 * Sources: the Stability AI REST API OpenAPI document (https://api.stability.ai/v2alpha/openapi, as bundled in
 * github.com/tryAGI/StabilityAI, src/libs/StabilityAI/openapi.yaml: paths {@code /v2beta/stable-image/generate/ultra},
 * {@code /v2beta/audio/results/{id}}, schema {@code ContentModerationResponse}); the Stable Image Core reference page
 * (https://platform.stability.ai/docs/api-reference#tag/Generate/paths/~1v2beta~1stable-image~1generate~1core/post,
 * as copied in github.com/gambithunt/imagen, .github/instructions/sd_core.instructions.md); the Node SDK
 * {@code stability-ai} 0.7.0 type declarations (https://app.unpkg.com/stability-ai@0.7.0/files/dist/v2beta/stable-image/upscale.d.ts
 * and results.js), for which upscales are synchronous.
 */
package dev.pms.providers.stability;

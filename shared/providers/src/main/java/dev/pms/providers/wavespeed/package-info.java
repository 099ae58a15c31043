/**
 * A client for WaveSpeed AI's REST API ({@link dev.pms.providers.wavespeed.WaveSpeedProvider}).
 * <p>
 * The protocol as documented: a job is posted as JSON to {@code POST /api/v3/{model path}} with
 * {@code Authorization: Bearer <key>} and answers {@code {code, message, data: {id, status, urls.get, outputs}}};
 * {@code GET /api/v3/predictions/{id}/result} answers the same envelope, status {@code created}, {@code processing},
 * {@code completed} (outputs are URLs, kept 7 days; {@code has_nsfw_contents} flags each) or {@code failed}
 * ({@code data.error}). Sources, read 2026-11-25:
 * <ul>
 *   <li>https://wavespeed.ai/docs/what-are-predictions, https://wavespeed.ai/docs/get-result,
 *       https://wavespeed.ai/docs/submit-task, https://doc.wavespeed.ai/shared/api-result (status values, result
 *       fields, {@code has_nsfw_contents}), https://wavespeed.ai/docs/docs-common-api/predictions</li>
 *   <li>model pages under https://wavespeed.ai/docs/docs-api/: ideogram-ai/ideogram-ai-ideogram-v3-turbo
 *       ({@code aspect_ratio} 1:1, 16:9, 9:16, 4:3, 3:4), qwen-image-text-to-image ({@code size} "W*H"),
 *       wavespeed-ai/qwen-image-edit, alibaba/wan-2.5/image-to-video-fast (480p/720p/1080p, 5 or 10 s; the
 *       standard endpoint {@code alibaba/wan-2.5/image-to-video} with {@code image}, {@code prompt},
 *       {@code resolution}, {@code duration}, {@code enable_prompt_expansion} as public callers of it send them),
 *       wavespeed-ai/infinitetalk (480p/720p, billed per second with a 5 s minimum), minimax/minimax-speech-02-hd
 *       ({@code text} up to 10,000 characters, {@code voice_id}), minimax/minimax-voice-clone</li>
 *   <li>the WAN 2.5 input limits (image at most 10 MB; audio wav/mp3, 3 to 30 s, at most 15 MB) as the WAN 2.5
 *       image-to-video API pages of novita.ai and mulerouter.ai state them</li>
 *   <li>https://wavespeed.ai/models/alibaba/wan-2.5/text-to-video/llms.txt, read 2026-12-03: {@code prompt}
 *       (required), {@code negative_prompt}, {@code audio} (a URL or inline; WAV/MP3 of at least 3 s, at most
 *       15 MB), {@code size} one of 832*480, 480*832, 1280*720, 720*1280, 1920*1080, 1080*1920 (default 1280*720),
 *       {@code duration} 5 or 10, {@code enable_prompt_expansion}, {@code seed}; Alibaba's Wan references (prompt
 *       read up to 2,000 characters, negative prompt up to 500; image-to-video keeps the input image's aspect ratio
 *       at the resolution tier's pixel count and takes images of 360 to 2000 pixels a side)</li>
 *   <li>https://wavespeed.ai/models/kwaivgi/kling-v1-ai-avatar-standard/llms.txt (avatar inputs {@code image} and
 *       {@code audio} as a URL or base64) and public callers of {@code wavespeed-ai/infinitetalk} and
 *       {@code wavespeed-ai/hunyuan-avatar} ({@code image}, {@code audio}, {@code resolution}, {@code seed})</li>
 *   <li>the official Java client, github.com/WaveSpeedAI/wavespeed-java, {@code ai.wavespeed.api.Client}: the
 *       result path, the terminal statuses {@code failed}, {@code cancelled} and {@code timeout}, and media uploads
 *       ({@code POST /api/v3/media/uploads} answering {@code data.download_url} and {@code data.upload.{url,
 *       method, headers}}, then the bytes sent to {@code upload.url})</li>
 *   <li>https://wavespeed.ai/blog/posts/wavespeed-api-auth-errors (Bearer auth, 401, 429, 5xx)</li>
 * </ul>
 * Product-studio requests ({@code GenerationRequest.studio()} set) take the studio's prompt as it is, the brief's 5 or
 * 10 s, and the canvas as the output size: photoshoots are fitted exactly to it, an animation's key frame is cropped
 * to its shape first, a product video asks text-to-video for the frame of its shape; the handle then carries a short
 * {@link dev.pms.providers.wavespeed.StudioTag} so that the finishing poll can describe how the asset was made.
 * <p>
 * WaveSpeed does not document how a content-policy refusal reads; this client takes a refused call or failed
 * prediction whose message speaks of NSFW content, a content policy, moderation or a safety filter, and a completed
 * prediction with an output flagged in {@code has_nsfw_contents}, as one. Nor does a result report a cost: costs
 * come from the suite's price table.
 */
package dev.pms.providers.wavespeed;

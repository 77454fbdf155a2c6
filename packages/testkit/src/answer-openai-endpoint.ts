import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ReceivedRequest } from './mock-server.js';
import { mockEmbeddingDimensions, mockEmbeddingVector, mockPngBase64, mockTokenCount } from './mock-embedding.js';
import { isJsonObject } from './mock-request.js';
import { createOpenAIFilesBatchesAnswerer } from './openai-files-batches-mock.js';

/**
 * The OpenAI endpoints besides chat, as the OpenAI-shaped mocks (OpenAI, Azure, compatible)
 * answer them: deterministic answers computed from the request, so a test can check both what
 * the upstream received and what came back. `path` is the endpoint path after the API's base
 * (`/embeddings`, `/fine_tuning/jobs/ftjob-1/events`).
 */
export interface OpenAIEndpointAnswerer {
  /** Answers and returns true when the path is one of these endpoints; false leaves it to the mock's 404. */
  answer(request: ReceivedRequest, response: ServerResponse, path: string, model?: string): Promise<boolean>;
}

export interface OpenAIEndpointOptions {
  /** Sends a JSON answer with the mock's own headers. */
  sendJson(response: ServerResponse, status: number, body: object): void;
  /** The mock's error body for a 400. */
  error(message: string, param: string | null): object;
  /** Which endpoints this server has; the others are left to its 404. Default: all. */
  serves?: (path: string) => boolean;
}

/** The bytes the mock's `audio.speech` returns for a text: deterministic, several chunks long. */
export function mockSpeechBytes(input: string): Buffer {
  const header = Buffer.from('ID3mock-speech:');
  return Buffer.concat([header, createHash('sha512').update(input).digest(), Buffer.alloc(48 * 1024, input.length % 251)]);
}

export function createOpenAIEndpointAnswerer(options: OpenAIEndpointOptions): OpenAIEndpointAnswerer {
  const jobs = new Map<string, Record<string, unknown>>();
  const filesBatches = createOpenAIFilesBatchesAnswerer(options);
  let sequence = 0;
  const now = () => Math.floor(Date.now() / 1000);

  const readForm = async (request: ReceivedRequest): Promise<FormData | undefined> => {
    const type = request.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) return undefined;
    try {
      return await new Response(request.raw, { headers: { 'content-type': type } }).formData();
    } catch {
      return undefined;
    }
  };

  async function answer(request: ReceivedRequest, response: ServerResponse, path: string, model?: string): Promise<boolean> {
    if (options.serves && !options.serves(path)) return false;
    const { sendJson } = options;
    const bad = (message: string, param: string | null) => sendJson(response, 400, options.error(message, param));
    const body = isJsonObject(request.json) ? request.json : undefined;
    const post = request.method === 'POST';

    if (post && path === '/embeddings') {
      if (!body) return bad('We could not parse the JSON body of your request.', null), true;
      const inputs: Array<string | number[]> = typeof body.input === 'string' ? [body.input] : Array.isArray(body.input) ? (body.input.every((item: unknown) => typeof item === 'number') ? [body.input] : body.input) : [];
      if (inputs.length === 0) return bad("'input' is a required property", 'input'), true;
      const dimensions = typeof body.dimensions === 'number' ? body.dimensions : mockEmbeddingDimensions;
      const tokens = inputs.reduce((sum, input) => sum + (typeof input === 'string' ? mockTokenCount(input) : input.length), 0);
      sendJson(response, 200, {
        object: 'list',
        data: inputs.map((input, index) => {
          const vector = mockEmbeddingVector(typeof input === 'string' ? input : JSON.stringify(input), dimensions);
          return { object: 'embedding', index, embedding: body.encoding_format === 'base64' ? float32Base64(vector) : vector };
        }),
        model: model ?? body.model,
        usage: { prompt_tokens: tokens, total_tokens: tokens },
      });
      return true;
    }
    if (post && path === '/images/generations') {
      if (!body || typeof body.prompt !== 'string') return bad("'prompt' is a required property", 'prompt'), true;
      const n = typeof body.n === 'number' ? body.n : 1;
      const asUrl = body.response_format !== 'b64_json';
      sendJson(response, 200, {
        created: now(),
        data: Array.from({ length: n }, (_, index) =>
          asUrl ? { url: `https://images.mock.example/${index}.png`, revised_prompt: `mock: ${body.prompt}` } : { b64_json: mockPngBase64, revised_prompt: `mock: ${body.prompt}` },
        ),
      });
      return true;
    }
    if (post && (path === '/images/edits' || path === '/images/variations')) {
      const form = await readForm(request);
      const image = form?.get('image') ?? form?.get('image[]');
      if (!(image instanceof File)) return bad("'image' is a required file", 'image'), true;
      // The answer carries the uploaded image back, so a test sees the file arrived intact.
      const bytes = Buffer.from(await image.arrayBuffer());
      sendJson(response, 200, { created: now(), data: [{ b64_json: bytes.toString('base64') }] });
      return true;
    }
    if (post && path === '/audio/speech') {
      if (!body || typeof body.input !== 'string') return bad("'input' is a required property", 'input'), true;
      const format = typeof body.response_format === 'string' ? body.response_format : 'mp3';
      const bytes = mockSpeechBytes(body.input);
      response.writeHead(200, { 'content-type': format === 'mp3' ? 'audio/mpeg' : `audio/${format}`, 'transfer-encoding': 'chunked' });
      // Written in pieces, as a real server streams generated audio.
      for (let offset = 0; offset < bytes.length; offset += 16 * 1024) response.write(bytes.subarray(offset, offset + 16 * 1024));
      response.end();
      return true;
    }
    if (post && (path === '/audio/transcriptions' || path === '/audio/translations')) {
      const form = await readForm(request);
      const file = form?.get('file');
      if (!(file instanceof File)) return bad("'file' is a required file", 'file'), true;
      if (typeof form!.get('model') !== 'string') return bad("'model' is a required property", 'model'), true;
      const verb = path === '/audio/transcriptions' ? 'transcribed' : 'translated';
      const text = `${verb} ${file.name} (${file.size} bytes) with ${form!.get('model')}`;
      if (form!.get('response_format') === 'text') {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(text);
      } else sendJson(response, 200, { text });
      return true;
    }
    if (post && path === '/moderations') {
      if (!body || body.input === undefined) return bad("'input' is a required property", 'input'), true;
      const inputs: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
      sendJson(response, 200, {
        id: `modr-mock${++sequence}`,
        model: model ?? body.model ?? 'omni-moderation-latest',
        results: inputs.map((input) => {
          const flagged = /\b(kill|hurt)\b/i.test(typeof input === 'string' ? input : JSON.stringify(input));
          return { flagged, categories: { violence: flagged, harassment: false }, category_scores: { violence: flagged ? 0.91 : 0.01, harassment: 0.001 } };
        }),
      });
      return true;
    }
    if (post && path === '/completions') {
      if (!body || body.prompt === undefined) return bad("'prompt' is a required property", 'prompt'), true;
      const prompt = String(body.prompt);
      sendJson(response, 200, {
        id: `cmpl-mock${++sequence}`,
        object: 'text_completion',
        created: now(),
        model: model ?? body.model,
        choices: [{ text: ` completion of: ${prompt}`, index: 0, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: prompt.split(/\s+/).length, completion_tokens: 4, total_tokens: prompt.split(/\s+/).length + 4 },
      });
      return true;
    }
    if (path === '/fine_tuning/jobs' || path.startsWith('/fine_tuning/jobs/')) return answerFineTuning(request, response, path, body), true;
    if (await filesBatches.answer(request, response, path)) return true;
    return false;
  }

  function answerFineTuning(request: ReceivedRequest, response: ServerResponse, path: string, body: Record<string, any> | undefined): void {
    const { sendJson } = options;
    const segments = path.split('/').slice(3); // after /fine_tuning/jobs
    const query = new URL(request.path, 'http://mock').searchParams;
    if (segments.length === 0 && request.method === 'POST') {
      if (!body || typeof body.training_file !== 'string') return sendJson(response, 400, options.error("'training_file' is a required property", 'training_file'));
      const job = {
        object: 'fine_tuning.job',
        id: `ftjob-mock${++sequence}`,
        model: body.model,
        created_at: now(),
        finished_at: null,
        fine_tuned_model: null,
        organization_id: 'org-mock',
        result_files: [],
        status: 'validating_files',
        validation_file: body.validation_file ?? null,
        training_file: body.training_file,
        hyperparameters: { n_epochs: 'auto', batch_size: 'auto', learning_rate_multiplier: 'auto' },
        trained_tokens: null,
        error: null,
        seed: body.seed ?? 42,
      };
      jobs.set(job.id, job);
      return sendJson(response, 200, job);
    }
    if (segments.length === 0 && request.method === 'GET') {
      const limit = Number(query.get('limit') ?? 20);
      const all = [...jobs.values()].reverse();
      return sendJson(response, 200, { object: 'list', data: all.slice(0, limit), has_more: all.length > limit });
    }
    const job = jobs.get(decodeURIComponent(segments[0]!));
    if (!job) return sendJson(response, 404, options.error(`Could not find fine-tune job: ${segments[0]}`, null));
    const action = segments[1];
    if (action === undefined && request.method === 'GET') return sendJson(response, 200, job);
    if (action === 'cancel' && request.method === 'POST') {
      job.status = 'cancelled';
      return sendJson(response, 200, job);
    }
    if (action === 'events' && request.method === 'GET') {
      const events = [
        { object: 'fine_tuning.job.event', id: `ftevent-${job.id}-2`, created_at: job.created_at, level: 'info', message: 'Validating training file', data: {}, type: 'message' },
        { object: 'fine_tuning.job.event', id: `ftevent-${job.id}-1`, created_at: job.created_at, level: 'info', message: 'Created fine-tuning job', data: {}, type: 'message' },
      ];
      return sendJson(response, 200, { object: 'list', data: events.slice(0, Number(query.get('limit') ?? 20)), has_more: false });
    }
    if (action === 'checkpoints' && request.method === 'GET') {
      return sendJson(response, 200, {
        object: 'list',
        data: [
          {
            object: 'fine_tuning.job.checkpoint',
            id: `ftckpt-${job.id}-1`,
            created_at: job.created_at,
            fine_tuned_model_checkpoint: `ft:${job.model}:mock::ckpt-step-10`,
            fine_tuning_job_id: job.id,
            metrics: { step: 10, train_loss: 0.5 },
            step_number: 10,
          },
        ],
        first_id: `ftckpt-${job.id}-1`,
        last_id: `ftckpt-${job.id}-1`,
        has_more: false,
      });
    }
    return sendJson(response, 404, options.error(`Invalid URL (${request.method} ${path})`, null));
  }

  return { answer };
}

function float32Base64(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

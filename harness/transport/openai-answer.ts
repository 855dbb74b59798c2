// openaiAnswer: the text, output tokens and finish reason of an OpenAI-compatible answer, whole or streamed. Pure.

export interface OpenAiAnswer {
  text: string;
  finishReason: string | null;
  /** usage.completion_tokens when the server reported it. */
  completionTokens: number | null;
  /** usage.prompt_tokens when the server reported it. */
  promptTokens: number | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);

/** Text of one choice: chat message, chat delta, or completion text. */
export function choiceText(choice: Obj | undefined): string {
  if (!choice) return '';
  const m = obj(choice.message) ?? obj(choice.delta);
  if (m && typeof m.content === 'string') return m.content;
  return typeof choice.text === 'string' ? choice.text : '';
}

export function firstChoice(body: Obj): Obj | undefined {
  return Array.isArray(body.choices) ? obj(body.choices[0]) : undefined;
}

export function completionTokens(body: Obj): number | null {
  const u = obj(body.usage);
  return u && typeof u.completion_tokens === 'number' ? u.completion_tokens : null;
}

export function promptTokens(body: Obj): number | null {
  const u = obj(body.usage);
  return u && typeof u.prompt_tokens === 'number' ? u.prompt_tokens : null;
}

/** A whole (non-streamed) answer. */
export function openaiAnswer(body: Obj): OpenAiAnswer {
  const c = firstChoice(body);
  return {
    text: choiceText(c),
    finishReason: c && typeof c.finish_reason === 'string' ? c.finish_reason : null,
    completionTokens: completionTokens(body),
    promptTokens: promptTokens(body),
  };
}

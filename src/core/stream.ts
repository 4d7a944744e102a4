// Streamed responses (server-sent events or JSON lines) put back together: the reply text, each
// event, the conversation id, whether the final `done` arrived, and whether the stream broke.
// MaiAgent's chat completions with `isStreaming: true` send events like
// `{"content": "...", "conversationId": "...", "done": false}`, not always labelled
// text/event-stream. Pure; never throws.

interface StreamEvent {
  /** The SSE event name (`message` when none was given; `line` for JSON lines). */
  name: string;
  /** The data as sent (SSE data lines joined by a line break). */
  data: string;
  /** The data parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface AssembledStream {
  format: 'sse' | 'jsonl';
  events: StreamEvent[];
  /** The reply text: the events' content pieces joined (or the last one when each repeats the text so far). */
  text: string;
  conversationId: string | null;
  /** A final `done: true` (or `event: done`, or `data: [DONE]`) arrived. */
  done: boolean;
  /** What an error event said, or the browser's error for a connection that broke. */
  error: string | null;
  /** Time to the first byte (HAR `timings.wait`), ms; null when unknown. */
  firstEventMs: number | null;
  totalMs: number | null;
  /** The stream did not finish: an error, or no final done. */
  broken: boolean;
}

export interface StreamTiming {
  firstByteMs?: number | null | undefined;
  totalMs?: number | null | undefined;
  /** HAR `_error`, e.g. `net::ERR_INCOMPLETE_CHUNKED_ENCODING`. */
  error?: string | null | undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function parseJson(s: string): unknown {
  const t = s.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** SSE: blocks separated by blank lines, `event:` and `data:` fields; comments (`:`) ignored. */
function sseEvents(text: string): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) name = line.slice(6).trim() || 'message';
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length === 0 && name === 'message') continue;
    const joined = data.join('\n');
    events.push({ name, data: joined, json: parseJson(joined) });
  }
  return events;
}

function looksLikeSse(text: string): boolean {
  const t = text.trimStart();
  return /^(event|data|id|retry):/.test(t) && /^data:/m.test(t);
}

/** JSON lines: two or more non-empty lines, each one JSON object. */
function jsonLines(text: string): StreamEvent[] | null {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return null;
  const events: StreamEvent[] = [];
  for (const line of lines) {
    const json = parseJson(line);
    if (!isRecord(json)) return null;
    events.push({ name: 'line', data: line, json });
  }
  return events;
}

/** The text piece an event carries, in the shapes streaming APIs use. */
function contentOf(j: unknown): string | null {
  if (!isRecord(j)) return null;
  for (const k of ['content', 'text', 'delta', 'answer']) if (typeof j[k] === 'string') return j[k];
  const msg = j.message;
  if (isRecord(msg) && typeof msg.content === 'string') return msg.content;
  const choice: unknown = Array.isArray(j.choices) ? j.choices[0] : undefined;
  if (isRecord(choice) && isRecord(choice.delta) && typeof choice.delta.content === 'string') return choice.delta.content;
  return null;
}

function conversationOf(j: unknown): string | null {
  if (!isRecord(j)) return null;
  for (const k of ['conversationId', 'conversation_id', 'conversation']) {
    const v = j[k];
    if (typeof v === 'string' && v) return v;
    if (typeof v === 'number') return String(v);
    if (isRecord(v) && (typeof v.id === 'string' || typeof v.id === 'number')) return String(v.id);
  }
  return null;
}

function errorOf(e: StreamEvent): string | null {
  const j = e.json;
  const rec = isRecord(j) ? j : null;
  const err = rec?.error;
  const has = err !== undefined && err !== null && err !== false && err !== '';
  if (e.name !== 'error' && !has && rec?.type !== 'error') return null;
  if (has) return typeof err === 'string' ? err : isRecord(err) && typeof err.message === 'string' ? err.message : JSON.stringify(err);
  if (rec && typeof rec.detail === 'string') return rec.detail;
  if (rec && typeof rec.message === 'string') return rec.message;
  return e.data || e.name;
}

/** Deltas are joined; a stream whose every piece repeats and extends the one before is cumulative. */
function assemble(pieces: string[]): string {
  if (pieces.length === 0) return '';
  const cumulative =
    pieces.length > 1 && pieces.every((p, i) => i === 0 || (p.length > pieces[i - 1]!.length && p.startsWith(pieces[i - 1]!)));
  if (cumulative) return pieces[pieces.length - 1]!;
  const last = pieces[pieces.length - 1]!;
  const before = pieces.slice(0, -1).join('');
  // A final event that repeats the whole reply (some servers close with it) is not another piece.
  if (pieces.length > 1 && before !== '' && last === before) return before;
  return before + last;
}

/** null when the body is not a stream (a single JSON document, HTML, plain text…). */
export function assembleStream(body: string | undefined, mimeType: string | undefined, timing: StreamTiming = {}): AssembledStream | null {
  if (typeof body !== 'string') return null;
  const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
  const mime = (mimeType ?? '').split(';')[0]!.trim().toLowerCase();
  let format: AssembledStream['format'];
  let events: StreamEvent[];
  if (mime === 'text/event-stream' || looksLikeSse(text)) {
    format = 'sse';
    events = sseEvents(text);
  } else {
    const lines = jsonLines(text);
    if (!lines) return null;
    format = 'jsonl';
    events = lines;
  }
  const pieces: string[] = [];
  let conversationId: string | null = null;
  let done = false;
  let error: string | null = null;
  for (const e of events) {
    if (e.data.trim() === '[DONE]' || e.name === 'done' || (isRecord(e.json) && e.json.done === true)) done = true;
    const piece = contentOf(e.json);
    if (piece !== null && piece !== '') pieces.push(piece);
    else if (e.json === undefined && e.name === 'message' && e.data.trim() !== '[DONE]') pieces.push(e.data);
    conversationId ??= conversationOf(e.json);
    error ??= errorOf(e);
  }
  const broke = timing.error ? timing.error : null;
  const finite = (n: number | null | undefined) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null);
  return {
    format,
    events,
    text: assemble(pieces),
    conversationId,
    done,
    error: error ?? broke,
    firstEventMs: finite(timing.firstByteMs),
    totalMs: finite(timing.totalMs),
    broken: !done || error !== null || broke !== null,
  };
}

// Completion streams: server-sent events, or JSON chunks one per line. Counted, with the first
// error an event reports and whether a chunk said it was done.
import type { DecodedBody } from './types';
import { isRecord, stringify } from './values';

/** An unlabelled stream: the first line is an SSE field and some line carries data. */
export function looksLikeSse(s: string): boolean {
  return /^(event|data|id|retry):/.test(s) && /^data:/m.test(s);
}

/** Two or more JSON objects one after another, the first a chunk with `content` or `done`. */
export function looksLikeJsonChunks(s: string): boolean {
  return /^\{[^\n]*"(content|done)"[^\n]*\}\s*\r?\n\s*\{/.test(s);
}

export function decodeSse(text: string): DecodedBody {
  let events = 0;
  let error: string | null = null;
  let done: boolean | null = null;
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0 && name === 'message') continue;
    events += 1;
    const payload = data.join('\n');
    if (error === null) error = sseError(name, payload);
    done = chunkDone(payload, done);
  }
  return { kind: 'sse', events, error, done };
}

export function decodeJsonChunks(text: string): DecodedBody {
  let events = 0;
  let error: string | null = null;
  let done: boolean | null = null;
  for (const line of text.split(/\r?\n/)) {
    const l = line.trim();
    if (!l) continue;
    events += 1;
    if (error === null) error = sseError('message', l);
    done = chunkDone(l, done);
  }
  return { kind: 'sse', events, error, done };
}

/** A completion chunk's `done` flag folded into what earlier chunks said. */
function chunkDone(payload: string, before: boolean | null): boolean | null {
  if (!payload.startsWith('{')) return before;
  try {
    const j: unknown = JSON.parse(payload);
    if (isRecord(j) && typeof j.done === 'boolean') return before === true || j.done;
  } catch {
    /* not JSON */
  }
  return before;
}

/** The error an event reports: an `event: error`, or a data JSON with a non-empty `error`. */
function sseError(name: string, payload: string): string | null {
  let j: unknown = null;
  if (payload.startsWith('{')) {
    try {
      j = JSON.parse(payload);
    } catch {
      /* a data line that is not JSON is an ordinary event */
    }
  }
  const rec = isRecord(j) ? j : null;
  // Chunks often carry `"error": null` on success; only a real value is an error.
  const e = rec?.error;
  const hasError = e !== undefined && e !== null && e !== false && e !== '';
  if (name !== 'error' && !hasError && rec?.type !== 'error') return null;
  if (!rec) return payload || name;
  const inner = isRecord(e) ? (e.message ?? e.detail ?? e) : hasError ? e : (rec.message ?? rec.detail ?? payload);
  return stringify(inner);
}

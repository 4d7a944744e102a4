import { describe, expect, it } from 'vitest';
import { assembleStream } from '../../src/core/stream';

const sse = (...events: unknown[]) => events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`).join('');

describe('assembleStream', () => {
  it('joins MaiAgent delta events, keeps the conversation id and sees the final done', () => {
    const s = assembleStream(
      sse(
        { content: 'Hel', conversationId: 'conv-1', done: false },
        { content: 'lo!', conversationId: 'conv-1', done: false },
        { content: '', conversationId: 'conv-1', done: true },
      ),
      'text/event-stream',
      { firstByteMs: 120, totalMs: 900 },
    )!;
    expect(s.format).toBe('sse');
    expect(s.events).toHaveLength(3);
    expect(s.text).toBe('Hello!');
    expect(s.conversationId).toBe('conv-1');
    expect(s.done).toBe(true);
    expect(s.broken).toBe(false);
    expect(s.firstEventMs).toBe(120);
    expect(s.totalMs).toBe(900);
  });

  it('reads an unlabelled stream and one sent as JSON lines', () => {
    expect(assembleStream(sse({ content: 'a' }, { content: 'b', done: true }), 'application/json')!.text).toBe('ab');
    const lines = '{"content":"Hi ","conversationId":"c9","done":false}\n{"content":"there","done":false}\n{"content":"","done":true}\n';
    const s = assembleStream(lines, 'application/json')!;
    expect(s.format).toBe('jsonl');
    expect(s.text).toBe('Hi there');
    expect(s.conversationId).toBe('c9');
    expect(s.done).toBe(true);
  });

  it('takes the last piece when each event repeats the text so far, and does not double a closing full copy', () => {
    expect(assembleStream(sse({ content: 'He' }, { content: 'Hell' }, { content: 'Hello', done: true }), 'text/event-stream')!.text).toBe(
      'Hello',
    );
    expect(assembleStream(sse({ content: 'Hel' }, { content: 'lo' }, { content: 'Hello', done: true }), 'text/event-stream')!.text).toBe(
      'Hello',
    );
  });

  it('says a stream broke: no done, an error event, or the browser error of a cut connection', () => {
    const noDone = assembleStream(sse({ content: 'Hel' }, { content: 'lo' }), 'text/event-stream')!;
    expect(noDone.done).toBe(false);
    expect(noDone.broken).toBe(true);
    expect(noDone.error).toBeNull();
    const errored = assembleStream(
      `data: {"content":"x"}\n\nevent: error\ndata: {"detail":"Upstream model timed out"}\n\n`,
      'text/event-stream',
    )!;
    expect(errored.error).toBe('Upstream model timed out');
    expect(errored.broken).toBe(true);
    const cut = assembleStream(sse({ content: 'x', done: true }), 'text/event-stream', { error: 'net::ERR_INCOMPLETE_CHUNKED_ENCODING' })!;
    expect(cut.error).toBe('net::ERR_INCOMPLETE_CHUNKED_ENCODING');
    expect(cut.broken).toBe(true);
  });

  it('knows OpenAI-style deltas, [DONE] and event: done', () => {
    const s = assembleStream(
      sse({ choices: [{ delta: { content: 'O' } }] }, { choices: [{ delta: { content: 'K' } }] }, '[DONE]'),
      'text/event-stream',
    )!;
    expect(s.text).toBe('OK');
    expect(s.done).toBe(true);
    expect(assembleStream('data: {"content":"a"}\n\nevent: done\ndata: {}\n\n', 'text/event-stream')!.done).toBe(true);
  });

  it('is not a stream: one JSON document, a single JSON line, HTML, nothing', () => {
    expect(assembleStream('{"content":"x","done":true}', 'application/json')).toBeNull();
    expect(assembleStream('<html></html>', 'text/html')).toBeNull();
    expect(assembleStream(undefined, 'text/event-stream')).toBeNull();
    expect(assembleStream('[1,2]\n[3]', 'application/json')).toBeNull();
  });

  it('ignores timings that are not numbers', () => {
    const s = assembleStream(sse({ content: 'a', done: true }), 'text/event-stream', { firstByteMs: -1, totalMs: Number.NaN })!;
    expect(s.firstEventMs).toBeNull();
    expect(s.totalMs).toBeNull();
  });
});

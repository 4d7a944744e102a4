// Chat completions: a stream that broke after its 200, an error inside the stream, and the
// gateway's ~60 s limit on a completion that was not streamed.
import { msg, type Msg } from '../../messages';
import type { Facts } from '../facts';
import { finding, said } from '../finding';
import type { Finding } from '../types';

/** Gateways in front of the API cut a response off after about a minute. */
const GATEWAY_LIMIT_MS = 55_000;

export function streamRule(f: Facts): Finding | null {
  const b = f.decoded.body;
  if (f.status >= 200 && f.status < 300) {
    if (b.kind === 'sse') {
      if (b.error) return finding('streamError', msg('causeStreamError'), [msg('fixStreamError')], [msg('evStreamEvent', b.error)]);
      const cut = f.ex.error ? [msg('evStreamCut', f.ex.error)] : [];
      // Only a stream whose chunks carry `done` can be known unfinished; a truncated copy proves nothing.
      if (b.done === false && !f.ex.responseTruncated)
        return finding(
          'streamBroken',
          msg('causeStreamBroken'),
          [msg('fixStreamBroken')],
          [...cut, msg('evStreamNoDone', String(b.events))],
        );
      if (f.ex.error && b.done !== true) return finding('streamBroken', msg('causeStreamBroken'), [msg('fixStreamBroken')], cut);
      return null;
    }
    // The connection broke after the 200; DevTools keeps no body of a failed load.
    if (f.completion && f.ex.error)
      return finding('streamBroken', msg('causeStreamBroken'), [msg('fixStreamBroken')], [msg('evStreamCut', f.ex.error)]);
    return null;
  }
  if (f.completion && (f.status === 504 || f.status === 502 || f.status === 524) && f.streaming !== true) {
    const ev: Msg[] = said(f.said);
    const ms = f.ex.durationMs;
    if (ms !== undefined) ev.push(msg('evDuration', String(Math.round(ms / 1000))));
    if (f.streaming === false) ev.push(msg('evNotStreaming'));
    // A quick 502 is a gateway that failed, not a completion that ran out of time.
    if (f.status !== 504 && (ms === undefined || ms < GATEWAY_LIMIT_MS)) return null;
    return finding('completionTimeout', msg('causeCompletionTimeout'), [msg('fixCompletionStream')], ev);
  }
  return null;
}

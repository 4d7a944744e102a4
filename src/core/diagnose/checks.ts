// "What we checked": each thing the panel could verify about this request, passed or failed, or
// unknown when the panel cannot tell (an imported file, a header it cannot see).
import { msg } from '../messages';
import type { Facts } from './facts';
import { LOOPBACK } from './finding';
import type { Check } from './types';

const state = (v: boolean | null): Check['state'] => (v === null ? 'unknown' : v ? 'pass' : 'fail');

export function checksFor(f: Facts): Check[] {
  const out: Check[] = [];
  const capture = f.snap.source === 'capture';
  if (f.url) out.push({ label: msg('chkHttps'), state: state(f.url.protocol === 'https:' || LOOPBACK.has(f.url.hostname)) });
  out.push({ label: msg('chkHeaderSent'), state: state(f.auth !== null) });
  if (f.auth) {
    out.push({ label: msg('chkScheme'), state: state(f.auth.scheme.toLowerCase() === 'api-key') });
    out.push({ label: msg('chkSpaces'), state: state(!f.auth.badSpacing && !f.auth.doubledPrefix) });
    out.push({ label: msg('chkKeyShape'), state: f.auth.shape === 'redacted' ? 'unknown' : state(f.auth.shape === 'key') });
    out.push({ label: msg('chkStoredKey'), state: state(f.storedKeySent) });
  }
  if (capture) {
    out.push({ label: msg('chkInjection'), state: state(f.snap.enabled) });
    const check = f.snap.lastCheck;
    out.push({ label: msg('chkKeyCheck'), state: check === null || check.outcome === 'other' ? 'unknown' : state(check.outcome === 'ok') });
    const page = f.snap.pageOrigin;
    if (page && /^https?:\/\//.test(page) && page !== f.origin && f.snap.allowedSites !== null) {
      out.push({ label: msg('chkSiteAllowed'), state: state(f.snap.allowedSites.includes(page)) });
    }
  }
  const b = f.decoded.body;
  if (b.kind === 'sse' && b.done !== null) out.push({ label: msg('chkStreamDone'), state: state(b.done) });
  return out;
}

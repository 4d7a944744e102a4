// Where the request went: 404s, 405s and redirects. Both /api/ and /api/v1/ serve every
// endpoint, so a prefix is never the cause. Django's APPEND_SLASH redirects a slash-less URL
// (301); the browser then follows the Fetch standard's method rules.
import { headerValue } from '../../exchange';
import { msg } from '../../messages';
import type { Facts } from '../facts';
import { finding, said } from '../finding';
import type { Finding, RedirectOrigin } from '../types';

/** Per Fetch: 301/302 turn POST into GET; 303 turns everything but GET/HEAD into GET. Body dropped. */
export function becomesGet(method: string, status: number): boolean {
  const m = method.toUpperCase();
  return ((status === 301 || status === 302) && m === 'POST') || (status === 303 && m !== 'GET' && m !== 'HEAD');
}

const redirectEvidence = (r: RedirectOrigin) => msg('evRedirect', r.method.toUpperCase(), String(r.status), r.url);

export function routingRule(f: Facts): Finding | null {
  const r = f.redirectedFrom;
  const changed = r !== null && becomesGet(r.method, r.status);
  if (f.status === 405) {
    const allow = headerValue(f.ex.responseHeaders, 'allow');
    if (r && changed) {
      return finding(
        'methodAfterRedirect',
        msg('causeMethodAfterRedirect', r.method.toUpperCase(), String(r.status), f.method),
        [msg('fixRedirectSlash', f.ex.url)],
        [redirectEvidence(r), ...said(f.said)],
      );
    }
    return finding(
      'methodNotAllowed',
      msg('cause405', f.method),
      [allow ? msg('fix405Allow', allow) : msg('fix405')],
      allow ? [...said(f.said), msg('evAllow', allow)] : said(f.said),
    );
  }
  if (f.status === 404) return notFound(f);
  if ([301, 302, 303, 307, 308].includes(f.status)) return redirect(f);
  // A 2xx that only exists because a POST became GET on the way: the write never happened.
  if (r && changed && f.status >= 200 && f.status < 300) {
    return finding(
      'redirectBodyLost',
      msg('causeRedirectBodyLost', r.method.toUpperCase()),
      [msg('fixRedirectSlash', f.ex.url)],
      [redirectEvidence(r)],
    );
  }
  if (f.status === 500 && /APPEND_SLASH/.test(f.text)) {
    return finding(
      'appendSlashDebug',
      msg('causeAppendSlashDebug', f.method),
      [msg('fixRedirectSlash', slashed(f))],
      [msg('evAppendSlash')],
    );
  }
  return null;
}

function slashed(f: Facts): string {
  return f.url ? `${f.url.origin}${f.url.pathname}/${f.url.search}` : f.ex.url;
}

function notFound(f: Facts): Finding {
  const d = f.decoded.body;
  if (/^invalid page\.?$/i.test(f.said)) return finding('invalidPage', msg('causeInvalidPage'), [msg('fixInvalidPage')], said(f.said));
  if (/^invalid cursor/i.test(f.said)) return finding('invalidCursor', msg('causeInvalidCursor'), [msg('fixInvalidCursor')], said(f.said));
  // DRF's JSON `{detail}` means a view answered: the route exists, the object does not.
  if (d.kind === 'detail' || d.kind === 'envelope' || d.kind === 'message') {
    return finding('idNotFound', msg('causeIdNotFound'), [msg('fixIdNotFound')], [...said(f.said), msg('evJsonNotFound')]);
  }
  // Django's own page (or an empty body): no URL pattern matched this path.
  return finding(
    'noRoute',
    msg('causeNoRoute', f.path || '—'),
    [msg('fixNoRoute')],
    d.kind === 'html' ? [msg('evHtmlNotFound')] : said(f.said),
  );
}

function redirect(f: Facts): Finding | null {
  const location = headerValue(f.ex.responseHeaders, 'location');
  let target: URL | null = null;
  try {
    if (location) target = new URL(location, f.ex.url);
  } catch {
    /* no usable Location */
  }
  if (!f.url || !target) return null;
  const ev = [msg('evLocation', target.href)];
  if (f.url.protocol === 'http:' && target.protocol === 'https:' && target.host === f.url.host) {
    return finding('redirectToHttps', msg('causePlainHttp'), [msg('fixPlainHttp')], ev);
  }
  if (target.origin !== f.url.origin)
    return finding('redirectOtherHost', msg('causeRedirectOtherHost', target.origin), [msg('fixRedirectOtherHost')], ev);
  if (becomesGet(f.method, f.status)) {
    return finding('redirectBodyLost', msg('causeRedirectBodyLost', f.method), [msg('fixRedirectSlash', target.href)], ev);
  }
  // PUT/PATCH/DELETE (and 307/308) keep method and body: a detour, not a failure.
  if (f.method !== 'GET' && f.method !== 'HEAD')
    return finding('redirectSlash', msg('causeRedirectSlash', f.method), [msg('fixRedirectSlash', target.href)], ev);
  return null;
}

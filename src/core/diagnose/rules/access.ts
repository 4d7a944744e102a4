// 403s that are not about the key: a session cookie's CSRF check, a permission, a firewall page.
import { headerValue } from '../../exchange';
import { msg, type Msg } from '../../messages';
import type { Facts } from '../facts';
import { finding, said } from '../finding';
import type { Finding } from '../types';

/** Response headers that name an edge (CDN, load balancer, firewall) rather than the API. */
const EDGE = /cloudflare|cloudfront|awselb|akamai|incapsula|sucuri|imperva/i;

export function accessRule(f: Facts): Finding | null {
  if (f.status !== 403) return null;
  const base = said(f.said);
  if (f.complaint === 'csrf') {
    // DRF's SessionAuthentication checks CSRF only when a session cookie signed the user in:
    // the page sent cookies (credentials: 'include', or a page on the API's own origin).
    const ev: Msg[] = [...base];
    const cookie = headerValue(f.ex.requestHeaders, 'cookie');
    if (cookie !== undefined) ev.push(msg('evCookieSent'));
    const page = f.snap.pageOrigin;
    if (page && page === f.origin) ev.push(msg('evPageOnApiOrigin', page));
    return finding('csrfSession', msg('causeCsrfSession'), [msg('fixCsrfOmitCredentials'), msg('fixHeaderFormat')], ev);
  }
  if (f.complaint === 'permission') {
    return finding('noPermission', msg('cause403'), [msg('fix403')], f.auth ? [...base, msg('evHeaderSent', f.auth.masked)] : base);
  }
  const server = headerValue(f.ex.responseHeaders, 'server') ?? '';
  const edge =
    EDGE.test(server) ||
    headerValue(f.ex.responseHeaders, 'cf-ray') !== undefined ||
    headerValue(f.ex.responseHeaders, 'x-amzn-waf-action') !== undefined;
  if (f.decoded.body.kind === 'html' || edge) {
    return finding('wafBlocked', msg('causeWafBlocked'), [msg('fixWafBlocked')], [msg('evGatewayPage', f.said || server || '—')]);
  }
  return finding('forbidden', msg('causeForbidden'), [msg('fix4xx')], base);
}

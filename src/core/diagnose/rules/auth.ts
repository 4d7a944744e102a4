// 401 (and DRF's 403 twin): which credential reached which part of the server, and why it did
// not count. An unknown, revoked, placeholder or wrong-environment key gets the same body as no
// key at all ("not provided": the API-key check is a permission, not an authenticator), so the
// cause comes from what was sent and what the panel knew at the time, never from the body alone.
import { normalizeKey, type KeyProblem } from '../../key-input';
import { keyFromAuthorization, maskAuthorization } from '../../redact';
import { msg, type Msg } from '../../messages';
import { normalizeOrigin } from '../../origins';
import type { Facts, SentAuth } from '../facts';
import { finding, LOOPBACK, said, when } from '../finding';
import type { Finding } from '../types';

const AUTH_COMPLAINTS = new Set(['notProvided', 'invalidFormat', 'tokenNotValid', 'invalidToken', 'incorrectCredentials']);

export function authRule(f: Facts): Finding | null {
  const authStatus = f.status === 401 || f.status === 403;
  if (!authStatus) return null;
  if (!AUTH_COMPLAINTS.has(f.complaint ?? '') && f.status === 403) return null;
  const base = said(f.said);
  if (f.auth === null) {
    if (f.complaint === 'invalidFormat')
      return finding('invalidFormat', msg('causeInvalidFormatNone'), [msg('fixHeaderFormat')], [msg('evNoHeader'), ...base]);
    // Other words than "not provided" are not the answer to a missing header: do not guess why.
    if (f.complaint !== 'notProvided') return finding('authFailed', msg('cause401Other'), [msg('fixHeaderFormat')], base);
    return noHeader(f, [msg('evNoHeader'), ...base]);
  }
  return sentHeader(f, f.auth, [msg('evHeaderSent', f.auth.masked), ...base]);
}

function noHeader(f: Facts, ev: Msg[]): Finding {
  const s = f.snap;
  const format = msg('fixHeaderFormat');
  if (s.source === 'file')
    return finding('noHeaderSent', msg('causeNoHeaderSent'), [format, msg('fixNoHeaderFile')], [...ev, msg('evFromFile')]);
  if (s.enabled === false)
    return finding('noHeaderInjectionOff', msg('causeInjectionOff'), [msg('fixInjectionOff'), format], [...ev, msg('evInjectionOff')]);
  if (s.keyedOrigins !== null && s.keyedOrigins.length === 0)
    return finding('noHeaderNoKey', msg('causeNoKey'), [msg('fixNoKey'), format], [...ev, msg('evNoKeyStored')]);
  if (f.url && f.url.protocol === 'http:' && !LOOPBACK.has(f.url.hostname))
    return finding('noHeaderPlainHttp', msg('causePlainHttp'), [msg('fixPlainHttp')], [...ev, msg('evPlainHttp')]);
  const keyed = s.keyedOrigins ?? [];
  if (!keyed.includes(f.origin)) {
    return finding(
      'noHeaderOtherHost',
      msg('causeOtherHost', f.origin || '—', keyed.join(', ')),
      [msg('fixOtherHost'), format],
      [...ev, msg('evOtherOrigin', f.origin || '—', keyed.join(', '))],
    );
  }
  // Only a web page can be a site to allow; an opaque ("null") or extension page is not one.
  const page = s.pageOrigin && /^https?:\/\//i.test(s.pageOrigin) ? s.pageOrigin : null;
  const site = page ? normalizeOrigin(page) : null;
  const siteOrigin = site?.ok ? site.origin : page;
  if (page && siteOrigin !== f.origin && !(s.allowedSites ?? []).includes(siteOrigin!)) {
    // An insecure http site cannot be allowed, so it gets the explanation but no offer.
    const offer = site?.ok ? { kind: 'allowSite' as const, origin: site.origin } : undefined;
    return finding(
      'noHeaderSiteNotAllowed',
      msg('causeSiteNotAllowed', page),
      [msg('fixSiteNotAllowed'), format],
      [...ev, msg('evSiteNotAllowed', page)],
      offer,
    );
  }
  return finding('noHeaderUnknown', msg('causeNotSentUnknown'), [msg('fixNotSentUnknown'), format], ev);
}

function sentHeader(f: Facts, a: SentAuth, ev: Msg[]): Finding {
  const scheme = a.scheme.toLowerCase();
  const format = msg('fixHeaderFormat');
  if (a.raw.trim() === '') return finding('invalidFormat', msg('causeInvalidFormat'), [format], ev);
  // simplejwt answered: a Bearer credential reached the console's login-token check.
  if (f.complaint === 'tokenNotValid') {
    if (a.shape === 'jwt')
      return finding('jwtNotValid', msg('causeJwtNotValid'), [msg('fixUseApiKeyNotJwt'), format], [...ev, msg('evKeyJwt')]);
    return finding(
      'schemeBearer',
      msg('causeBearerIgnored'),
      [msg('fixUseApiKeyNotBearer'), format],
      [...ev, msg('evSchemeWord', schemeWord(a))],
    );
  }
  if (f.complaint === 'invalidToken' || scheme === 'token') {
    return finding(
      'schemeToken',
      msg('causeSchemeToken'),
      [msg('fixUseApiKeyNotToken'), format],
      [...ev, msg('evSchemeWord', schemeWord(a))],
    );
  }
  if (scheme === 'bearer') {
    const fixes = a.shape === 'jwt' ? [msg('fixUseApiKeyNotJwt'), format] : [msg('fixUseApiKeyNotBearer'), format];
    return finding(
      a.shape === 'jwt' ? 'jwtNotValid' : 'schemeBearer',
      msg(a.shape === 'jwt' ? 'causeJwtNotValid' : 'causeBearerIgnored'),
      fixes,
      [...ev, msg('evSchemeWord', schemeWord(a))],
    );
  }
  if (scheme !== 'api-key') {
    // A bare key, `ApiKey`, `Api-Key:` or Basic: the API-key parser finds no "Api-Key" word.
    // A bare key is its own first word: it is shown masked, never as sent.
    const word = schemeWord(a);
    return finding('schemeOther', msg('causeSchemeOther', word), [msg('fixMissingPrefix'), format], [...ev, msg('evSchemeWord', word)]);
  }
  if (f.complaint === 'invalidFormat' || a.badSpacing || a.doubledPrefix) return invalidFormat(a, ev);
  if (a.shape === 'placeholder')
    return finding('placeholderKey', msg('causePlaceholderKey'), [msg('fixPlaceholderKey')], [...ev, msg('evKeyPlaceholder')]);
  if (a.shape === 'jwt') return finding('jwtAsApiKey', msg('causeJwtAsApiKey'), [msg('fixUseApiKeyNotJwt')], [...ev, msg('evKeyJwt')]);
  return refusedKey(f, ev);
}

/** A well-formed `Api-Key <key>` the API did not know. */
function refusedKey(f: Facts, ev: Msg[]): Finding {
  const s = f.snap;
  const check = s.lastCheck;
  if (s.source === 'capture' && f.storedKeySent === false) {
    return finding(
      'pageKeyRefused',
      msg('causePageKeyRejected', f.sentFingerprint ?? '—', s.storedFingerprint ?? '—'),
      [msg('fixPageKeyRejected')],
      [...ev, msg('evOtherKeySent', f.sentFingerprint ?? '—', s.storedFingerprint ?? '—')],
    );
  }
  if (s.source === 'capture' && f.storedKeySent === true) {
    const stored = msg('evStoredKeySent', s.profileName ?? '—', s.storedFingerprint ?? '—');
    if (check && check.outcome === 'refused') {
      return finding(
        'keyRevoked',
        msg('causeKeyRevoked', s.profileName ?? '—'),
        [msg('fixKeyRevoked'), msg('fixWrongEnvironment')],
        [...ev, stored, msg('evCheckRefused', when(check.at), check.origin)],
      );
    }
    if (check && check.outcome === 'ok' && check.origin === f.origin && f.complaint === 'notProvided') {
      // The same key passed Check key on this origin: the server knew it. Only then is a header
      // lost on the way (a proxy, a rewrite) the likely reading.
      return finding(
        'headerLost',
        msg('causeHeaderStripped'),
        [msg('fixHeaderStripped'), msg('fixCheckKeyAgain')],
        [...ev, stored, msg('evCheckOk', when(check.at))],
      );
    }
    return finding(
      'keyRefused',
      msg('causeKeyRefused'),
      [msg('fixCheckKey'), msg('fixKeyRevoked'), msg('fixWrongEnvironment')],
      [...ev, stored],
    );
  }
  return finding(
    'keyRefused',
    msg('causeKeyRefused'),
    [msg('fixCheckKey'), msg('fixKeyRevoked'), msg('fixWrongEnvironment')],
    s.source === 'file' ? [...ev, msg('evFromFile')] : ev,
  );
}

/** Key problems the API's format check trips over (length is checked later, as an unknown key). */
const FORMAT_KEY_PROBLEMS: readonly KeyProblem[] = ['keyQuotes', 'keyControl', 'keyNonAscii', 'keyBadChars'];

function invalidFormat(a: SentAuth, ev: Msg[]): Finding {
  const fixes: Msg[] = [];
  if (a.doubledPrefix) fixes.push(msg('fixDoubledPrefix'));
  if (a.badSpacing) fixes.push(msg('fixStraySpaces'));
  const key = keyFromAuthorization(a.raw);
  const check = key === null ? null : normalizeKey(key);
  if (check && !check.ok && FORMAT_KEY_PROBLEMS.includes(check.problem)) fixes.push(msg(check.problem));
  fixes.push(msg('fixHeaderFormat'));
  return finding('invalidFormat', msg('causeInvalidFormat'), fixes, a.badSpacing ? [...ev, msg('evBadSpacing')] : ev);
}

/** The header's first word as shown: a bare key is its own first word, so anything key-like is masked. */
function schemeWord(a: SentAuth): string {
  return /^[A-Za-z-]{1,15}:?$/.test(a.scheme) ? a.scheme : maskAuthorization(a.scheme);
}

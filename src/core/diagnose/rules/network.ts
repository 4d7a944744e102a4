// Status 0: no response. Chrome's HAR names the reason in `_error`; each reason has its own fix.
import { headerValue } from '../../exchange';
import { msg } from '../../messages';
import type { Facts } from '../facts';
import { finding } from '../finding';
import type { Finding } from '../types';

const REASONS: [
  RegExp,
  Finding['id'],
  (
    | 'causeNetBlocked'
    | 'causeNetOffline'
    | 'causeNetDns'
    | 'causeNetRefused'
    | 'causeNetTimeout'
    | 'causeNetCert'
    | 'causeNetReset'
    | 'causeNetCancelled'
    | 'causeNetCors'
  ),
  (
    | 'fixNetBlocked'
    | 'fixNetOffline'
    | 'fixNetDns'
    | 'fixNetRefused'
    | 'fixNetTimeout'
    | 'fixNetCert'
    | 'fixNetReset'
    | 'fixNetCancelled'
    | 'fixNetCors'
  ),
][] = [
  [/BLOCKED_BY_(CLIENT|ADMINISTRATOR|EXTENSION)/, 'netBlocked', 'causeNetBlocked', 'fixNetBlocked'],
  [/CORS|BLOCKED_BY_RESPONSE|NS_ERROR_DOM_BAD_URI/, 'netCors', 'causeNetCors', 'fixNetCors'],
  [/CERT_|SSL_|_TLS_|SEC_ERROR|MOZILLA_PKIX|BAD_SSL/, 'netCert', 'causeNetCert', 'fixNetCert'],
  [/NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|DNS_|NS_ERROR_UNKNOWN_HOST/, 'netDns', 'causeNetDns', 'fixNetDns'],
  [/CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED/, 'netRefused', 'causeNetRefused', 'fixNetRefused'],
  [/TIMED_OUT|NS_ERROR_NET_TIMEOUT/, 'netTimeout', 'causeNetTimeout', 'fixNetTimeout'],
  [/INTERNET_DISCONNECTED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|NS_ERROR_OFFLINE/, 'netOffline', 'causeNetOffline', 'fixNetOffline'],
  [
    /CONNECTION_(RESET|CLOSED|ABORTED)|EMPTY_RESPONSE|NS_ERROR_NET_RESET|NS_ERROR_NET_INTERRUPT|HTTP2_PROTOCOL_ERROR|QUIC_PROTOCOL_ERROR/,
    'netReset',
    'causeNetReset',
    'fixNetReset',
  ],
  [/ABORTED|CANCELED|CANCELLED|NS_BINDING_ABORTED/, 'netCancelled', 'causeNetCancelled', 'fixNetCancelled'],
];

export function networkRule(f: Facts): Finding | null {
  if (f.status !== 0) return null;
  const error = f.ex.error ?? '';
  const up = error.toUpperCase();
  const evidence = error ? [msg('evNetError', error)] : [msg('evNoNetError')];
  for (const [re, id, cause, fix] of REASONS) if (re.test(up)) return finding(id, msg(cause), [msg(fix)], evidence);
  // net::ERR_FAILED names no reason. A cross-origin call is the one case where the browser itself
  // withholds the response (the Console has the CORS message); otherwise we say we do not know.
  const origin = headerValue(f.ex.requestHeaders, 'origin');
  if (origin && origin !== f.origin && origin !== 'null') {
    return finding('netCors', msg('causeNetCors'), [msg('fixNetCors')], [...evidence, msg('evCrossOrigin', origin)]);
  }
  return finding('netUnknown', msg('causeNetUnknown'), [msg('fixNetUnknown')], evidence);
}

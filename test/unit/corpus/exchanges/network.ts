// Status 0: no response. Chrome's HAR names the reason in `_error`.
import { API, APP, apiKey, entry, request, SRC, type Case } from './build';
import type { HarEntry } from '../../../../src/core/har';

const failed = (error: string): HarEntry['response'] => ({ status: 0, statusText: '', headers: [], content: { size: 0, mimeType: 'x-unknown' }, bodySize: 0, _error: error });
const get = (url = `${API}/api/v1/chatbots/`, page: string | null = APP) => request('GET', url, { auth: apiKey(), page });

export const networkCases: Case[] = [
  { id: 'cert-authority', title: 'An on-premises server with a self-signed certificate', source: SRC.chromeNet, expect: 'netCert', entry: entry(get('https://maiagent.corp.example.com/api/v1/chatbots/'), failed('net::ERR_CERT_AUTHORITY_INVALID')) },
  { id: 'cert-date', title: 'An expired certificate', source: SRC.chromeNet, expect: 'netCert', entry: entry(get('https://maiagent.corp.example.com/api/users/current/'), failed('net::ERR_CERT_DATE_INVALID')) },
  { id: 'cert-name', title: 'A certificate for another name', source: SRC.chromeNet, expect: 'netCert', entry: entry(get('https://10.0.4.12/api/v1/chatbots/'), failed('net::ERR_CERT_COMMON_NAME_INVALID')) },
  { id: 'dns-typo', title: 'api.maiagnet.ai (typo) does not resolve', source: SRC.chromeNet, expect: 'netDns', entry: entry(get('https://api.maiagnet.ai/api/v1/chatbots/'), failed('net::ERR_NAME_NOT_RESOLVED')) },
  { id: 'refused-local', title: 'The local API server is not running', source: SRC.chromeNet, expect: 'netRefused', entry: entry(get('http://localhost:8000/api/v1/chatbots/', 'http://localhost:5173'), failed('net::ERR_CONNECTION_REFUSED')) },
  { id: 'timeout-connect', title: 'A VPN-only on-premises host unreachable off the VPN', source: SRC.chromeNet, expect: 'netTimeout', entry: entry(get('https://maiagent.corp.example.com/api/v1/chatbots/'), failed('net::ERR_CONNECTION_TIMED_OUT'), 21034) },
  { id: 'timeout-generic', title: 'The request timed out', source: SRC.chromeNet, expect: 'netTimeout', entry: entry(get(), failed('net::ERR_TIMED_OUT'), 300000) },
  { id: 'offline', title: 'The laptop went offline', source: SRC.chromeNet, expect: 'netOffline', entry: entry(get(), failed('net::ERR_INTERNET_DISCONNECTED')) },
  { id: 'reset', title: 'The connection was reset by a proxy', source: SRC.chromeNet, expect: 'netReset', entry: entry(get(), failed('net::ERR_CONNECTION_RESET')) },
  { id: 'empty-response', title: 'The server closed the connection without answering', source: SRC.chromeNet, expect: 'netReset', entry: entry(get(), failed('net::ERR_EMPTY_RESPONSE')) },
  { id: 'blocked-client', title: 'An ad blocker blocked the request', source: SRC.chromeNet, expect: 'netBlocked', entry: entry(get(), failed('net::ERR_BLOCKED_BY_CLIENT')) },
  { id: 'aborted', title: 'The page navigated away and aborted the call', source: SRC.chromeNet, expect: 'netCancelled', entry: entry(get(), failed('net::ERR_ABORTED')) },
  { id: 'cors-cross-origin', title: 'A cross-origin call the API does not allow (DevTools shows "CORS error"; the HAR says ERR_FAILED)', source: 'https://developer.chrome.com/docs/devtools/network/reference#cors', expect: 'netCors', entry: entry(request('POST', `${API}/api/v1/chatbots/`, { auth: apiKey(), body: { name: 'x' }, page: 'https://preview.vercel.app' }), failed('net::ERR_FAILED')) },
  { id: 'failed-no-reason', title: 'ERR_FAILED with no cross-origin request to explain it', source: SRC.chromeNet, expect: 'netUnknown', entry: entry(get(`${API}/api/v1/chatbots/`, null), failed('net::ERR_FAILED')) },
];

// "Copy error report": one failed (or puzzling) request as Markdown for a support ticket or an
// issue. Pure: the panel passes the translated diagnosis, the labels, the browser and the version.
// Nothing of a request's credentials or cookies goes in, and every echo of a key is replaced.
import { canonicalUrl } from './export';
import { headerValue, type Exchange } from './exchange';
import { cookieValuesOf, credentialsOf, redactText, REDACTED, secretsMatcher, type Secrets } from './secrets';

/** Headers that name one request in a gateway's, CDN's or framework's logs. */
const REQUEST_ID_HEADERS = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-trace-id',
  'x-amz-request-id',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-amz-id-2',
  'x-amz-cf-id',
  'x-amz-cf-pop',
  'cf-ray',
  'x-cloud-trace-context',
  'traceparent',
  'x-served-by',
  'x-cache',
];

export type ReportLabel =
  | 'title'
  | 'request'
  | 'status'
  | 'noResponse'
  | 'time'
  | 'ids'
  | 'browser'
  | 'extension'
  | 'serverSaid'
  | 'body'
  | 'explanation'
  | 'fixes'
  | 'nothing';

export interface ReportInput {
  exchange: Exchange;
  /** HAR timings of the entry (ms; -1 for "not applicable"). */
  timings?: Record<string, unknown> | undefined;
  /** The diagnosis, translated. */
  meaning: string;
  serverMessage: string | null;
  fields: { path: string; messages: string[] }[];
  cause: string | null;
  fixes: string[];
  browser: string;
  extension: { name: string; version: string };
  /** Keys the extension knows (besides what the request itself carried). */
  secrets: Secrets;
}

const BODY_EXCERPT = 2000;
const TIMING_PHASES = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'];

/** Inline code that holds any text: a backtick run longer than any inside, no line breaks. */
export function inlineCode(s: string): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block that no line of the text can close. */
export function codeBlock(s: string, lang = ''): string {
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${s}\n${fence}`;
}

/** "Chrome 156.0.7000.1", "Firefox 153.0", "Edge …" from a user agent string. */
export function describeBrowser(userAgent: string): string {
  for (const [re, name] of [
    [/Edg\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/Chrome\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari\//, 'Safari'],
  ] as const) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1]}`;
  }
  return userAgent.slice(0, 120) || '?';
}

const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;

export function buildErrorReport(input: ReportInput, label: (l: ReportLabel) => string): string {
  const ex = input.exchange;
  const keys = secretsMatcher([...input.secrets.original.values(), ...credentialsOf(ex.requestHeaders)]);
  const cookies = secretsMatcher([...cookieValuesOf(ex.requestHeaders), ...cookieValuesOf(ex.responseHeaders)]);
  // Keys first (a cookie may hold one), then what is left of the cookies.
  const clean = (s: string) => redactText(redactText(s, keys), cookies, () => REDACTED);

  const method = /^[A-Za-z]+$/.test(ex.method) ? ex.method.toUpperCase() : '?';
  const url = canonicalUrl(ex.url) ?? ex.url;
  const lines: string[] = [`### ${label('title')}`, ''];
  lines.push(`- **${label('request')}:** ${inlineCode(clean(`${method} ${url}`))}`);
  const status = ex.status
    ? `${ex.status}${ex.statusText ? ` ${ex.statusText}` : ''}`
    : `${label('noResponse')}${ex.error ? ` ${ex.error}` : ''}`;
  lines.push(`- **${label('status')}:** ${inlineCode(clean(status))} — ${clean(input.meaning)}`);

  const time: string[] = [];
  if (ex.startedAt !== undefined) time.push(new Date(ex.startedAt).toISOString());
  if (ex.durationMs !== undefined) time.push(ms(ex.durationMs));
  const phases = TIMING_PHASES.flatMap((p) => {
    const v = input.timings?.[p];
    return typeof v === 'number' && v > 0 ? [`${p} ${ms(v)}`] : [];
  });
  if (time.length || phases.length)
    lines.push(`- **${label('time')}:** ${time.join(', ')}${phases.length ? ` (${phases.join(', ')})` : ''}`.replace(':**  (', ':** ('));

  const ids = REQUEST_ID_HEADERS.flatMap((h) => {
    const v = headerValue(ex.responseHeaders, h);
    return v ? [`${h} ${inlineCode(clean(v))}`] : [];
  });
  if (ids.length) lines.push(`- **${label('ids')}:** ${ids.join(', ')}`);
  lines.push(`- **${label('browser')}:** ${clean(input.browser)}`);
  lines.push(`- **${label('extension')}:** ${input.extension.name} ${input.extension.version}`);

  lines.push('', `#### ${label('serverSaid')}`, '');
  if (input.serverMessage) lines.push(inlineCode(clean(input.serverMessage)), '');
  for (const f of input.fields) lines.push(`- ${inlineCode(clean(f.path))}: ${clean(f.messages.join(' '))}`);
  if (input.fields.length) lines.push('');
  const body = ex.responseBody && !ex.responseBase64 ? clean(ex.responseBody) : '';
  if (body) {
    const cut = body.length > BODY_EXCERPT;
    lines.push(
      `${label('body')}${cut ? ` (${BODY_EXCERPT} / ${body.length})` : ''}:`,
      '',
      codeBlock(cut ? `${body.slice(0, BODY_EXCERPT)}…` : body),
      '',
    );
  } else if (!input.serverMessage && !input.fields.length) lines.push(label('nothing'), '');

  if (input.cause) lines.push(`#### ${label('explanation')}`, '', clean(input.cause), '');
  if (input.fixes.length) lines.push(`#### ${label('fixes')}`, '', ...input.fixes.map((f) => `- ${clean(f)}`), '');
  return `${lines.join('\n').trimEnd()}\n`;
}

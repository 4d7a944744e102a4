// Error pages in markup: a proxy's or Django's HTML page, DRF's browsable API, S3's XML error.
import { decodeJson } from './json';
import type { DecodedBody } from './types';

const DRF_TITLE = /django rest framework/i;

export function decodeHtml(html: string, status?: number): DecodedBody {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = m ? decodeEntities(m[1]!.replace(/\s+/g, ' ').trim()) : null;
  if (title && DRF_TITLE.test(title)) {
    const inner = browsableContent(html, status);
    if (inner) return inner;
  }
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = decodeEntities(
    (h1?.[1] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return { kind: 'html', title: title || null, text };
}

/**
 * DRF's browsable API (what an API URL opened in a tab shows) prints the JSON response inside a
 * `<pre>`, after the status line and headers; reading it gives the same answer as a fetch would.
 */
function browsableContent(html: string, status?: number): DecodedBody | null {
  for (const pre of html.matchAll(/<pre[^>]*>([\s\S]*?)<\/pre>/gi)) {
    const text = decodeEntities(pre[1]!.replace(/<[^>]*>/g, ''));
    const start = text.search(/[{[]/);
    if (start < 0) continue;
    try {
      return decodeJson(JSON.parse(text.slice(start)), status);
    } catch {
      /* not the response block */
    }
  }
  return null;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—' };

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

function decodeEntities(s: string): string {
  return (
    s
      .replace(/&(lt|gt|quot|apos|nbsp|ndash|mdash);/g, (_, name: string) => NAMED_ENTITIES[name]!)
      // Django escapes ' as &#x27;; an out-of-range number must not make fromCodePoint throw.
      .replace(/&#[xX]([0-9a-fA-F]{1,8});/g, (_, h: string) => codePoint(parseInt(h, 16)))
      .replace(/&#(\d{1,10});/g, (_, n: string) => codePoint(Number(n)))
      .replace(/&amp;/g, '&')
  );
}

function xmlTag(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decodeEntities(m[1]!.trim()) : null;
}

/** `<Error><Code>…</Code>…</Error>`; null when there is no code to report. */
export function decodeXmlError(xml: string): DecodedBody | null {
  const code = xmlTag(xml, 'Code');
  if (code === null) return null;
  return { kind: 'xmlError', code, message: xmlTag(xml, 'Message') ?? '', requestId: xmlTag(xml, 'RequestId') };
}

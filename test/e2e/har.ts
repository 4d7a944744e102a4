// HAR files as a colleague might send them, for the panel's "Import HAR": JSON exchanges with the
// API, written to a temporary folder of their own.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Header {
  name: string;
  value: string;
}

/** One exchange with the API that answered `body` as JSON with `status`: a GET without body unless said otherwise. */
export function harEntry(
  path: string,
  status: number,
  body: unknown,
  o: { method?: string; time?: number; requestHeaders?: Header[]; requestBody?: string } = {},
) {
  return {
    startedDateTime: '2026-11-20T10:00:00.000Z',
    time: o.time ?? 20,
    request: {
      method: o.method ?? 'GET',
      url: `https://api.maiagent.ai${path}`,
      headers: o.requestHeaders ?? [],
      ...(o.requestBody === undefined ? {} : { postData: { mimeType: 'application/json', text: o.requestBody } }),
    },
    response: {
      status,
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { mimeType: 'application/json', text: JSON.stringify(body) },
    },
  };
}

/** `entries` as the HAR file `name` in a new temporary folder; `done` removes the folder. */
export function harFile(name: string, entries: unknown[]): { file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'maiagent-har-'));
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', entries } }));
  return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

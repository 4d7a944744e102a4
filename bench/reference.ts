// Extensions the bench builds at run time, to measure the project against:
// - the reference: the least an extension can do to inject the header with declarativeNetRequest —
//   one static rule that sets `Authorization: Api-Key <key>` on requests to the API host, with the
//   same permission class and host permissions as the project (the limit of the technique);
// - the empty extension: one extension page with nothing on it (what any extension page costs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REFERENCE_RULE_URL_FILTER = '|https://api.maiagent.ai/';

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** A temp folder with the one-rule reference extension; the caller removes it. */
export function writeReferenceExtension(key: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'maiagent-bench-reference-'));
  const manifest = {
    manifest_version: 3,
    name: 'DNR reference (bench)',
    version: '1.0',
    permissions: ['declarativeNetRequestWithHostAccess'],
    host_permissions: ['https://api.maiagent.ai/*', 'https://docs.maiagent.ai/*'],
    declarative_net_request: { rule_resources: [{ id: 'reference', enabled: true, path: 'rules.json' }] },
  };
  const rules = [
    {
      id: 1,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Authorization', operation: 'set', value: `Api-Key ${key}` }] },
      condition: { urlFilter: REFERENCE_RULE_URL_FILTER, resourceTypes: ['xmlhttprequest', 'other'] },
    },
  ];
  write(dir, { 'manifest.json': JSON.stringify(manifest, null, 2), 'rules.json': JSON.stringify(rules, null, 2) });
  return dir;
}

/** The page of the empty extension, relative to its root. */
export const EMPTY_PAGE = 'empty.html';
/** The one element of the empty page: it is "ready" once this is in the DOM. */
export const EMPTY_MARKER = 'empty-ready';

/** A page of the same extension with one tiny script that puts the marker in: the floor of any page drawn by script. */
export const SCRIPT_PAGE = 'script.html';

/**
 * A temp folder with an extension that has no permissions and two pages: one with an element and
 * no script, and one whose only script (a file, as the CSP of extension pages requires) adds it.
 */
export function writeEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maiagent-bench-empty-'));
  mkdirSync(dir, { recursive: true });
  write(dir, {
    'manifest.json': JSON.stringify({ manifest_version: 3, name: 'Empty page (bench)', version: '1.0' }, null, 2),
    [EMPTY_PAGE]: `<!doctype html><html><head><meta charset="utf-8"><title>empty</title></head><body><p id="${EMPTY_MARKER}">empty</p></body></html>\n`,
    [SCRIPT_PAGE]: `<!doctype html><html><head><meta charset="utf-8"><title>script</title><script type="module" src="script.js"></script></head><body></body></html>\n`,
    'script.js': `const p = document.createElement('p');\np.id = '${EMPTY_MARKER}';\np.textContent = 'script';\ndocument.body.append(p);\n`,
  });
  return dir;
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

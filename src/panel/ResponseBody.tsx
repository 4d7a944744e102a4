// The response body: a JSON tree, formatted text or the raw text, with the filter's words marked;
// the first mark is scrolled into view when the row is shown or the filter changes.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { Highlighted } from './Highlighted';
import { JsonTree } from './JsonTree';
import type { Row } from './model';

type View = 'tree' | 'text' | 'raw';

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

export function ResponseBody({ row, words }: { row: Row; words: readonly string[] }) {
  const ex = row.exchange;
  const body = ex.responseBody ?? '';
  const json = useMemo(() => parse(body), [body]);
  const matches = words.length > 0 && words.some((w) => body.toLowerCase().includes(w));
  // The user's choice holds for this row; by default JSON is a tree, unless the filter found
  // something in the body: formatted text shows every match.
  const [chosen, setChosen] = useState<{ rowId: number; view: View } | null>(null);
  const view: View = chosen?.rowId === row.id ? chosen.view : json.ok && !matches ? 'tree' : 'text';
  const box = useRef<HTMLDivElement>(null);
  const wordsKey = words.join(' ');
  useEffect(() => {
    box.current?.querySelector('mark')?.scrollIntoView({ block: 'center' });
  }, [row.id, wordsKey, view]);

  if (!body || ex.responseBase64) return null;
  const pretty = json.ok ? JSON.stringify(json.value, null, 2) : body;
  return (
    <div ref={box} class="response-body">
      <label class="actions">
        {t('bodyView')}
        <select value={view} onChange={(e) => setChosen({ rowId: row.id, view: e.currentTarget.value as View })}>
          {json.ok && <option value="tree">{t('bodyViewTree')}</option>}
          <option value="text">{t('bodyViewText')}</option>
          <option value="raw">{t('showRaw')}</option>
        </select>
      </label>
      {view === 'tree' && json.ok ? (
        <JsonTree value={json.value} words={words} />
      ) : (
        <pre class="body" data-testid="response-body">
          <Highlighted text={view === 'raw' ? body : pretty} words={words} />
        </pre>
      )}
    </div>
  );
}

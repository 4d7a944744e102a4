// A JSON body as a collapsible tree, text only. Choosing a key shows its path (`results[0].id`)
// with "Copy path". Children are built only when their node is open, so large bodies stay light.
import { useState } from 'preact/hooks';
import { formatPath, type PathPart } from '../core/json-path';
import { t } from '../shared/i18n';
import { copyToClipboard } from './clipboard';
import { Highlighted } from './Highlighted';

const OPEN_DEPTH = 2;
const MAX_CHILDREN = 500;

interface NodeProps {
  name: PathPart | null;
  value: unknown;
  path: PathPart[];
  words: readonly string[];
  onPick: (path: PathPart[]) => void;
}

function Key({ name, path, onPick }: { name: PathPart | null; path: PathPart[]; onPick: (p: PathPart[]) => void }) {
  if (name === null) return null;
  return (
    <>
      <button type="button" class="key mono" onClick={() => onPick(path)}>
        {typeof name === 'number' ? String(name) : JSON.stringify(name)}
      </button>
      {': '}
    </>
  );
}

function Node({ name, value, path, words, onPick }: NodeProps) {
  const container = typeof value === 'object' && value !== null;
  const [open, setOpen] = useState(path.length < OPEN_DEPTH);
  if (!container) {
    return (
      <li class="leaf">
        <Key name={name} path={path} onPick={onPick} />
        <span class={`v-${value === null ? 'null' : typeof value}`}>
          <Highlighted text={JSON.stringify(value) ?? typeof value} words={words} />
        </span>
      </li>
    );
  }
  const entries: [PathPart, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  const summary = Array.isArray(value) ? t('jsonItems', String(entries.length)) : t('jsonKeys', String(entries.length));
  return (
    <li class="branch">
      <button
        type="button"
        class="toggle"
        aria-expanded={open}
        aria-label={open ? t('jsonCollapse') : t('jsonExpand')}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'}
      </button>
      <Key name={name} path={path} onPick={onPick} />
      <span class="muted">
        {Array.isArray(value) ? '[' : '{'}
        {open ? '' : ` ${summary} ${Array.isArray(value) ? ']' : '}'}`}
      </span>
      {open && (
        <>
          <ul>
            {entries.slice(0, MAX_CHILDREN).map(([k, v]) => (
              <Node key={String(k)} name={k} value={v} path={[...path, k]} words={words} onPick={onPick} />
            ))}
            {entries.length > MAX_CHILDREN && <li class="muted">{t('jsonMore', String(entries.length - MAX_CHILDREN))}</li>}
          </ul>
          <span class="muted">{Array.isArray(value) ? ']' : '}'}</span>
        </>
      )}
    </li>
  );
}

export function JsonTree({ value, words }: { value: unknown; words: readonly string[] }) {
  const [picked, setPicked] = useState<{ path: string; copied: boolean | null } | null>(null);
  return (
    <div class="json-tree" data-testid="json-tree">
      <div class="path-bar" aria-live="polite">
        {picked ? (
          <>
            <code data-testid="json-path">{picked.path || t('jsonRoot')}</code>
            <button
              type="button"
              onClick={() =>
                void copyToClipboard(picked.path).then((copied) => setPicked((p) => (p && p.path === picked.path ? { ...p, copied } : p)))
              }
            >
              {t('copyPath')}
            </button>
            {picked.copied !== null && <span class="muted">{picked.copied ? t('pathCopied') : t('snippetNotCopied')}</span>}
          </>
        ) : (
          <span class="muted">{t('jsonPickHint')}</span>
        )}
      </div>
      <ul class="tree mono" data-testid="response-body">
        <Node name={null} value={value} path={[]} words={words} onPick={(p) => setPicked({ path: formatPath(p), copied: null })} />
      </ul>
    </div>
  );
}

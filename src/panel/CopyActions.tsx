// Copy the request as cURL, fetch or Python (the key as an environment variable, or itself only
// when the user ticks the box) and copy an error report; the text copied is shown below. These are
// exports: they start from the row itself and replace every key they find (core/export, core/report).
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { canonicalOrigin, canonicalUrl, toCurl, toFetch, toPython } from '../core/export';
import type { Secrets } from '../core/secrets';
import { t } from '../shared/i18n';
import { send, type PublicState } from '../shared/protocol';
import { copyToClipboard } from './clipboard';
import { errorReport } from './error-report';
import type { Row } from './model';

type SnippetKind = 'curl' | 'fetch' | 'python' | 'report';

/** The full key, asked of the background only for a snippet the user asked to include it in. */
async function revealedKey(profileId: string): Promise<string | undefined> {
  const r = await send('revealKey', { profileId });
  return (r.ok && r.value.key) || undefined;
}

interface Props {
  row: Row;
  state: PublicState | null;
  secrets: Secrets;
  apiOrigins: readonly string[];
  /** Shown right after the copy buttons (the resend buttons). */
  children?: ComponentChildren;
}

export function CopyActions({ row, state, secrets, apiOrigins, children }: Props) {
  const ex = row.exchange;
  const [includeKey, setIncludeKey] = useState(false);
  // Results belong to the row they were made for; tagging them (instead of clearing them in an
  // effect) stays right even when effects run late, as they do in a DevTools window out of focus.
  const [snippetFor, setSnippet] = useState<{ rowId: number; kind: SnippetKind; text: string; copied: boolean | null } | null>(null);
  const snippet = snippetFor?.rowId === row.id ? snippetFor : null;
  // Which row is on screen, for the async snippet below: updated as soon as the row is committed
  // (a layout effect runs before anything can be clicked; a plain effect may wait for a frame).
  const shownRowRef = useRef(row.id);
  useLayoutEffect(() => {
    shownRowRef.current = row.id;
  }, [row.id]);
  // The URL as the browser reads it decides both where a snippet goes and whether the key may go with it.
  const canonical = canonicalUrl(ex.url);
  const origin = canonicalOrigin(ex.url);
  const profileId = origin && apiOrigins.includes(origin) ? state?.active[origin] : undefined;

  const makeSnippet = async (kind: SnippetKind) => {
    // The key goes into a snippet only when the user ticked the box, and comes from the background then.
    const key = kind !== 'report' && includeKey && profileId ? await revealedKey(profileId) : undefined;
    const opts = { key, secrets, apiOrigins };
    const text =
      kind === 'curl'
        ? toCurl(ex, opts)
        : kind === 'fetch'
          ? toFetch(ex, opts)
          : kind === 'python'
            ? toPython(ex, opts)
            : errorReport(row, secrets);
    // The user may have moved to another row while the key was fetched.
    if (shownRowRef.current !== row.id) return;
    setSnippet({ rowId: row.id, kind, text, copied: null });
    const copied = await copyToClipboard(text);
    setSnippet((cur) => (cur?.text === text ? { ...cur, copied } : cur));
  };

  return (
    <>
      <div class="actions">
        <button type="button" disabled={!canonical} onClick={() => void makeSnippet('curl')}>
          {t('copyCurl')}
        </button>
        <button type="button" disabled={!canonical} onClick={() => void makeSnippet('fetch')}>
          {t('copyFetch')}
        </button>
        <button type="button" disabled={!canonical} onClick={() => void makeSnippet('python')}>
          {t('copyPython')}
        </button>
        <label>
          <input
            type="checkbox"
            checked={includeKey && !!profileId}
            disabled={!profileId}
            onChange={(e) => setIncludeKey(e.currentTarget.checked)}
          />
          {t('includeKey')}
        </label>
        <button type="button" onClick={() => void makeSnippet('report')}>
          {t('copyErrorReport')}
        </button>
      </div>
      {children}
      {includeKey && profileId && <p class="error">{t('includeKeyWarning')}</p>}
      {!canonical && (
        <p class="warning" role="note">
          {t('urlUnparsable')}
        </p>
      )}
      {snippet && (
        <>
          {snippet.copied !== null && (
            <p role="status" class="muted">
              {!snippet.copied ? t('snippetNotCopied') : snippet.kind === 'report' ? t('reportCopied') : t('snippetCopied')}
            </p>
          )}
          <pre class="snippet" data-testid="snippet">
            {snippet.text}
          </pre>
        </>
      )}
    </>
  );
}

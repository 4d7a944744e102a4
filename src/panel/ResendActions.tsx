// "Resend" and "Edit and resend": the extension sends the request again (only to a configured API
// origin), with a chosen profile's key that the page never sees, and the answer becomes a new row.
import { useState } from 'preact/hooks';
import type { Exchange } from '../core/exchange';
import { resendTarget } from '../core/resend';
import { isAuthorizationHeader } from '../core/redact';
import { t } from '../shared/i18n';
import { send, type PublicProfile, type PublicState, type ResendRequest, type ResendResult } from '../shared/protocol';
import type { Row } from './model';
import { LazyResendEditor as ResendEditor } from './LazyResendEditor';
import { NO_KEY, originOf, type Draft } from './resend-draft';

interface Props {
  row: Row;
  state: PublicState | null;
  /** The answer, and the fingerprint of the key that was sent (for the diagnosis). */
  onResent: (exchange: Exchange, sentFingerprint: string | null) => void;
}

function resultText(r: ResendResult): string {
  switch (r.kind) {
    case 'refused':
      return t(r.reason, r.origin ?? '');
    case 'timeout':
      return t('resendTimeout');
    case 'network':
      return t('resendNetwork', r.message);
    default:
      return '';
  }
}

export function ResendActions({ row, state, onResent }: Props) {
  const ex = row.exchange;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ rowId: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const editing = draft?.rowId === row.id ? draft : null;
  const shown = message?.rowId === row.id ? message.text : null;

  const apiOrigins = [...new Set(state?.profiles.flatMap((p) => p.origins) ?? [])];
  const profilesFor = (origin: string): PublicProfile[] => state?.profiles.filter((p) => p.origins.includes(origin) && p.hasKey) ?? [];

  const go = async (req: ResendRequest) => {
    setBusy(true);
    setMessage({ rowId: row.id, text: t('resendSending') });
    const r = await send('resend', req);
    setBusy(false);
    if (!r.ok) setMessage({ rowId: row.id, text: t(r.problem) });
    else if (r.value.kind === 'done') {
      setMessage(null);
      setDraft(null);
      onResent(r.value.exchange, state?.profiles.find((p) => p.id === req.profileId)?.fingerprint ?? null);
    } else setMessage({ rowId: row.id, text: resultText(r.value) });
  };

  const original = (): ResendRequest => {
    const origin = originOf(ex.url);
    return {
      method: ex.method,
      url: ex.url,
      headers: ex.requestHeaders.filter((h) => !isAuthorizationHeader(h.name) && !h.name.startsWith(':')),
      ...(ex.requestBody !== undefined ? { body: ex.requestBody } : {}),
      profileId: state?.active[origin] ?? profilesFor(origin)[0]?.id ?? null,
    };
  };

  const resendNow = () => {
    const req = original();
    const target = resendTarget(req.url, apiOrigins);
    if (!target.ok)
      return setMessage({ rowId: row.id, text: t(target.reason, target.reason === 'resendNotApiOrigin' ? target.origin : '') });
    void go(req);
  };

  const edit = () => {
    const req = original();
    setMessage(null);
    setDraft({
      rowId: row.id,
      method: req.method.toUpperCase(),
      url: req.url,
      headers: req.headers
        .filter((h) => !/^(cookie|host|content-length|origin|referer|sec-.*|connection)$/i.test(h.name))
        .map((h) => `${h.name}: ${h.value}`)
        .join('\n'),
      body: req.body ?? '',
      profileId: req.profileId ?? NO_KEY,
    });
  };

  const buttons = (
    <div class="actions">
      <button type="button" onClick={resendNow} disabled={busy}>
        {t('resend')}
      </button>
      <button type="button" onClick={edit} disabled={busy} aria-expanded={editing !== null}>
        {t('editAndResend')}
      </button>
    </div>
  );
  if (!editing) {
    return (
      <>
        {buttons}
        {shown && (
          <p role="status" class="resend-message">
            {shown}
          </p>
        )}
      </>
    );
  }

  return (
    <>
      {buttons}
      <ResendEditor
        draft={editing}
        onChange={setDraft}
        apiOrigins={apiOrigins}
        profilesFor={profilesFor}
        busy={busy}
        onSend={(req) => void go(req)}
        onCancel={() => setDraft(null)}
        message={shown}
      />
    </>
  );
}

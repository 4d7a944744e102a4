// "Resend" and "Edit and resend": the extension sends the request again (only to a configured API
// origin), with a chosen profile's key that the page never sees, and the answer becomes a new row.
import { useState } from 'preact/hooks';
import type { Exchange } from '../core/exchange';
import { jsonProblem } from '../core/json-check';
import { RESEND_METHODS, parseHeaderLines, resendTarget } from '../core/resend';
import { isAuthorizationHeader } from '../core/redact';
import { t } from '../shared/i18n';
import { send, type PublicProfile, type PublicState, type ResendRequest, type ResendResult } from '../shared/protocol';
import type { Row } from './model';

interface Props {
  row: Row;
  state: PublicState | null;
  /** The answer, and the fingerprint of the key that was sent (for the diagnosis). */
  onResent: (exchange: Exchange, sentFingerprint: string | null) => void;
}

interface Draft {
  rowId: number;
  method: string;
  url: string;
  headers: string;
  body: string;
  profileId: string;
}

const NO_KEY = '';

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
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

  const d = editing;
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const target = resendTarget(d.url, apiOrigins);
  const origin = target.ok ? target.origin : originOf(d.url);
  const choices = profilesFor(origin);
  const headers = parseHeaderLines(d.headers);
  const jsonBody =
    d.body.trim() !== '' && (headers.some((h) => /^content-type$/i.test(h.name) && /json/i.test(h.value)) || /^[[{]/.test(d.body.trim()));
  const problem = jsonBody ? jsonProblem(d.body) : null;
  const bodyAllowed = d.method !== 'GET' && d.method !== 'HEAD';
  const urlMessage = target.ok ? null : t(target.reason, target.reason === 'resendNotApiOrigin' ? target.origin : '');
  const canSend = target.ok && !(bodyAllowed && problem) && !busy;

  return (
    <>
      {buttons}
      <form
        class="resend-editor"
        aria-label={t('editAndResend')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!canSend) return;
          void go({
            method: d.method,
            url: d.url,
            headers,
            ...(bodyAllowed && d.body !== '' ? { body: d.body } : {}),
            profileId: d.profileId === NO_KEY ? null : d.profileId,
          });
        }}
      >
        <div class="resend-line">
          <label>
            {t('resendMethod')}
            <select value={d.method} onChange={(e) => set({ method: e.currentTarget.value })}>
              {RESEND_METHODS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label class="grow">
            {t('resendUrl')}
            <input
              type="text"
              class="mono"
              value={d.url}
              spellcheck={false}
              aria-invalid={!target.ok}
              aria-describedby={urlMessage ? 'resend-url-problem' : undefined}
              onInput={(e) => set({ url: e.currentTarget.value })}
            />
          </label>
        </div>
        {urlMessage && (
          <p id="resend-url-problem" class="error" role="alert">
            {urlMessage}
          </p>
        )}
        <label>
          {t('resendAuthorization')}
          <select value={d.profileId} onChange={(e) => set({ profileId: e.currentTarget.value })}>
            {choices.map((p) => (
              <option key={p.id} value={p.id}>
                {t('resendKeyOf', p.name, p.masked)}
              </option>
            ))}
            <option value={NO_KEY}>{t('resendNoKeyOption')}</option>
          </select>
        </label>
        <label>
          {t('resendHeaders')}
          <textarea
            class="mono"
            rows={Math.min(8, Math.max(2, d.headers.split('\n').length))}
            spellcheck={false}
            value={d.headers}
            onInput={(e) => set({ headers: e.currentTarget.value })}
          />
        </label>
        {bodyAllowed && (
          <label>
            {t('resendBody')}
            <textarea
              class="mono"
              rows={8}
              spellcheck={false}
              value={d.body}
              aria-invalid={problem !== null}
              aria-describedby={problem ? 'resend-body-problem' : undefined}
              onInput={(e) => set({ body: e.currentTarget.value })}
            />
          </label>
        )}
        {bodyAllowed && problem && (
          <p id="resend-body-problem" class="error" role="alert" data-testid="json-problem">
            {problem.line !== null ? t('resendJsonAt', String(problem.line), String(problem.column)) : t('resendJsonInvalid')}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={!canSend}>
            {t('resendSend')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('cancel')}
          </button>
        </div>
        {shown && (
          <p role="status" class="resend-message">
            {shown}
          </p>
        )}
      </form>
    </>
  );
}

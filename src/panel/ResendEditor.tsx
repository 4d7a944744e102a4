// "Edit and resend": the request as a form (method, URL, which key, headers as lines, body), checked
// as the user types: the URL must go to a configured API origin, a JSON body must parse.
import { jsonProblem } from '../core/json-check';
import { RESEND_METHODS, parseHeaderLines, resendTarget } from '../core/resend';
import { t } from '../shared/i18n';
import type { PublicProfile, ResendRequest } from '../shared/protocol';
import { NO_KEY, originOf, type Draft } from './resend-draft';

interface Props {
  draft: Draft;
  onChange: (d: Draft) => void;
  apiOrigins: readonly string[];
  /** The profiles with a key for an origin. */
  profilesFor: (origin: string) => PublicProfile[];
  busy: boolean;
  onSend: (req: ResendRequest) => void;
  onCancel: () => void;
  /** How the last attempt went (sending, refused, failed), or null. */
  message: string | null;
}

export function ResendEditor({ draft: d, onChange, apiOrigins, profilesFor, busy, onSend, onCancel, message }: Props) {
  const set = (patch: Partial<Draft>) => onChange({ ...d, ...patch });
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
    <form
      class="resend-editor"
      aria-label={t('editAndResend')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!canSend) return;
        onSend({
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
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      {message && (
        <p role="status" class="resend-message">
          {message}
        </p>
      )}
    </form>
  );
}

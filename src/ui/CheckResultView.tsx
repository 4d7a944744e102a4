// What "Check key" found: the key's owner, or the decoded error with its cause and fix.
import { diagnose } from '../core/diagnose';
import { t, tm } from '../shared/i18n';
import type { CheckResult, PublicState } from '../shared/protocol';

export function CheckResultView({ result, state, fingerprint }: { result: CheckResult; state: PublicState; fingerprint: string }) {
  switch (result.kind) {
    case 'ok':
      return (
        <p class="ok" role="status">
          {t('checkOk', result.user.name || '—', result.user.email || '—', result.user.company || '—')}
        </p>
      );
    case 'timeout':
      return (
        <p class="error" role="alert">
          {t('checkTimeout')}
        </p>
      );
    case 'offline':
      return (
        <p class="error" role="alert">
          {t('checkOffline')}
        </p>
      );
    case 'network':
      return (
        <p class="error" role="alert">
          {t('checkNetwork', result.message)}
        </p>
      );
    case 'noKey':
      return (
        <p class="error" role="alert">
          {t('checkNoKey')}
        </p>
      );
    case 'noAccess':
      return (
        <p class="error" role="alert">
          {t('checkNoAccess', result.origin)}
        </p>
      );
    case 'http': {
      const d = diagnose({
        exchange: result.exchange,
        snapshot: {
          source: 'capture',
          enabled: state.enabled,
          keyedOrigins: Object.keys(state.active),
          allowedSites: state.sites.map((s) => s.origin),
          storedFingerprint: fingerprint,
          profileName: state.profiles.find((p) => p.fingerprint === fingerprint)?.name ?? null,
          // This answer is the check itself: no earlier one to weigh against it.
          lastCheck: null,
          pageOrigin: null,
        },
        // The check sent the stored key itself.
        sentFingerprint: fingerprint,
      });
      return (
        <div class="error" role="alert">
          <p>
            {result.exchange.status} {tm(d.decoded.meaning)}
            {d.decoded.serverMessage ? ` — ${d.decoded.serverMessage}` : ''}
          </p>
          {d.cause && <p>{tm(d.cause)}</p>}
          {d.fixes.slice(0, 2).map((f, i) => (
            <p key={i} class="muted">
              {tm(f)}
            </p>
          ))}
        </div>
      );
    }
  }
}

// "Check key" for the popup and the options page: one request to the background, the answer kept
// with the profile it was made for (a later switch of profile does not show it for another key).
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send, type CheckResult, type PublicProfile, type PublicState } from '../shared/protocol';
import { LazyCheckResult, preloadCheckResult } from './LazyCheckResult';
import type { Run } from './useAppState';

export function useKeyCheck(run: Run) {
  const [check, setCheck] = useState<{ id: string; result: CheckResult | 'busy' } | null>(null);

  const start = async (profileId: string) => {
    setCheck({ id: profileId, result: 'busy' });
    void preloadCheckResult();
    const result = await run(send('checkKey', { profileId }));
    setCheck(result.ok ? { id: profileId, result: result.value } : null);
  };
  const busy = (profileId: string) => check?.id === profileId && check.result === 'busy';

  /** The check's progress or answer for this profile, if any. */
  const view = (profile: PublicProfile, state: PublicState) => {
    if (check?.id !== profile.id) return null;
    if (check.result === 'busy')
      return (
        <p class="muted" role="status">
          {t('checking')}
        </p>
      );
    return <LazyCheckResult result={check.result} state={state} fingerprint={profile.fingerprint} />;
  };

  return { start, busy, view, clear: () => setCheck(null) };
}

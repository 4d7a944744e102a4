// The options page's form for a new profile: origins, then the shared key form with a name.
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { send } from '../shared/protocol';
import { KeyForm } from '../ui/KeyForm';
import { requestAccess } from './permission';
import { splitOrigins, type ProfilesProps } from './profile-fields';

export function AddProfileForm({ run, onStatus }: Omit<ProfilesProps, 'state'>) {
  const [open, setOpen] = useState(false);
  const [origins, setOrigins] = useState('https://api.maiagent.ai');
  if (!open)
    return (
      <button type="button" class="primary" onClick={() => setOpen(true)}>
        {t('addProfile')}
      </button>
    );
  return (
    <div class="card">
      <h3>{t('addProfile')}</h3>
      <label class="field">
        {t('originsLabel')}
        <input type="text" value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
      </label>
      <KeyForm
        withName
        onCancel={() => setOpen(false)}
        onSave={async (key, persist, name) => {
          const list = splitOrigins(origins);
          if (!(await requestAccess(list))) return 'permissionMissing';
          const r = await run(send('addProfile', { key, persist, name, origins: list }));
          if (!r.ok) return r.problem;
          setOpen(false);
          onStatus(t('profileAdded', name || (r.value.profiles.at(-1)?.name ?? '')));
          return null;
        }}
      />
    </div>
  );
}

// The panel's toolbar: clear, what to capture (DevTools only), the filters, how many rows to keep,
// HAR import and export, and how many rows are listed.
import type { Ref } from 'preact';
import type { RowFilter, StatusClass } from '../core/filter';
import { t } from '../shared/i18n';
import { KEEP_MAX, KEEP_MIN, type PanelSettings } from './usePanelSettings';

const STATUS_CLASSES: StatusClass[] = ['all', '2xx', '3xx', '4xx', '5xx', 'failed'];

interface Props {
  /** False when the panel is opened in a tab (a HAR viewer): nothing to capture. */
  devtools: boolean;
  settings: PanelSettings;
  setSettings: (s: PanelSettings) => void;
  filter: RowFilter;
  setFilter: (f: RowFilter) => void;
  /** The filter box, focused by the panel's shortcuts. */
  filterBox: Ref<HTMLInputElement>;
  onClear: () => void;
  /** A new "keep the last N", already within its limits. */
  onKeep: (keep: number) => void;
  onImport: (file: File) => void;
  onExport: () => void;
  /** Rows the filters let through, and rows listed. */
  visible: number;
  listed: number;
}

export function Toolbar({
  devtools,
  settings,
  setSettings,
  filter,
  setFilter,
  filterBox,
  onClear,
  onKeep,
  onImport,
  onExport,
  visible,
  listed,
}: Props) {
  return (
    <div class="toolbar" role="toolbar" aria-label={t('panelToolbar')}>
      <button type="button" onClick={onClear}>
        {t('clear')}
      </button>
      {devtools && (
        <>
          <label>
            <input
              type="checkbox"
              checked={settings.preserve}
              onChange={(e) => setSettings({ ...settings, preserve: e.currentTarget.checked })}
            />
            {t('preserveLog')}
          </label>
          <label>
            <input
              type="checkbox"
              role="switch"
              checked={settings.allRequests}
              onChange={(e) => setSettings({ ...settings, allRequests: e.currentTarget.checked })}
            />
            {t('allRequests')}
          </label>
        </>
      )}
      <input
        ref={filterBox}
        type="search"
        aria-label={t('filterLabel')}
        placeholder={t('filterPlaceholder')}
        aria-keyshortcuts="/ Control+F Meta+F"
        value={filter.text}
        onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
      />
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={settings.preflight}
          onChange={(e) => setSettings({ ...settings, preflight: e.currentTarget.checked })}
        />
        {t('showPreflight')}
      </label>
      <label>
        <input
          type="checkbox"
          checked={filter.errorsOnly}
          onChange={(e) => setFilter({ ...filter, errorsOnly: e.currentTarget.checked })}
        />
        {t('errorsOnly')}
      </label>
      <label>
        {t('statusClassLabel')}
        <select value={filter.statusClass} onChange={(e) => setFilter({ ...filter, statusClass: e.currentTarget.value as StatusClass })}>
          {STATUS_CLASSES.map((c) => (
            <option key={c} value={c}>
              {c === 'all' ? t('statusClassAll') : c === 'failed' ? t('statusClassFailed') : c}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('keepLast')}
        <input
          type="number"
          min={KEEP_MIN}
          max={KEEP_MAX}
          step={100}
          value={settings.keep}
          onChange={(e) => onKeep(Math.min(KEEP_MAX, Math.max(KEEP_MIN, Math.round(Number(e.currentTarget.value) || settings.keep))))}
        />
      </label>
      <label class="file-button">
        {t('importHar')}
        <input
          type="file"
          accept=".har,application/json"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) onImport(f);
          }}
        />
      </label>
      <button type="button" onClick={onExport} disabled={visible === 0}>
        {t('exportHar')}
      </button>
      <span class="count muted" data-testid="row-count" aria-live="polite">
        {visible === listed ? String(listed) : t('rowCountFiltered', String(visible), String(listed))}
      </span>
    </div>
  );
}

// HAR files: import one (its rows replace the list, explained from what the file shows) and export
// the listed rows (every key replaced by the placeholder). The outcome of an import is a notice.
import { useState } from 'preact/hooks';
import { toHar } from '../core/export';
import { capImported, HAR_FILE_MAX_BYTES, HarError, parseHar, shorten } from '../core/har';
import { t } from '../shared/i18n';
import { download } from '../ui/download';
import { extensionInfo } from './about';
import { redirectLinker, type Row } from './model';
import type { Rows } from './useRows';

export function useHarFile(rows: Rows) {
  const [notice, setNotice] = useState<string | null>(null);

  const importHar = async (file: File) => {
    const name = shorten(file.name, 60);
    try {
      // Refused before it is read: reading and parsing it could take the panel down.
      if (file.size > HAR_FILE_MAX_BYTES) throw new HarError('harTooLarge');
      const entries = parseHar(await file.text());
      const imported: Row[] = [];
      const source = { from: 'file', link: redirectLinker() } as const;
      for (const e of entries) {
        // Bodies are cut like captured ones, in the row and in the entry it keeps.
        const c = capImported(e);
        imported.push(await rows.rowFrom(c.entry, c.body, source, { bodyLoaded: true, requestTruncated: c.requestTruncated }));
      }
      rows.reset(imported);
      setNotice(t('harImported', String(entries.length), name));
    } catch (e) {
      setNotice(t('harImportFailed', name, e instanceof HarError ? t(e.problem) : t('harUnreadable')));
    }
  };

  /** The rows given (those the filters let through), with the bodies as the panel read them. */
  const exportHar = (listed: readonly Row[]) => {
    const entries = listed.map((r) => ({
      ...r.entry,
      response: {
        ...r.entry.response,
        content: {
          ...(r.entry.response.content ?? {}),
          text: r.exchange.responseBody,
          ...(r.exchange.responseBase64 ? { encoding: 'base64' } : {}),
        },
      },
    }));
    download(`maiagent-${new Date().toISOString().replace(/[:.]/g, '-')}.har`, toHar(entries, extensionInfo(), rows.currentSecrets()));
  };

  return { notice, dismissNotice: () => setNotice(null), importHar, exportHar };
}

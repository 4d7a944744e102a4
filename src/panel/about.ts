// What an error report or an exported HAR file says about the extension and the browser.
import { ext } from '../platform/ext';
import { t } from '../shared/i18n';

/** Name and version from the manifest, so that they are never out of date. */
export function extensionInfo(): { name: string; version: string } {
  const m = ext.runtime.getManifest();
  return { name: m.name.startsWith('__MSG_') ? t('extName') : m.name, version: m.version };
}

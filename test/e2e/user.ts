// What a user does in the popup, by label and role (not CSS classes). No test-runner imports:
// the benchmark harness uses these too.
import type { Page } from 'playwright-core';
import type { Launched } from './browser';

/** The popup's words for the key field and its button: English unless the browser runs in another language. */
interface KeyFormLabels {
  key: string;
  save: string;
}

export async function saveKeyInPopup(b: Launched, key: string, labels: KeyFormLabels = { key: 'API key', save: 'Save' }): Promise<Page> {
  const popup = await b.openPopup();
  await popup.getByLabel(labels.key).fill(key);
  await popup.getByRole('button', { name: labels.save, exact: true }).click();
  await popup.getByTestId('masked-key').waitFor({ timeout: 10_000 });
  return popup;
}

/** In an open popup: "Add another key", a name and the key, "Save"; waits until the popup shows that key (masked). */
export async function addKeyInPopup(popup: Page, name: string, key: string): Promise<void> {
  await popup.getByRole('button', { name: 'Add another key' }).click();
  await popup.getByLabel('Name').fill(name);
  await popup.getByLabel('API key').fill(key);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup
    .getByTestId('masked-key')
    .filter({ hasText: `${key.slice(0, 6)}...${key.slice(-2)}` })
    .waitFor();
}

/** Fetch from inside a page and return what the echo endpoint saw (or the error). */
export async function pageFetch(page: Page, url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const r = await fetch(url, { ...init, credentials: 'omit' });
        return { status: r.status, text: await r.text() };
      } catch (e) {
        return { status: 0, text: String(e) };
      }
    },
    { url, init },
  );
}

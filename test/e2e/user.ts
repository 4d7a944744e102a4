// What a user does in the popup, by label and role (not CSS classes). No test-runner imports:
// the benchmark harness uses these too.
import type { Page } from 'playwright-core';
import type { Launched } from './browser';

export async function saveKeyInPopup(b: Launched, key: string): Promise<Page> {
  const popup = await b.openPopup();
  await popup.getByLabel('API key').fill(key);
  await popup.getByRole('button', { name: 'Save' }).click();
  await popup.getByTestId('masked-key').waitFor({ timeout: 10_000 });
  return popup;
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

// First-run tips for the two places a new Chromium user gets lost: the popup says to pin the
// button from the puzzle-piece menu, the panel in DevTools says its tab may be under ». Each is
// shown until dismissed, and stays dismissed when the page opens again.
import { describe, expect, it } from 'vitest';
import { openPanel, poll, type Cdp } from './devtools';
import { useExtension } from './setup';

const env = useExtension({}, { devtools: true });

describe('first-run tips', () => {
  it('the panel opened as a HAR viewer in a tab shows no DevTools tip (not dismissed yet: the next test shows it in DevTools)', async () => {
    const viewer = await env.b.ctx.newPage();
    await viewer.goto(`chrome-extension://${env.b.extId}/src/panel/panel.html`);
    await viewer.getByLabel('Import HAR').waitFor();
    expect(await viewer.getByTestId('tip-panel-overflow').count()).toBe(0);
    await viewer.close();
  });

  it('popup: pin it from the puzzle-piece menu; dismissed once, gone for good', async () => {
    const popup = await env.b.openPopup();
    const tip = popup.getByRole('note');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('puzzle-piece (Extensions) menu and pin MaiAgent DevTools');
    await tip.getByRole('button', { name: 'Got it' }).click();
    await tip.waitFor({ state: 'detached' });
    await popup.close();
    const again = await env.b.openPopup();
    await again.getByLabel('API key').waitFor();
    expect(await again.getByRole('note').count()).toBe(0);
    await again.close();
  });

  it('panel in DevTools: the tab may be under »; dismissed once, gone after the panel reloads', async () => {
    const docs = await env.b.ctx.newPage();
    await docs.goto('https://docs.maiagent.ai/');
    let panel: Cdp | undefined = await openPanel(env.b.profileDir, env.b.extId, 'https://docs.maiagent.ai/');
    try {
      const text = await poll('the panel tip', () =>
        panel!.eval<string | null>(`document.querySelector('[data-testid="tip-panel-overflow"]')?.textContent ?? null`),
      );
      expect(text).toContain('the MaiAgent tab hides under »');
      await panel.eval(`document.querySelector('[data-testid="tip-panel-overflow"] button').click()`);
      await poll('the tip to go', () => panel!.eval<boolean>(`!document.querySelector('[data-testid="tip-panel-overflow"]')`));
      await panel.eval(`location.reload()`).catch(() => undefined);
      panel.close();
      panel = await openPanel(env.b.profileDir, env.b.extId, 'https://docs.maiagent.ai/');
      await poll('the reloaded panel', () =>
        panel!.eval<boolean>(`document.readyState === 'complete' && !!document.querySelector('.split')`),
      );
      expect(await panel.eval<boolean>(`!!document.querySelector('[data-testid="tip-panel-overflow"]')`)).toBe(false);
    } finally {
      panel?.close();
      await docs.close();
    }
  });
});

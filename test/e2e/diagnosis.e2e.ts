// The real DevTools panel names the real cause: a revoked key (cross-checked with Check key), an
// id not found under /api/, a CSRF refusal from a session cookie, a completion stream that broke
// after its 200, and an explanation that stays the same after the user switches profile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Launched } from './browser';
import { openPanel, poll, type Cdp } from './devtools';
import { pageFetch, saveKeyInPopup } from './user';
import { startServer, type TestServer } from '../server/maiagent-server';

const REVOKED = 'Rv7Yq2Lm.revokedDiagnosisKey01234';
const GOOD = 'Gd3Kp8Wz.workingDiagnosisKey56789';

let server: TestServer;
let b: Launched;
let docs: Page;
let panel: Cdp;

/** Click the newest row with this path and status, and return the detail view's text (checks opened). */
async function select(path: string, status: string): Promise<string> {
  const id = await poll(`a ${status} row for ${path}`, () =>
    panel.eval<string | false>(`(() => {
      const r = [...document.querySelectorAll('[role=option]')].reverse().find((r) => r.querySelector('.path').textContent === ${JSON.stringify(path)} && r.querySelector('.status').textContent === ${JSON.stringify(status)});
      if (!r) return false;
      r.click();
      return r.dataset.rowId;
    })()`),
  );
  return poll('the detail view', () =>
    panel.eval<string>(`(() => {
      const sel = document.querySelector('[role=option][aria-selected=true]');
      const h2 = document.querySelector('.details .detail h2');
      if (sel?.dataset.rowId !== ${JSON.stringify(id)} || !h2?.textContent.startsWith(${JSON.stringify(status)})) return '';
      const checks = document.querySelector('[data-testid=checks]');
      if (checks) checks.open = true;
      return document.querySelector('.details .detail').innerText;
    })()`),
  );
}

/** The state shown for one line of "What we checked". */
const checkState = (label: string) =>
  panel.eval<string | null>(
    `[...document.querySelectorAll('[data-testid=checks] li')].find((li) => li.textContent.includes(${JSON.stringify(label)}))?.dataset.state ?? null`,
  );

beforeAll(async () => {
  server = await startServer();
  server.keys.set(GOOD, { id: 'u1', name: 'Ada', email: 'ada@example.com', company: 'Example Co' });
  server.revoked.add(REVOKED);
  b = await launch({ server, devtools: true });
  // The user saves a key that was deleted in the console since, and presses Check key.
  const popup = await saveKeyInPopup(b, REVOKED);
  await popup.getByRole('button', { name: 'Check key' }).click();
  await popup.getByRole('alert').filter({ hasText: '401' }).waitFor();
  await popup.close();
  docs = await b.ctx.newPage();
  await docs.goto('https://docs.maiagent.ai/');
  panel = await openPanel(b.profileDir, b.extId, 'https://docs.maiagent.ai/');
});
afterAll(async () => {
  panel?.close();
  await b?.close();
  await server?.close();
});

describe('the panel names the real cause', () => {
  it('a revoked key: the stored key was sent and Check key refused it; not "a proxy removed the header"', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/users/current/');
    const d = await select('/api/users/current/', '401');
    expect(d).toContain('Check key was refused for the same key: the key is no longer valid');
    expect(d).toContain('The key sent is the stored key of profile');
    expect(d).toContain('Check key was refused for this key at');
    expect(d).not.toMatch(/proxy/i);
    expect(await checkState('the stored key was sent')).toBe('pass');
    expect(await checkState('scheme "Api-Key"')).toBe('pass');
    expect(await checkState('last Check key accepted the key')).toBe('fail');
    expect(d).toContain('Explained with the settings in effect when the request was made.');
  });

  it('keeps that explanation after the user switches to a working key; the new call succeeds', async () => {
    const popup = await b.openPopup();
    await popup.getByRole('button', { name: 'Add another key' }).click();
    await popup.getByLabel('Name').fill('Working key');
    await popup.getByLabel('API key').fill(GOOD);
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup
      .getByTestId('masked-key')
      .filter({ hasText: `${GOOD.slice(0, 6)}...${GOOD.slice(-2)}` })
      .waitFor();
    await popup.close();
    await pageFetch(docs, 'https://api.maiagent.ai/api/users/current/');
    await select('/api/users/current/', '200');
    // The earlier row is still explained with the key that was active when it was sent.
    const d = await select('/api/users/current/', '401');
    expect(d).toContain('the key is no longer valid');
    expect(await checkState('the stored key was sent')).toBe('pass');
  });

  it('a 404 under /api/ (without v1) with a wrong id: the object was not found, the prefix is not blamed', async () => {
    await pageFetch(docs, 'https://api.maiagent.ai/api/chatbots/0b7e6c2a-4f1d-4e3b-9a8c-5d2f1e0a9b7c/');
    const d = await select('/api/chatbots/0b7e6c2a-4f1d-4e3b-9a8c-5d2f1e0a9b7c/', '404');
    expect(d).toContain('The endpoint exists, but the object asked for does not');
    expect(d).not.toContain('version prefix');
  });

  it("a CSRF 403 comes from the session cookie (credentials: 'include'), not from the key's permissions", async () => {
    await b.ctx.addCookies([
      {
        name: 'sessionid',
        value: 'console-session-4h7k2m',
        domain: 'api.maiagent.ai',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'None',
      },
    ]);
    try {
      await docs.evaluate(() =>
        fetch('https://api.maiagent.ai/api/v1/chatbots/', {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: '{"name":"FAQ bot"}',
        }).then(
          (r) => r.status,
          () => 0,
        ),
      );
      const d = await select('/api/v1/chatbots/', '403');
      expect(d).toContain('CSRF Failed: CSRF token missing.');
      expect(d).toContain("Django's CSRF check refused the request");
      expect(d).toContain("credentials: 'omit'");
      expect(d).not.toContain('may not access this resource');
    } finally {
      await b.ctx.clearCookies();
    }
  });

  it('a completion stream that broke after its 200, before "done": true', async () => {
    await docs.evaluate(() =>
      fetch('https://api.maiagent.ai/api/v1/chatbots/broken-stream/completions/', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ conversation: null, message: { content: 'Tell me a story' }, isStreaming: true }),
      }).then(
        (r) => r.text().catch(() => ''),
        () => '',
      ),
    );
    const d = await select('/api/v1/chatbots/broken-stream/completions/', '200');
    expect(d).toContain('The stream started (200) but broke off before its final "done": true');
    // Chrome names how the connection ended (the exact net error depends on where it broke).
    expect(d).toMatch(/The connection ended with: net::ERR_[A-Z_]+/);
  });
});

// The real DevTools panel names the real cause: a revoked key (cross-checked with Check key), an
// id not found under /api/, a CSRF refusal from a session cookie, a completion stream that broke
// after its 200, and an explanation that stays the same after the user switches profile.
import { describe, expect, it } from 'vitest';
import { selectRow } from './devtools';
import { usePanel } from './setup';
import { addKeyInPopup, pageFetch, saveKeyInPopup } from './user';

const REVOKED = 'Rv7Yq2Lm.revokedDiagnosisKey01234';
const GOOD = 'Gd3Kp8Wz.workingDiagnosisKey56789';

const env = usePanel(
  { [GOOD]: { id: 'u1', name: 'Ada', email: 'ada@example.com', company: 'Example Co' } },
  {
    // The user saves a key that was deleted in the console since, and presses Check key.
    prepare: async ({ server, b }) => {
      server.revoked.add(REVOKED);
      const popup = await saveKeyInPopup(b, REVOKED);
      await popup.getByRole('button', { name: 'Check key' }).click();
      await popup.getByRole('alert').filter({ hasText: '401' }).waitFor();
      await popup.close();
    },
  },
);

/** Click the newest row with this path and status, and return the detail view's text (checks opened). */
const select = (path: string, status: string) => selectRow(env.panel, path, status, { openChecks: true });

/** The state shown for one line of "What we checked". */
const checkState = (label: string) =>
  env.panel.eval<string | null>(
    `[...document.querySelectorAll('[data-testid=checks] li')].find((li) => li.textContent.includes(${JSON.stringify(label)}))?.dataset.state ?? null`,
  );

describe('the panel names the real cause', () => {
  it('a revoked key: the stored key was sent and Check key refused it; not "a proxy removed the header"', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/users/current/');
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
    const popup = await env.b.openPopup();
    await addKeyInPopup(popup, 'Working key', GOOD);
    await popup.close();
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/users/current/');
    await select('/api/users/current/', '200');
    // The earlier row is still explained with the key that was active when it was sent.
    const d = await select('/api/users/current/', '401');
    expect(d).toContain('the key is no longer valid');
    expect(await checkState('the stored key was sent')).toBe('pass');
  });

  it('a 404 under /api/ (without v1) with a wrong id: the object was not found, the prefix is not blamed', async () => {
    await pageFetch(env.docs, 'https://api.maiagent.ai/api/chatbots/0b7e6c2a-4f1d-4e3b-9a8c-5d2f1e0a9b7c/');
    const d = await select('/api/chatbots/0b7e6c2a-4f1d-4e3b-9a8c-5d2f1e0a9b7c/', '404');
    expect(d).toContain('The endpoint exists, but the object asked for does not');
    expect(d).not.toContain('version prefix');
  });

  it("a CSRF 403 comes from the session cookie (credentials: 'include'), not from the key's permissions", async () => {
    await env.b.ctx.addCookies([
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
      await env.docs.evaluate(() =>
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
      await env.b.ctx.clearCookies();
    }
  });

  it('a completion stream that broke after its 200, before "done": true', async () => {
    await env.docs.evaluate(() =>
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

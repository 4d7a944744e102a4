// The saved key survives a browser restart, and the rules come back with it.
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser';
import { useServer } from './setup';
import { pageFetch, saveKeyInPopup } from './user';

const KEY = 'Rs4tUv5w.restartSecret0123456789';
// Two browsers one after the other on one profile: the server is shared, the launches are the test.
const srv = useServer({ [KEY]: { id: 'u1', name: 'Ada', email: 'ada@example.com', company: 'Example Co' } });
const profileDir = mkdtempSync(join(tmpdir(), 'maiagent-restart-'));

afterAll(() => {
  rmSync(profileDir, { recursive: true, force: true });
});

it('keeps the key and injects it after the browser restarts', async () => {
  const first = await launch({ server: srv.server, profileDir });
  await (await saveKeyInPopup(first, KEY)).close();
  await first.close();

  const second = await launch({ server: srv.server, profileDir });
  try {
    const popup = await second.openPopup();
    await expect(popup.getByTestId('masked-key').textContent()).resolves.toBe(`${KEY.slice(0, 6)}...${KEY.slice(-2)}`);
    await popup.close();
    const page = await second.ctx.newPage();
    await page.goto('https://docs.maiagent.ai/');
    const r = await pageFetch(page, 'https://api.maiagent.ai/api/users/current/');
    expect(r.status).toBe(200);
    expect(srv.server.requests.filter((x) => x.path === '/api/users/current/').at(-1)?.headers.authorization).toBe(`Api-Key ${KEY}`);
  } finally {
    await second.close();
  }
});

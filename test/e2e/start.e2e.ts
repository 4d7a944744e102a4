// `npm start` (scripts/start.ts) in its headless modes: the smoke check (demo key saved in the
// popup, the demo page's 200 button clicked, the answer printed), a clean Ctrl+C, and the advice
// given when there is no browser. Needs the build (npm test makes it first).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../../scripts/start';
import { assertBuilt } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), done(true)));
    s.once('error', () => done(false));
  });
}

describe('npm start', () => {
  it('smoke mode: saves the demo key, clicks the 200 button, exits 0', () => {
    assertBuilt();
    const r = spawnSync(TSX, ['scripts/start.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MAIAGENT_START_SMOKE: '1' },
      timeout: 80_000,
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('GET /api/users/current/ → HTTP 200 OK');
    expect(r.stdout).toContain('Stopped.');
  });

  it('prints the demo key and instructions, and Ctrl+C stops browser, server and profile', async () => {
    assertBuilt();
    // Its own process group, so the signal reaches tsx and node together, as Ctrl+C in a terminal does.
    const child = spawn(TSX, ['scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, MAIAGENT_START_HEADLESS: '1' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const deadline = Date.now() + 45_000;
      while (!out.includes('Ready:') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
      expect(out).toContain('Ready: https://docs.maiagent.ai/demo');
      expect(out).toContain(`Demo API key:  ${DEMO_KEY}`);
      expect(out).toMatch(/MaiAgent.*panel/);
      const profile = /Temporary profile: (\S+)/.exec(out)?.[1];
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(out)?.[1]);
      expect(profile && existsSync(profile)).toBe(true);
      expect(await portOpen(port)).toBe(true);

      process.kill(-child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('Stopped.');
      expect(existsSync(profile!)).toBe(false);
      expect(await portOpen(port)).toBe(false);
      // No browser left behind with that profile.
      expect(spawnSync('pgrep', ['-f', `user-data-dir=${profile!}`]).status).not.toBe(0);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  });

  it('without a display: exits 1 at once with a short message saying how to run it', () => {
    assertBuilt();
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.MAIAGENT_START_SMOKE;
    delete env.MAIAGENT_START_HEADLESS;
    const t0 = Date.now();
    const r = spawnSync(TSX, ['scripts/start.ts'], { cwd: ROOT, encoding: 'utf8', env, timeout: 30_000 });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(1);
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.stderr).toContain('no display');
    expect(r.stderr).toContain('xvfb-run npm start');
    expect(r.stderr).toContain('MAIAGENT_START_SMOKE=1 npm start');
    expect(r.stderr).toContain('MAIAGENT_START_HEADLESS=1 npm start');
    // Short: the message, not a browser's launch log.
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(6);
    expect(r.stdout).not.toContain('Starting');
  });

  it('without a browser: exits 1 and says how to get one', () => {
    const r = spawnSync(TSX, ['scripts/start.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CHROME_PATH: '/nonexistent/chromium' },
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('apt-get install chromium');
    expect(r.stderr).toContain('CHROME_PATH');
  });
});

// Chromium started by hand (child_process), with the e2e harness's flags but our own list of
// extensions, and driven over a bare DevTools-protocol connection. The spawned process is the
// browser process itself, so its main thread's CPU time can be read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { extensionArgs, findChrome } from '../test/e2e/browser';
import { Cdp } from './cdp';

/** Where distributions keep the real binary when the command on PATH is a launcher script. */
const BEHIND_WRAPPERS = ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser', '/opt/google/chrome/chrome'];

/**
 * The Chromium executable itself. Debian's /usr/bin/chromium is a shell script that execs
 * /usr/lib/chromium/chromium with extra flags; the bench wants the binary, so that the process it
 * spawns is the browser process and the flags are only its own.
 */
function chromiumBinary(): string {
  const path = realpathSync(findChrome());
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(2);
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  if (head.toString('latin1') !== '#!') return path;
  const behind = BEHIND_WRAPPERS.find((p) => existsSync(p));
  if (!behind)
    throw new Error(
      `${path} is a launcher script and no Chromium binary was found behind it (looked in ${BEHIND_WRAPPERS.join(', ')}); set CHROME_PATH to the binary`,
    );
  return behind;
}

/** The id Chrome gives an unpacked extension without a "key": from the SHA-256 of its absolute path. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode('a'.charCodeAt(0) + parseInt(c, 16))).join('');
}

/** Nanoseconds a thread has run on a CPU (first field of /proc/<pid>/task/<tid>/schedstat). */
function threadCpuNs(pid: number, tid: number): number {
  return Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
}

/** Nanoseconds on CPU of every thread of a process (0 for one that is gone). */
function processCpuNs(pid: number): number {
  let sum = 0;
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tids) {
    try {
      sum += threadCpuNs(pid, Number(tid));
    } catch {
      /* the thread ended meanwhile */
    }
  }
  return sum;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (text) out.push(...text.split(/\s+/).map(Number));
      } catch {
        /* gone */
      }
    }
  } catch {
    /* gone */
  }
  return out;
}

/** CPU of a process and all its descendants (renderers, network service, GPU...), ns. */
function treeCpuNs(pid: number): number {
  let sum = processCpuNs(pid);
  for (const c of childrenOf(pid)) sum += treeCpuNs(c);
  return sum;
}

export interface Browser {
  pid: number;
  cdp: Cdp;
  profileDir: string;
  /** Browser process main thread (the UI thread) CPU time so far, ns. */
  mainThreadNs(): number;
  /** Every thread of the browser process, ns. */
  browserProcessNs(): number;
  /** The browser and all its child processes, ns. */
  allProcessesNs(): number;
  close(): Promise<void>;
}

/** Flags of the e2e harness (test/e2e/browser.ts), with the given extensions instead of dist/ only. */
function launchArgs(serverPort: number, extensions: string[]): string[] {
  const shared = extensionArgs(serverPort).filter(
    (a) => !a.startsWith('--load-extension=') && !a.startsWith('--disable-extensions-except='),
  );
  return [
    ...(extensions.length ? [`--disable-extensions-except=${extensions.join(',')}`, `--load-extension=${extensions.join(',')}`] : []),
    ...shared,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--enable-unsafe-extension-debugging',
    '--headless',
    // One tab in front and others idle: nothing may be throttled as "in the background".
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
}

async function waitForPort(profileDir: string, child: ChildProcess, stderr: () => string): Promise<string> {
  const file = join(profileDir, 'DevToolsActivePort');
  const end = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Chromium exited (${child.exitCode}) before DevTools listened: ${stderr().slice(-500)}`);
    if (existsSync(file)) {
      const [port, path] = readFileSync(file, 'utf8').split('\n');
      if (port && path) return `ws://127.0.0.1:${port}${path}`;
    }
    if (Date.now() > end) throw new Error(`Chromium did not write ${file} within 30 s: ${stderr().slice(-500)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A fresh profile with the given unpacked extensions (none: a browser without extensions). */
export async function launchChromium(serverPort: number, extensions: string[]): Promise<Browser> {
  const bin = chromiumBinary();
  const profileDir = mkdtempSync(join(tmpdir(), 'maiagent-bench-profile-'));
  const args = [`--user-data-dir=${profileDir}`, '--remote-debugging-port=0', ...launchArgs(serverPort, extensions), 'about:blank'];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => {
    if (err.length < 20_000) err += d.toString();
  });
  const pid = child.pid!;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const url = await waitForPort(profileDir, child, () => err);
    // The process timed is the browser process, not a launcher or a child of one.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (cmdline.some((a) => a.startsWith('--type=')))
      throw new Error(`process ${pid} is not Chromium's browser process: ${cmdline.join(' ').slice(0, 200)}`);
    const cdp = await Cdp.connect(url);
    return {
      pid,
      cdp,
      profileDir,
      mainThreadNs: () => threadCpuNs(pid, pid),
      browserProcessNs: () => processCpuNs(pid),
      allProcessesNs: () => treeCpuNs(pid),
      async close() {
        await Promise.race([cdp.send('Browser.close').catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
        cdp.close();
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        await kill();
      },
    };
  } catch (e) {
    await kill();
    throw e;
  }
}

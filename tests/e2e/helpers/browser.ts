import { existsSync } from 'node:fs';

/** Set to skip the browser tests where no Chromium can be had; otherwise they fail, saying why. */
export const SKIP_BROWSER = process.env.NNQUIZ_SKIP_BROWSER === '1';

export interface FoundBrowser {
  executablePath: string;
  args: string[];
  /** Where it came from, for messages: CHROMIUM_PATH, the system, or the npm package. */
  source: string;
}

// Quiet and headless, for a machine whose network is closed: no sandbox (tests may run as root),
// no GPU, no background connections.
const COMMON_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-default-browser-check'];

const SYSTEM_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set, else a Chromium or Chrome the
 * system has, else the one inside the @sparticuz/chromium dev dependency (Linux x64 and arm64),
 * which `npm install` brings like any package. Throws, saying what to do, when there is none.
 */
export async function findBrowser(): Promise<FoundBrowser> {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`CHROMIUM_PATH is ${explicit}, which does not exist; point it at a Chromium or Chrome executable, or unset it`);
    return { executablePath: explicit, args: COMMON_ARGS, source: 'CHROMIUM_PATH' };
  }
  const system = (SYSTEM_BROWSERS[process.platform] ?? []).find((path) => existsSync(path));
  if (system) return { executablePath: system, args: COMMON_ARGS, source: 'the system' };
  if (process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64')) {
    const { default: packaged } = await import('@sparticuz/chromium');
    // Its own flags for running without system libraries, less those that weaken the page's security,
    // and less --single-process (meant for AWS Lambda): with it, closing a page kills the whole
    // browser (SIGTRAP), so every test after the first would find it gone.
    const dropped = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials', '--single-process']);
    const args = [...packaged.args.filter((arg) => !dropped.has(arg) && !arg.startsWith('--headless')), ...COMMON_ARGS];
    return { executablePath: await packaged.executablePath(), args, source: '@sparticuz/chromium' };
  }
  throw new Error(
    `the browser tests need Chromium or Chrome, and none was found on ${process.platform}-${process.arch}: install Chrome, ` +
      'or set CHROMIUM_PATH to a Chromium or Chrome executable, or set NNQUIZ_SKIP_BROWSER=1 to skip these tests',
  );
}

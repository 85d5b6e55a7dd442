/**
 * Finds and launches the Chromium the e2e tests drive (puppeteer-core never downloads one).
 * Order: env `PUPPETEER_EXECUTABLE_PATH`, then `/usr/bin/chromium`; otherwise a clear error.
 */
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser, LaunchOptions } from 'puppeteer-core';

/** Flags that keep a test browser headless-friendly (root needs --no-sandbox) and off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
] as const;

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * The Chromium executable to use.
 * @throws Error naming `apt-get install -y chromium` when there is none.
 */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PUPPETEER_EXECUTABLE_PATH points to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  if (existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
  throw new Error(
    `No Chromium found: set PUPPETEER_EXECUTABLE_PATH or install it with \`apt-get update && apt-get install -y chromium\` (expected at ${DEFAULT_PATH}).`,
  );
}

/**
 * Launches headless Chromium with CHROMIUM_ARGS plus `extra.args`; other options pass through
 * (e.g. `pipe`, `enableExtensions`).
 */
export function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    headless: true,
    ...extra,
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
  });
}

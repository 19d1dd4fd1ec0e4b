import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import axe, { type AxeResults, type Result } from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/**
 * Playwright driving the system's Chromium (Debian's package, not a downloaded build), plus the
 * checks the portal's browser tests share: accessibility with axe-core, bytes transferred, screenshots.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Fails loudly when Chromium is missing: a browser test that skips proves nothing. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with \`apt-get install chromium\` (Debian), ` +
        'or point CHROMIUM_PATH at a Chromium executable.',
    );
  }
  return chromium.launch({
    executablePath,
    // The closed network refuses Chromium's own background connections; without these it waits on them.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Which contexts run scripts: axe can only be injected into those. */
const scriptable = new WeakMap<BrowserContext, boolean>();

/** A citizen's phone in Vietnam, with or without JavaScript. */
export async function newContext(browser: Browser, options: { javaScript: boolean }): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    // The pages' CSP forbids every script, axe's too; without JavaScript there is nothing to bypass.
    bypassCSP: options.javaScript,
  });
  // How long a missing element or a page that never loads takes to fail a test, well short of the test
  // timeout; long enough for a page the in-process cloud renders on a busy machine (two runs at once).
  context.setDefaultTimeout(60_000);
  scriptable.set(context, options.javaScript);
  return context;
}

const screenshots = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** A full-page PNG kept by CI; name it by flow and step, e.g. `public-js-off/2-search`. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = `${screenshots}${name}.png`;
  await mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const blocking = new Set(['serious', 'critical']);

/** Runs axe-core on the page; serious or critical WCAG 2.1 A/AA violations fail with their rule and elements. */
export async function expectAccessible(page: Page): Promise<AxeResults> {
  if (!scriptable.get(page.context())) {
    throw new Error('expectAccessible needs a context made by newContext(browser, { javaScript: true }).');
  }
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async (tags) => {
    const window = globalThis as unknown as { axe: typeof axe; document: axe.ElementContext };
    return window.axe.run(window.document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, wcagTags);
  const failing = results.violations.filter((violation) => blocking.has(violation.impact ?? ''));
  if (failing.length) {
    throw new Error(`Accessibility violations on ${page.url()}:\n${failing.map(describeViolation).join('\n')}`);
  }
  return results;
}

const describeViolation = (violation: Result) =>
  `- [${violation.impact}] ${violation.id}: ${violation.help}\n` +
  violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n');

export interface Transfer {
  url: string;
  resourceType: string;
  bytes: number;
}

export interface TransferTracker {
  /** Every response finished since the last call, with its bytes on the wire (headers and body). */
  take(): Promise<Transfer[]>;
}

/**
 * Records the bytes of every response of the page. The cache is off, so each page counts its
 * stylesheet too: the size a citizen's first visit costs.
 */
export async function trackTransfer(page: Page): Promise<TransferTracker> {
  // Playwright turns the HTTP cache off for a page once it routes requests.
  await page.route('**/*', (route) => route.continue());
  let pending: Promise<Transfer>[] = [];
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => ({
        url: request.url(),
        resourceType: request.resourceType(),
        bytes: sizes.responseHeadersSize + sizes.responseBodySize,
      })),
    );
  });
  return {
    async take() {
      const taken = pending;
      pending = [];
      return Promise.all(taken);
    },
  };
}

/**
 * The page just loaded, with everything it fetched since the last check, stays under `bytes`.
 * It must have fetched a document and a stylesheet, so an empty record cannot pass.
 */
export async function expectPageUnder(page: Page, tracker: TransferTracker, bytes: number): Promise<Transfer[]> {
  await page.waitForLoadState('load');
  const transfers = await tracker.take();
  const types = new Set(transfers.filter((t) => t.bytes > 0).map((t) => t.resourceType));
  const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
  const listing = transfers.map((t) => `  ${t.resourceType} ${t.url}: ${t.bytes} B`).join('\n');
  if (!types.has('document') || !types.has('stylesheet')) {
    throw new Error(`${page.url()} fetched no document or no stylesheet:\n${listing}`);
  }
  if (total >= bytes) throw new Error(`${page.url()} transferred ${total} B, over ${bytes} B:\n${listing}`);
  return transfers;
}

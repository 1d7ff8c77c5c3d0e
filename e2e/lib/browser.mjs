// Browser fixture for the e2e tests: Debian's chromium driven by playwright-core (no browser download).
// - Without chromium, tests are skipped locally and FAIL in CI (CI=true) with a clear message.
// - Remote images (the concurrency page embeds fastapi.tiangolo.com PNGs) are answered from a local fixture,
//   so the tests run offline and can still tell loaded images from broken ones.
// - Console errors and failed requests are collected per page; failing tests save a screenshot to
//   test-results/e2e/.
import {existsSync, mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {importFromSite} from '../../scripts/lib/site-import.mjs';
import {repoRoot} from '../../scripts/lib/paths.mjs';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
const screenshotDir = join(repoRoot, 'test-results', 'e2e');
const remoteImage = readFileSync(join(repoRoot, 'e2e', 'fixtures', 'remote-image.png'));

/**
 * Why the browser tests cannot run, or undefined when they can. In CI a missing browser is an error.
 * @returns {string | undefined}
 */
export function browserUnavailable() {
  if (existsSync(chromiumPath)) return undefined;
  const message =
    `chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium fonts-ipafont-gothic\` ` +
    '(or set CHROMIUM_PATH)';
  if (process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') {
    throw new Error(`e2e: ${message}. The browser tests are required in CI.`);
  }
  return message;
}

/** @returns {Promise<import('playwright-core').Browser>} */
export async function launchBrowser() {
  const playwright = await importFromSite('playwright-core');
  const chromium = playwright.chromium ?? playwright.default.chromium;
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * @typedef {{page: import('playwright-core').Page, errors: string[]}} PageContext
 */

/**
 * Open a fresh page, run `body`, and check nothing went wrong in the console. On failure a screenshot is saved.
 * @param {import('playwright-core').Browser} browser
 * @param {import('node:test').TestContext} t
 * @param {(context: PageContext) => Promise<void>} body
 * @param {{allowErrors?: RegExp}} [options]
 */
export async function withPage(browser, t, body, options = {}) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !(options.allowErrors && options.allowErrors.test(message.text()))) {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !(options.allowErrors && options.allowErrors.test(response.url()))) {
      errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
    const url = route.request().url();
    if (/\.(png|jpe?g|gif|webp)(\?|$)/i.test(url)) {
      return route.fulfill({status: 200, contentType: 'image/png', body: remoteImage});
    }
    return route.abort('blockedbyclient');
  });
  try {
    await body({page, errors});
  } catch (error) {
    mkdirSync(screenshotDir, {recursive: true});
    const name = t.name.replace(/[^\w.-]+/g, '-').slice(0, 80);
    const file = join(screenshotDir, `${name}.png`);
    await page.screenshot({path: file, fullPage: true}).catch(() => undefined);
    t.diagnostic(`screenshot: ${file}`);
    throw error;
  } finally {
    await context.close();
  }
}

/**
 * Every <img> on the page, with whether it rendered (naturalWidth > 0) after loading.
 * @param {import('playwright-core').Page} page
 */
export async function imageStates(page) {
  await page.waitForLoadState('load');
  return page.$$eval('img', (images) =>
    Promise.all(
      images.map(async (image) => {
        image.loading = 'eager';
        if (!image.complete) {
          await new Promise((resolve) => {
            image.addEventListener('load', resolve, {once: true});
            image.addEventListener('error', resolve, {once: true});
            setTimeout(resolve, 5000);
          });
        }
        return {src: image.currentSrc || image.src, ok: image.naturalWidth > 0};
      }),
    ),
  );
}

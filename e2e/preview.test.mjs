// The pull-request preview (`pnpm preview:build <n>`) works under its base URL /pr-preview/pr-<n>/:
// pages, assets and search load from below the base URL, with no console errors.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {repoRoot} from '../scripts/lib/paths.mjs';
import {browserUnavailable, imageStates, launchBrowser, withPage} from './lib/browser.mjs';
import {serveStatic} from './lib/server.mjs';

const skip = browserUnavailable();
const number = '4242';
const outDir = join(repoRoot, '.generated', 'preview', `pr-${number}`);

describe('PR preview build', {skip}, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {Awaited<ReturnType<typeof serveStatic>>} */
  let server;

  before(async () => {
    const build = spawnSync(process.execPath, ['scripts/preview-build.mjs', number], {cwd: repoRoot, encoding: 'utf8'});
    assert.equal(build.status, 0, `preview:build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveStatic(outDir, `/pr-preview/pr-${number}/`);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('pages, assets and search work under /pr-preview/pr-<n>/', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      await page.goto(`${server.url}docs/concurrency/`);
      assert.equal(await page.textContent('article h1'), 'Concurrency and async / await');
      assert.equal(await page.locator('.navbar .dropdown').filter({hasText: '1.0'}).count(), 0, 'current version only');
      const links = await page.$$eval('a[href^="/"]', (anchors) => anchors.map((a) => a.getAttribute('href')));
      assert.ok(links.length > 0);
      assert.deepEqual(links.filter((href) => !href?.startsWith(`/pr-preview/pr-${number}/`)), [], 'links stay under the base URL');
      assert.deepEqual((await imageStates(page)).filter((image) => !image.ok), []);

      await page.click(`a[href="/pr-preview/pr-${number}/docs/getting-started/"]`);
      await page.waitForURL(/\/getting-started\/$/, {waitUntil: 'commit'});
      // Client-side navigation: wait until the new page has rendered.
      await page.waitForFunction(() => document.querySelector('article h1')?.textContent === 'Getting started');

      const input = page.locator('input.navbar__search-input');
      await input.click();
      await input.fill('coroutines');
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({timeout: 15_000});
      assert.deepEqual(errors, []);
    });
  });
});

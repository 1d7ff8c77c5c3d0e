// Browser tests of the built site (packages/site/build), served locally under its baseUrl.
// Run after `npx -y pnpm@12.21.0 build` (scripts/test.mjs builds it when missing). Set BASE_URL when the build
// was made with one.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {buildDir} from '../scripts/lib/paths.mjs';
import {browserUnavailable, imageStates, launchBrowser, withPage} from './lib/browser.mjs';
import {serveStatic} from './lib/server.mjs';

const skip = browserUnavailable();
const siteBuilt = existsSync(join(buildDir, 'index.html'));
if (!siteBuilt && !skip) throw new Error('e2e: packages/site/build is missing: run `npx -y pnpm@12.21.0 build` first');

describe('built site', {skip}, () => {
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {Awaited<ReturnType<typeof serveStatic>>} */
  let server;

  before(async () => {
    server = await serveStatic(buildDir, process.env.BASE_URL || '/');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** @param {string} path path below the baseUrl, without leading slash */
  const url = (path) => `${server.url}${path}`;

  test('concurrency page: admonitions, highlighted Python, images and the missing-image placeholder', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      await page.goto(url('docs/concurrency'));
      await page.waitForSelector('article h1');
      assert.equal(await page.textContent('article h1'), 'Concurrency and async / await');
      for (const kind of ['note', 'tip', 'warning']) {
        assert.ok(await page.locator(`article .theme-admonition-${kind}`).count() >= 1, `a ${kind} admonition`);
      }
      const python = page.locator('article pre.language-python');
      assert.equal(await python.count(), 3, 'three Python code blocks (docutils finds 3 literal_blocks)');
      assert.ok(
        (await page.locator('article pre.language-python .token.keyword').count()) > 0,
        'Python code is syntax-highlighted',
      );
      const images = await imageStates(page);
      const remote = images.filter((image) => image.src.includes('fastapi.tiangolo.com'));
      assert.equal(remote.length, 4, 'four remote images');
      assert.deepEqual(
        images.filter((image) => !image.ok),
        [],
        'no broken <img> (the missing image is a placeholder, not an <img>)',
      );
      const placeholder = page.locator('article .rstmdx-missing-image');
      assert.equal(await placeholder.count(), 1, 'one missing-image placeholder');
      assert.ok(await placeholder.isVisible());
      assert.match((await placeholder.getAttribute('aria-label')) ?? (await placeholder.textContent()) ?? '', /burger3\.png/);
      assert.deepEqual(errors, []);
    });
  });

  test('"Edit this page" opens the RST source', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      await page.goto(url('docs/next/concurrency'));
      const edit = await page.getAttribute('a.theme-edit-this-page', 'href');
      assert.match(edit ?? '', /\/content\/docs\/concurrency\.rst$/);
      await page.goto(url('docs/concurrency'));
      const released = await page.getAttribute('a.theme-edit-this-page', 'href');
      assert.match(released ?? '', /\/content\/versioned\/1\.0\/docs\/concurrency\.rst$/);
      assert.deepEqual(errors, []);
    });
  });

  test('versions: 1.0 at /docs/, "Next" with an unreleased banner, switching both ways', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      await page.goto(url('docs/next/concurrency'));
      await page.waitForSelector('.theme-doc-version-banner');
      assert.match((await page.textContent('.theme-doc-version-banner')) ?? '', /unreleased/i);

      const dropdown = page.locator('.navbar__items--right .dropdown').filter({hasText: 'Next'}).first();
      await dropdown.hover();
      await dropdown.locator('a.dropdown__link', {hasText: '1.0'}).click();
      await page.waitForURL(/\/docs\/concurrency\/?$/, {waitUntil: 'commit'});
      // Client-side navigation: wait for the new page to render before looking at it.
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.navbar__items--right .dropdown > .navbar__link')].some((link) => link.textContent === '1.0'),
      );
      await page.waitForSelector('.theme-doc-version-banner', {state: 'detached'});
      assert.equal(await page.locator('.theme-doc-version-banner').count(), 0, 'no banner on the latest release');
      assert.equal(await page.textContent('article h1'), 'Concurrency and async / await');

      const back = page.locator('.navbar__items--right .dropdown').filter({hasText: '1.0'}).first();
      await back.hover();
      await back.locator('a.dropdown__link', {hasText: 'Next'}).click();
      await page.waitForURL(/\/docs\/next\/concurrency\/?$/, {waitUntil: 'commit'});
      await page.waitForSelector('.theme-doc-version-banner');
      assert.deepEqual(errors, []);
    });
  });

  test('Spanish and Japanese pages are translated', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      await page.goto(url('es/docs/concurrency'));
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.equal(await page.textContent('article h1'), 'Concurrencia y async / await');
      assert.equal(await page.locator('.rstmdx-untranslated').count(), 0);
      assert.equal(await page.locator('article pre.language-python').count(), 3, 'code blocks kept');

      await page.goto(url('es/docs/getting-started'));
      assert.equal(await page.textContent('article h1'), 'Primeros pasos', 'translated through the .po catalog');
      assert.equal(await page.locator('.rstmdx-untranslated').count(), 0);

      await page.goto(url('ja/docs/concurrency'));
      assert.equal(await page.getAttribute('html', 'lang'), 'ja');
      assert.equal(await page.textContent('article h1'), '並行処理と async / await');
      const fontFamily = await page.$eval('article p', (element) => getComputedStyle(element).fontFamily);
      assert.match(fontFamily, /IPAGothic|Noto Sans CJK JP|Hiragino/, 'a CJK font in the stack');

      await page.goto(url('ja/docs/next/getting-started'));
      assert.equal(await page.textContent('article h1'), 'はじめに');
      assert.deepEqual(errors, []);
    });
  });

  test('untranslated pages fall back to English with a note', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      for (const [locale, title] of [
        ['es', 'Página sin traducir'],
        ['ja', '未翻訳のページ'],
      ]) {
        await page.goto(url(`${locale}/docs/next/translating`));
        assert.equal(await page.textContent('article h1'), 'Versions and translations');
        const note = page.locator('article .rstmdx-untranslated');
        assert.equal(await note.count(), 1);
        assert.match((await note.textContent()) ?? '', new RegExp(title));
        const admonition = note.locator('.theme-admonition-note');
        assert.equal(await admonition.count(), 1, 'the note is a Docusaurus admonition');
        assert.equal((await admonition.locator('[class*="admonitionHeading"]').textContent())?.trim(), title, 'note title');
      }
      assert.deepEqual(errors, []);
    });
  });

  test('missing-image placeholders are titled in the page language', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      for (const [path, label] of [
        ['docs/next/concurrency', 'Missing image'],
        ['es/docs/next/concurrency', 'Imagen no encontrada'],
        ['ja/docs/next/concurrency', '画像が見つかりません'],
      ]) {
        await page.goto(url(path));
        const placeholder = page.locator('article .rstmdx-missing-image');
        assert.equal(await placeholder.count(), 1, `one placeholder on /${path}`);
        assert.equal(await placeholder.getAttribute('aria-label'), `${label}: ./_static/burger3.png`);
        const callout = page.locator('article .theme-admonition-danger').filter({has: page.locator('.rstmdx-missing-image')});
        assert.match((await callout.textContent()) ?? '', new RegExp(`^\\s*${label}`), `callout title on /${path}`);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('the reference folder is a sidebar category labelled in each language', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      for (const [locale, label] of [
        ['', 'Reference'],
        ['es/', 'Referencia'],
        ['ja/', 'リファレンス'],
      ]) {
        await page.goto(url(`${locale}docs/next/reference/mapping/`));
        const categories = await page.locator('.theme-doc-sidebar-menu .menu__link--sublist').allTextContents();
        assert.deepEqual(categories, [label], `sidebar categories on /${locale}docs/next/`);
        const links = await page.locator('.theme-doc-sidebar-menu > .menu__list-item > .menu__link').count();
        assert.equal(links, 4, 'the four top-level pages come before the category');
        const last = page.locator('.theme-doc-sidebar-menu > .menu__list-item').last();
        assert.equal((await last.locator('.menu__link--sublist').textContent())?.trim(), label, 'category placed last');
      }
      assert.deepEqual(errors, []);
    });
  });

  test('emoji are drawn with a color emoji font (no tofu) in Spanish and Japanese', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      for (const path of ['es/docs/next/concurrency', 'ja/docs/next/concurrency']) {
        await page.goto(url(path));
        const found = await page.evaluate(() => {
          const paragraph = [...document.querySelectorAll('article p')].find((p) => p.textContent?.includes('🍔'));
          paragraph?.setAttribute('data-emoji-test', '');
          return Boolean(paragraph);
        });
        assert.ok(found, `a paragraph with 🍔 on /${path}`);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const {root} = await cdp.send('DOM.getDocument');
        const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: '[data-emoji-test]'});
        const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId});
        await cdp.detach();
        const families = fonts.map((font) => font.familyName);
        assert.ok(families.some((family) => /emoji/i.test(family)), `an emoji font renders /${path} (used: ${families.join(', ')})`);
      }
      assert.deepEqual(errors, []);
    });
  });

  test('search finds "coroutines" in English and コルーチン in Japanese', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      for (const [path, query, expected] of [
        ['docs/', 'coroutines', /Concurrency and async/],
        ['ja/docs/', 'コルーチン', /並行処理/],
      ]) {
        await page.goto(url(/** @type {string} */ (path)));
        const input = page.locator('input.navbar__search-input');
        await input.click();
        await input.fill(/** @type {string} */ (query));
        const suggestion = page.locator('[role="listbox"] [role="option"]').first();
        await suggestion.waitFor({timeout: 15_000});
        assert.match((await page.locator('[role="listbox"]').textContent()) ?? '', /** @type {RegExp} */ (expected));
      }
      assert.deepEqual(errors, []);
    });
  });

  test('a sized SVG loads as an image at its scaled size', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      await page.goto(url('docs/next/reference/mapping/'));
      const image = page.locator('article .rstmdx-sized-image img');
      assert.equal(await image.count(), 1, 'one sized SVG on the mapping page');
      const state = await image.evaluate(async (element) => {
        element.loading = 'eager';
        if (!element.complete) await new Promise((resolve) => element.addEventListener('load', resolve, {once: true}));
        return {natural: element.naturalWidth, width: element.getBoundingClientRect().width, alt: element.alt};
      });
      assert.ok(state.natural > 0, 'the SVG loaded as an image (a URL, not an SVGR component)');
      assert.equal(Math.round(state.width), 90, ':scale: 75 of a 120 px wide SVG');
      assert.equal(state.alt, 'rstmdx logo');
      assert.deepEqual(errors, []);
    });
  });

  test('no broken images or console errors on every page', async (t) => {
    await withPage(browser, t, async ({page, errors}) => {
      const pages = [
        '',
        'docs/',
        'docs/next/',
        'docs/getting-started/',
        'docs/next/reference/mapping/',
        'es/',
        'es/docs/',
        'es/docs/next/reference/mapping/',
        'ja/',
        'ja/docs/',
        'ja/docs/next/translating/',
      ];
      for (const path of pages) {
        await page.goto(url(path));
        const broken = (await imageStates(page)).filter((image) => !image.ok);
        assert.deepEqual(broken, [], `broken images on /${path}`);
      }
      assert.deepEqual(errors, []);
    });
  });
});


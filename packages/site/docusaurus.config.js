// @ts-check
// Docusaurus configuration of the rstmdx site. The docs are generated: `scripts/convert.mjs` turns
// `content/**/*.rst` into `docs/`, `versioned_docs/`, `versioned_sidebars/`, `versions.json` and
// `i18n/<locale>/docusaurus-plugin-content-docs/` before `docusaurus build` runs (all gitignored).
import {existsSync, readFileSync} from 'node:fs';
import {themes as prismThemes} from 'prism-react-renderer';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// Docusaurus loads this file through jiti (as CommonJS), so `import.meta` is unavailable: use __dirname.
// eslint-disable-next-line no-undef
const siteDir = typeof __dirname === 'string' ? __dirname : process.cwd();

// Deployment knobs (set by the workflows and scripts/preview-build.mjs):
// SITE_URL (origin), BASE_URL (path, with trailing slash), RSTMDX_LOCALES (comma list to build),
// RSTMDX_ONLY_CURRENT=1 (build the current "next" version only, for PR previews).
const url = process.env.SITE_URL || 'https://rstmdx.github.io';
const baseUrl = normalizeBase(process.env.BASE_URL || '/');
const repoUrl = process.env.RSTMDX_REPO_URL || 'https://github.com/rstmdx/rstmdx';
const editBranch = process.env.RSTMDX_EDIT_BRANCH || 'main';
const onlyCurrent = process.env.RSTMDX_ONLY_CURRENT === '1';
const locales = ['en', 'es', 'ja'];

const versionsFile = `${siteDir}/versions.json`;
/** @type {string[]} */
const versions = existsSync(versionsFile) ? JSON.parse(readFileSync(versionsFile, 'utf8')) : [];

/** @param {string} value */
function normalizeBase(value) {
  let result = value.startsWith('/') ? value : `/${value}`;
  if (!result.endsWith('/')) result += '/';
  return result;
}

/**
 * "Edit this page" points at the RST source, never at the generated MDX.
 * Current docs live in `content/docs`, released versions in `content/versioned/<v>/docs`; translations in
 * `content/i18n/<locale>/…` (or the `.po` catalog when the page is translated through gettext: the
 * converter records that in the `rstmdx_source` front matter, which wins when present).
 * @type {import('@docusaurus/plugin-content-docs').EditUrlFunction}
 */
function editUrl({version, docPath, locale}) {
  const rst = docPath.replace(/\.mdx?$/, '.rst');
  const base = version === 'current' ? 'content' : `content/versioned/${version}`;
  const file = locale === 'en' ? `${base}/docs/${rst}` : `${base}/i18n/${locale}/${rst}`;
  return `${repoUrl}/edit/${editBranch}/${file}`;
}

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'rstmdx',
  tagline: 'reStructuredText, parsed like docutils, published as MDX',
  favicon: 'img/favicon.svg',
  url,
  baseUrl,
  trailingSlash: true,
  organizationName: 'rstmdx',
  projectName: 'rstmdx',
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'warn',
  markdown: {
    format: 'mdx',
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
  },
  future: {v4: true, faster: true},
  i18n: {
    defaultLocale: 'en',
    locales: process.env.RSTMDX_LOCALES ? process.env.RSTMDX_LOCALES.split(',') : locales,
    localeConfigs: {
      en: {label: 'English', htmlLang: 'en'},
      es: {label: 'Español', htmlLang: 'es'},
      ja: {label: '日本語', htmlLang: 'ja'},
    },
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          sidebarPath: './sidebars.js',
          editUrl,
          // The converter emits `$…$` / `$$…$$` (mdast-util-math); KaTeX renders them at build time.
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex],
          ...(onlyCurrent || versions.length === 0
            ? {onlyIncludeVersions: ['current'], lastVersion: 'current'}
            : {
                lastVersion: versions[0],
                versions: {
                  current: {label: 'Next', path: 'next', banner: 'unreleased'},
                },
              }),
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      }),
    ],
  ],
  // KaTeX's stylesheet is bundled (no CDN: the site must work offline).
  clientModules: ['./src/katex.js'],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      /** @type {import('@easyops-cn/docusaurus-search-local').PluginOptions} */
      ({
        hashed: true,
        language: ['en', 'es', 'ja'],
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/docs',
        searchContextByPaths: [],
        highlightSearchTermsOnTargetPage: false,
      }),
    ],
  ],
  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      navbar: {
        title: 'rstmdx',
        items: [
          {type: 'docSidebar', sidebarId: 'docs', position: 'left', label: 'Docs'},
          ...(onlyCurrent || versions.length === 0
            ? []
            : [{type: 'docsVersionDropdown', position: 'right'}]),
          {type: 'localeDropdown', position: 'right'},
          {href: repoUrl, label: 'GitHub', position: 'right'},
        ],
      },
      footer: {
        style: 'dark',
        copyright: 'rstmdx — built from reStructuredText with Docusaurus.',
      },
      prism: {
        theme: prismThemes.github,
        darkTheme: prismThemes.dracula,
        additionalLanguages: ['bash', 'python', 'json', 'rest'],
      },
    }),
};

export default config;

// Strings the scripts add to generated pages, per locale.

/** Labels for the unreleased "current" version, per locale. */
export const versionLabels = {
  es: {next: 'Siguiente'},
  ja: {next: '次期バージョン'},
};

/** @type {Record<string, {title: string, text: string}>} */
const notes = {
  es: {
    title: 'Página sin traducir',
    text: 'Esta página todavía no está traducida al español. Se muestra el texto original en inglés.',
  },
  ja: {
    title: '未翻訳のページ',
    text: 'このページはまだ日本語に翻訳されていません。英語の原文を表示しています。',
  },
};

/**
 * The "not yet translated" admonition inserted into English fallback pages (MDX), wrapped in an element with a
 * stable class for styling and tests.
 * @param {string} locale
 */
export function untranslatedNote(locale) {
  const note = notes[locale] ?? {title: 'Not yet translated', text: 'This page is not translated yet; it is shown in English.'};
  return [
    `<div className="rstmdx-untranslated">`,
    '',
    `:::note[${note.title}]`,
    '',
    note.text,
    '',
    ':::',
    '',
    '</div>',
  ].join('\n');
}

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
 * The "not yet translated" admonition put into English fallback pages, as mdast (the converter serializes it):
 * a `:::note[title]` container directive wrapped in `<div className="rstmdx-untranslated">` (a stable class for
 * styling and tests).
 * @param {string} locale
 * @returns {import('mdast').RootContent}
 */
export function untranslatedNote(locale) {
  const note = notes[locale] ?? {title: 'Not yet translated', text: 'This page is not translated yet; it is shown in English.'};
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [{type: 'mdxJsxAttribute', name: 'className', value: 'rstmdx-untranslated'}],
    children: [
      {
        type: 'containerDirective',
        name: 'note',
        attributes: {},
        children: [
          {type: 'paragraph', data: {directiveLabel: true}, children: [{type: 'text', value: note.title}]},
          {type: 'paragraph', children: [{type: 'text', value: note.text}]},
        ],
      },
    ],
  };
}

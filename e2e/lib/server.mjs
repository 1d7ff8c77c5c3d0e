// A tiny static server for a Docusaurus build, mounted under the site's baseUrl (trailingSlash: false,
// so `/docs/next` is `docs/next.html`). Unknown paths get the site's 404.html with status 404.
import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, normalize, sep} from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * Serve `root` under `baseUrl` on a free localhost port.
 * @param {string} root build directory
 * @param {string} [baseUrl] e.g. `/` or `/pr-preview/pr-12/`
 * @returns {Promise<{url: string, origin: string, close: () => Promise<void>}>}
 */
export async function serveStatic(root, baseUrl = '/') {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = pathname.startsWith(baseUrl) || `${pathname}/` === baseUrl ? resolveFile(root, pathname.slice(baseUrl.length)) : undefined;
    if (!file) {
      const notFound = join(root, '404.html');
      response.writeHead(404, {'content-type': types['.html']});
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    response.writeHead(200, {'content-type': types[/** @type {keyof types} */ (extname(file))] ?? 'application/octet-stream'});
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${baseUrl}`,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** @param {string} root @param {string} relativePath */
function resolveFile(root, relativePath) {
  const clean = normalize(relativePath).replace(/^(\.\.(\/|\\|$))+/, '');
  const base = join(root, clean);
  if (!base.startsWith(root + sep) && base !== root && `${base}${sep}` !== `${root}${sep}`) return undefined;
  const candidates = clean === '' || clean === '.' || clean.endsWith('/')
    ? [join(base, 'index.html')]
    : [base, `${base}.html`, join(base, 'index.html')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

// The benchmark's static file server, on loopback: the built reader, the baseline, and the feeds.
//
//   /reader/…    dist/ (the release build)
//   /baseline/…  bench/baseline/, then static/ (the baseline uses the reader's stylesheets)
//   /feeds/…     the generated feeds, then feeds/ (the bundled feed, for the baseline)
//
// Files go out uncompressed (loopback is not a network; transfer sizes are reported apart) and
// uncached, so every run loads everything anew. The first-paint case (bench/first-paint.mjs)
// serves them gzip-compressed instead, as a static host sends them: `serve(mounts, { gzip: true })`
// compresses HTML, JS, CSS, wasm and JSON once at level 9 and sends `Content-Encoding: gzip`.

import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The file a URL path names under `mounts` ({ prefix: [dir, …] }), or null. */
export function fileFor(mounts, pathname) {
  for (const [prefix, dirs] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = decodeURIComponent(pathname.slice(prefix.length)) || 'index.html';
    for (const dir of dirs) {
      const file = path.join(dir, rest);
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) return file;
    }
  }
  return null;
}

/** The types a static host compresses (with `gzip`). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json']);

/** Starts serving `mounts` on 127.0.0.1 at a free port; resolves to the server. */
export function serve(mounts, { gzip = false } = {}) {
  const gzipped = new Map(); // file -> { mtimeMs, bytes }
  const gzipOf = (file) => {
    const { mtimeMs } = statSync(file);
    let entry = gzipped.get(file);
    if (entry?.mtimeMs !== mtimeMs) {
      entry = { mtimeMs, bytes: zlib.gzipSync(readFileSync(file), { level: 9 }) };
      gzipped.set(file, entry);
    }
    return entry.bytes;
  };
  const server = http.createServer((request, response) => {
    const file = fileFor(mounts, new URL(request.url, 'http://localhost').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    if (gzip && COMPRESSED.has(path.extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      const bytes = gzipOf(file);
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)],
        'content-encoding': 'gzip',
        'content-length': bytes.length,
        'cache-control': 'no-store',
        vary: 'Accept-Encoding',
      });
      response.end(bytes);
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// The loopback server both end-to-end suites read the built reader from: `dist/` under a
// sub-path (the build must work from any path, not only from `/`), the committed fixtures at
// /fixtures/, the checks' own host pages at /e2e/pages/, feeds the suites make with the
// project's own commands at /generated/, and, on a second origin, a host page that embeds the
// reader from the first.
//
// With `probe`, every HTML page gets `probe.js` as the first script of its <head>: it records
// what goes wrong in the page (see that file), for suites whose browser driver cannot read the
// console.

import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import assert from 'node:assert/strict';

const here = path.dirname(new URL(import.meta.url).pathname);
export const fixtures = path.join(here, 'fixtures');
/** Host pages of the checks' own, served at /e2e/pages/. */
const pages = path.join(here, 'pages');
export const repoRoot = path.resolve(here, '..', '..');

export const BASE_PATH = '/some/sub/path/';

/** The bundled feed's two headlines, newest last. */
export const US = 'Pakistan says US lawmakers’ letter calling for ex-PM Khan’s release ‘counterproductive’';
export const UK = 'Pakistan, UK discuss regional security, cross-border attacks as senior official visits Islamabad';

/** The policy scripts/trunk-post-build.sh writes into the built page. */
export const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: http: data:; media-src 'self' https: http:; object-src 'none'; base-uri 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
};

const PROBE_TAG = '<script src="/e2e/probe.js"></script>';
const probeSource = readFileSync(path.join(here, 'probe.js'));

/** A host page on one origin embedding the reader from another (`readerOrigin`). */
const crossOriginHost = (readerOrigin, probe) => `<!doctype html>
<html lang="en"><head>${probe ? PROBE_TAG : ''}<meta charset="utf-8"><title>Another origin</title>
<link rel="icon" href="data:,">
<script type="module" src="${readerOrigin}${BASE_PATH}article-reader.js"></script></head>
<body><article-reader id="far" tags="united kingdom"></article-reader></body></html>`;

/**
 * A page that frames `src` at `width` × `height` CSS pixels: a narrow viewport in any engine,
 * whatever the smallest window its browser allows.
 */
const framePage = (src, width, height) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Framed</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><iframe src="${src.replace(/"/g, '&quot;')}" width="${width}" height="${height}"
style="border:0;display:block"></iframe></body></html>`;

/** What a fixture feed writes for the second origin; the server puts the real one in its place. */
export const OTHER_ORIGIN = 'http://other.example';

/**
 * Plays a network fault for a request under `/faults/<fault><n>/<key>/<path>`, the first `n`
 * times that exact URL is asked for (once when `n` is left out); after that, and for every
 * other URL, returns false and the request is served as `/<path>`. `<key>` is any word, so
 * that each check counts its own requests. The faults:
 * - `unavailable<n>`: 503 with `Retry-After: 1`;
 * - `cut<n>`: the headers with the whole `Content-Length`, half the body, then the connection
 *   closed;
 * - `drop<n>`: the connection closed with no answer (a network error, as no server gives);
 * - `dropfor<ms>`: every connection closed with no answer for that many milliseconds from the
 *   first request: a browser's own retries of a dropped request, which come at once (WebKit's
 *   network layer makes a varying number, unseen by the page), meet the same fault, and only a
 *   retry that waited gets through;
 * - `stall<seconds>`: nothing at all for that many seconds, once, then the connection closed.
 * `counts` holds how often each fault URL was asked for, `firsts` when it first was, and
 * `passed` how many of its requests each fault let through.
 */
function playFault(request, response, { counts, firsts, passed }, headers) {
  const fault = /^\/faults\/([a-z]+)(\d*)\/[^/]+(\/.*)$/.exec(new URL(request.url, 'http://localhost').pathname);
  if (!fault) return false;
  const [, kind, number, rest] = fault;
  const seen = (counts.get(request.url) ?? 0) + 1;
  counts.set(request.url, seen);
  if (!firsts.has(request.url)) firsts.set(request.url, Date.now());
  const over = kind === 'dropfor'
    ? Date.now() - firsts.get(request.url) >= Number(number)
    : seen > (kind === 'stall' ? 1 : Number(number || 1));
  if (over) {
    passed.set(request.url, (passed.get(request.url) ?? 0) + 1);
    request.url = rest;
    return false;
  }
  if (kind === 'unavailable') {
    response.writeHead(503, { ...headers, 'retry-after': '1', 'content-type': 'text/plain' }).end('Try again later');
  } else if (kind === 'cut') {
    const body = readFileSync(path.join(fixtures, rest.replace(/^\/fixtures\//, '')));
    response.writeHead(200, { ...headers, 'content-type': TYPES['.json'], 'content-length': body.length });
    // One of the suite's two fixed waits: the callback says the half left this process, not
    // that the browser has read it, and a connection destroyed before then may lose it in
    // transit; no signal reaches the server when the browser has read it, so it waits 50 ms.
    response.write(body.subarray(0, body.length >> 1), () => setTimeout(() => request.socket.destroy(), 50));
  } else if (kind === 'drop' || kind === 'dropfor') {
    request.socket.destroy();
  } else if (kind === 'stall') {
    const timer = setTimeout(() => request.socket.destroy(), Number(number) * 1000);
    request.socket.on('close', () => clearTimeout(timer));
  }
  return true;
}

/**
 * Serves `root` (a `trunk build` output) at BASE_PATH. Options: `cors` lets other origins read
 * the files; `readerOrigin()` names the origin the cross-origin host page loads the reader from;
 * `otherOrigin()` the origin that replaces OTHER_ORIGIN in fixture feeds (for images from
 * another origin, over http); `generated` is the folder served at /generated/; `probe` injects
 * probe.js into every page; `port` is the port to listen on (any free one by default).
 * `/faults/…` plays network faults (see `playFault`); `server.requests` counts every URL asked
 * for, and `server.passed` the requests of each fault URL that its fault let through.
 */
export function serve(root, { cors = false, readerOrigin = null, otherOrigin = null, generated = null, probe = false, port = 0 } = {}) {
  const requests = new Map();
  const faults = { counts: new Map(), firsts: new Map(), passed: new Map() };
  // The build again under /held/, its wasm held back from /e2e/hold until /e2e/release is asked
  // for: the page as it is before the wasm has come (the prerendered HTML), for as long as a
  // check needs. A wasm asked for after the release is not held, since a page may ask for it
  // only after the check has seen what it waited for and released it.
  const held = [];
  let holding = true;
  const server = http.createServer(async (request, response) => {
    requests.set(request.url, (requests.get(request.url) ?? 0) + 1);
    if (playFault(request, response, faults, cors ? { 'access-control-allow-origin': '*' } : {})) return;
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/e2e/hold' || url.pathname === '/e2e/release') {
      // A hold lets go of what an earlier page had held: a page left behind keeps no connection.
      held.splice(0).forEach((release) => release());
      holding = url.pathname === '/e2e/hold';
      return response.writeHead(204).end();
    }
    if (holding && url.pathname.startsWith('/held/') && url.pathname.endsWith('.wasm')) await new Promise((release) => held.push(release));
    // The build again under /no-wasm/, whose wasm is not there: a reader that cannot start.
    if (url.pathname.startsWith('/no-wasm/') && url.pathname.endsWith('.wasm')) return response.writeHead(404).end();
    if (cors) response.setHeader('access-control-allow-origin', '*');
    const html = (body) => response.writeHead(200, { 'content-type': TYPES['.html'] }).end(body);
    if (url.pathname === '/cross-origin-host.html' && readerOrigin) return html(crossOriginHost(readerOrigin(), probe));
    if (url.pathname === '/e2e/frame.html') {
      const { src, width, height } = Object.fromEntries(url.searchParams);
      return html(framePage(src, Number(width), Number(height)));
    }
    if (url.pathname === '/e2e/blank.html') return html('<!doctype html><title>blank</title><link rel="icon" href="data:,">');
    // A feed of twenty short articles (a0 … a19), for checks that need many to mark.
    if (url.pathname === '/e2e/many.json') {
      const items = Array.from({ length: 20 }, (_, n) => ({ id: `a${n}`, title: `Article number ${n}`,
        content_text: `The body of article ${n}.`, date_published: new Date(Date.UTC(2026, 0, 1 + n)).toISOString() }));
      return response.writeHead(200, { 'content-type': TYPES['.json'] })
        .end(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Many', items }));
    }
    // A host page with one reader of the feed at ?src= (any origin), in the language of ?lang=
    // if any, and no policy of its own.
    if (url.pathname === '/e2e/one-reader.html') {
      const src = (url.searchParams.get('src') ?? '').replace(/[&"<]/g, '');
      const lang = (url.searchParams.get('lang') ?? '').replace(/[^A-Za-z-]/g, '');
      return html(`<!doctype html><html lang="en"><head>${probe ? PROBE_TAG : ''}<meta charset="utf-8"><title>One reader</title>
<link rel="icon" href="data:,"><script type="module" src="${BASE_PATH}article-reader.js"></script></head>
<body><article-reader id="one" src="${src}"${lang ? ` lang="${lang}"` : ''}></article-reader></body></html>`);
    }
    if (url.pathname === '/e2e/probe.js') return response.writeHead(200, { 'content-type': TYPES['.js'] }).end(probeSource);
    // The build again under /tampered/, its wasm not the one its article-reader.js carries the
    // integrity of, yet still a valid module: one custom section ("x", empty) longer.
    if (url.pathname === '/tampered/article-reader-app_bg.wasm') {
      const bytes = readFileSync(path.join(root, 'article-reader-app_bg.wasm'));
      return response.writeHead(200, { 'content-type': TYPES['.wasm'] }).end(Buffer.concat([bytes, Buffer.from([0, 2, 1, 0x78])]));
    }
    const served = [['/fixtures/', fixtures], ['/e2e/pages/', pages], ['/tampered/', root], ['/held/', root],
      ['/no-wasm/', root], ...(generated ? [['/generated/', generated]] : [])];
    const [base, dir] = served.find(([prefix]) => url.pathname.startsWith(prefix)) ?? [BASE_PATH, root];
    if (!url.pathname.startsWith(base)) return response.writeHead(404).end();
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(dir)) return response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return response.writeHead(404).end();
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (otherOrigin && dir === fixtures && path.extname(file) === '.json') {
      const feed = readFileSync(file, 'utf8').replaceAll(OTHER_ORIGIN, otherOrigin());
      return response.writeHead(200, { 'content-type': type }).end(feed);
    }
    if ((probe || dir === root) && path.extname(file) === '.html') {
      let page = readFileSync(file, 'utf8');
      if (probe) page = page.replace(/<head>/i, (head) => `${head}${PROBE_TAG}`);
      // A held page does not preload the wasm: a preload would hold the page's load event,
      // which WebDriver waits for, as long as the wasm is held.
      if (url.pathname.startsWith('/held/')) page = page.replace(/<link rel="(module)?preload"[^>]*>/g, '');
      return html(page);
    }
    // Byte ranges, as every static file server answers them: players seek through them.
    const size = statSync(file).size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    if (range) {
      const [start, end] = [Number(range[1]), Math.min(Number(range[2] || size - 1), size - 1)];
      if (start > end) return response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      response.writeHead(206, { 'content-type': type, 'accept-ranges': 'bytes', 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      return createReadStream(file, { start, end }).pipe(response);
    }
    response.writeHead(200, { 'content-type': type, 'accept-ranges': 'bytes' });
    createReadStream(file).pipe(response);
  });
  server.requests = requests;
  server.passed = faults.passed;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** The origin a listening server answers on, by the host name given. */
export const originOf = (server, host = '127.0.0.1') => `http://${host}:${server.address().port}`;

/** Runs one of the workspace's binaries with cargo; fails the suite with its stderr if it fails. */
export function cargoRun(args, what) {
  const run = spawnSync('cargo', ['run', '--quiet', '--locked', ...args], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(run.status, 0, `${what} failed:\n${run.stderr}`);
  return run;
}

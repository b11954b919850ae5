// Starts the standalone page: the reader fills #article-reader, routes by the URL fragment, and
// reads ?src=, ?tags= and the other attributes from the query string. An external module rather
// than trunk's inline script, so the page runs under a Content-Security-Policy without
// 'unsafe-inline'. The wasm's URL is built from this file's own, so the page works from any path.
import init, { mountPage } from './article-reader-app.js';

await init({ module_or_path: new URL('./article-reader-app_bg.wasm', import.meta.url) });
mountPage(document.getElementById('article-reader'));

// Starts the standalone reader. An external module rather than trunk's inline script, so the
// page runs under a Content-Security-Policy without 'unsafe-inline'. The wasm's URL is built
// from this file's own, so the page works from any path.
import init from './article-reader.js';

await init({ module_or_path: new URL('./article-reader_bg.wasm', import.meta.url) });

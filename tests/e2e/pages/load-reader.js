// Loads the article-reader.js that ?reader= names, for host pages of the end-to-end checks.
await import(new URL(location.href).searchParams.get('reader'));

// The benchmark's table, its Markdown report and the budgets of issue 6.

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';

import { BUDGET } from '../tests/size/reader-size.mjs';

/** Rows of the table for every timing, in the order a person meets them. */
const TIMINGS = [
  ['firstArticle', 'first article on screen'],
  ['keystroke', 'search keystroke (median of the word)'],
  ['tag', 'press a tag'],
  ['secondTagAny', 'press a second tag, any'],
  ['secondTagAll', 'press a second tag, all'],
  ['open', 'open an article'],
  ['back', 'back to the feed'],
  ['more', 'show more (20 more cards)'],
];

const KB = 1000;
const MB = 1000 * 1000;
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes) => (bytes >= 10 * MB ? `${(bytes / MB).toFixed(0)} MB` : `${(bytes / MB).toFixed(1)} MB`);
const sizes = ({ raw, gzip, brotli }, unit) => `${[raw, gzip, brotli].map((b) => unit(b).replace(/ .B$/, '')).join(' / ')} ${unit(raw).split(' ')[1]}`;
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a, b, digits = 2) => (b > 0 ? (a / b).toFixed(digits) : '–');
/** A ratio for a budget: three decimals, so that 1.202 does not read as a passing 1.20. */
const exact = (a, b) => `${ratio(a, b, 3)}×`;
const feedLabel = (feed) => (feed.name === 'seed' ? `seed (${feed.articles})` : feed.name);

/** Every budget of issue 6, judged on the medians: { name, value, limit, pass }. */
export function checkBudgets(results) {
  const budgets = [];
  const add = (name, value, limit, pass) => budgets.push({ name, value, limit, pass });
  const withoutFeed = results.transfer.readerWithoutBundledFeed;
  add(
    'reader transfer (wasm+JS+CSS, brotli) without the bundled feed',
    withoutFeed.found ? kb(withoutFeed.brotli) : 'the bundled feed was not found in the wasm',
    `≤ ${BUDGET / KB} KB`,
    withoutFeed.found && withoutFeed.brotli <= BUDGET,
  );
  const feed = (name) => results.feeds.find((f) => f.name === name);
  const seed = feed('seed');
  const times = (f, key) => [f.reader.times[key]?.ready ?? NaN, f.baseline.times[key]?.ready ?? NaN];
  {
    const [reader, baseline] = times(seed, 'firstArticle');
    add('seed: first article on screen, vs baseline', `${exact(reader, baseline)} (${ms(reader)} / ${ms(baseline)} ms)`, '≤ 2×', reader <= 2 * baseline);
  }
  const big = feed('10,000');
  const missing = (name, limit) => add(`10,000: ${name}`, 'not measured: run with --sizes including 10000', limit, false);
  for (const [key, label] of TIMINGS.filter(([k]) => ['keystroke', 'tag', 'secondTagAny', 'secondTagAll'].includes(k))) {
    if (!big) {
      missing(label, '≤ 16 ms and ≤ 1.2×');
      continue;
    }
    const [reader, baseline] = times(big, key);
    add(`10,000: ${label}`, `${ms(reader)} ms (baseline ${ms(baseline)} ms)`, '≤ 16 ms', reader <= 16);
    add(`10,000: ${label}, vs baseline`, exact(reader, baseline), '≤ 1.2×', reader <= 1.2 * baseline);
  }
  if (big) {
    const [reader, baseline] = times(big, 'firstArticle');
    add('10,000: first article on screen, vs baseline', `${exact(reader, baseline)} (${ms(reader)} / ${ms(baseline)} ms)`, '≤ 1.5×', reader <= 1.5 * baseline);
    const [heap, baseHeap] = [big.reader.memory.total, big.baseline.memory.total];
    add('10,000: JS heap + wasm memory, vs baseline', `${exact(heap, baseHeap)} (${mb(heap)} / ${mb(baseHeap)})`, '≤ 2×', heap <= 2 * baseHeap);
  } else {
    missing('first article on screen, vs baseline', '≤ 1.5×');
    missing('JS heap + wasm memory, vs baseline', '≤ 2×');
  }
  // The speed issue's targets: every interaction at 10,000 within 1.2× of the baseline and 16 ms
  // (above, with issue 6's), and these.
  for (const [key, label] of TIMINGS.filter(([k]) => ['open', 'back', 'more'].includes(k))) {
    if (!big) continue;
    const [reader, baseline] = times(big, key);
    add(`10,000: ${label}`, `${ms(reader)} ms (baseline ${ms(baseline)} ms)`, '≤ 16 ms', reader <= 16);
    add(`10,000: ${label}, vs baseline`, exact(reader, baseline), '≤ 1.2×', reader <= 1.2 * baseline);
  }
  const huge = feed('100,000');
  for (const f of [big, huge].filter(Boolean)) {
    const [reader, baseline] = times(f, 'firstArticle');
    add(`${f.name}: first article on screen, vs baseline`, `${exact(reader, baseline)} (${ms(reader)} / ${ms(baseline)} ms)`, '≤ 1.0×', reader <= baseline);
    add(`${f.name}: longest task after the first article`, `${ms(f.reader.longestTask)} ms (baseline ${ms(f.baseline.longestTask)} ms)`, '≤ 100 ms', f.reader.longestTask <= 100);
    const [heap, baseHeap] = [f.reader.memory.total, f.baseline.memory.total];
    add(`${f.name}: JS heap + wasm memory, vs baseline`, `${exact(heap, baseHeap)} (${mb(heap)} / ${mb(baseHeap)})`, '≤ 1.0×', heap <= baseHeap);
  }
  if (huge) {
    for (const [key, label] of TIMINGS.filter(([k]) => k !== 'firstArticle' && huge.reader.times[k])) {
      add(`100,000: ${label}`, `${ms(huge.reader.times[key].ready)} ms`, '≤ 50 ms', huge.reader.times[key].ready <= 50);
    }
  }
  // Issue 6's targets for 100,000 articles, which the split form is for.
  const split = feed('100,000 split');
  const targets = [
    ['firstArticle', 'first article on screen', 1500],
    ['keystroke', 'search keystroke (median of the word)', 50],
    ['tag', 'press a tag', 50],
    ['secondTagAny', 'press a second tag, any', 50],
    ['secondTagAll', 'press a second tag, all', 50],
    ['open', 'open an article, its body fetched', 100],
  ];
  for (const [key, label, limit] of targets) {
    const name = `100,000 split: ${label}`;
    if (!split) add(name, 'not measured: run with --sizes including 100000', `≤ ${limit} ms`, false);
    else add(name, `${ms(split.reader.times[key].ready)} ms`, `≤ ${limit} ms`, split.reader.times[key].ready <= limit);
  }
  return budgets;
}

/** Cells padded to their column's width, Markdown-style, so the table reads in a terminal too. */
export function render(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  const line = (row) => `| ${row.map((cell, column) => cell + ' '.repeat(widths[column] - [...cell].length)).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

export function tableOf(results, { withBudgets = false } = {}) {
  const rows = [['feed', 'measure', 'reader', 'baseline', 'reader ÷ baseline']];
  const { reader, readerWithoutBundledFeed, baseline } = results.transfer;
  rows.push(['–', 'transfer: wasm+JS+CSS, raw / gzip / brotli', sizes(reader, kb), sizes(baseline, kb), `${ratio(reader.brotli, baseline.brotli)} (brotli)`]);
  rows.push(['–', 'the same without the bundled feed, brotli', readerWithoutBundledFeed.found ? kb(readerWithoutBundledFeed.brotli) : 'not found', '', '']);
  for (const feed of results.feeds) {
    const label = feedLabel(feed);
    const fileKind = feed.name === 'seed' ? 'feed file, raw / gzip / brotli (reader: built in)' : feed.readerOnly ? 'index file (bodies in chunks), raw / gzip / brotli' : 'feed file, raw / gzip / brotli';
    rows.push([label, fileKind, sizes(feed.transfer, feed.transfer.raw >= MB ? mb : kb), feed.readerOnly ? 'no split form' : 'the same', '']);
    for (const [key, name] of TIMINGS.filter(([k]) => feed.reader.times[k])) {
      const [r, b] = [feed.reader.times[key], feed.baseline?.times[key]];
      const both = (f) => (b ? f(b) : '–');
      rows.push([label, `${name}, ms`, `${ms(r.ready)} / ${ms(r.painted)}`, both((b) => `${ms(b.ready)} / ${ms(b.painted)}`), both((b) => `${ratio(r.ready, b.ready)} / ${ratio(r.painted, b.painted)}`)]);
    }
    const memory = ({ jsHeap, wasm, total }) => `${mb(jsHeap)} + ${mb(wasm)} = ${mb(total)}`;
    const baseMemory = feed.baseline?.memory;
    rows.push([label, 'memory: JS heap + wasm', memory(feed.reader.memory), baseMemory ? memory(baseMemory) : '–', baseMemory ? ratio(feed.reader.memory.total, baseMemory.total) : '']);
    const task = (t) => (t > 0 ? ms(t) : 'none ≥ 50');
    const baseTask = feed.baseline?.longestTask;
    rows.push([label, 'longest task after the first article, ms', task(feed.reader.longestTask), baseTask === undefined ? '–' : task(baseTask), '']);
  }
  const runs = results.feeds.map((f) => `${feedLabel(f)}: ${f.runs}`).join(', ');
  let text = `Reader (release build) beside the JavaScript baseline, ${results.chromium}; medians of runs (${runs}).\n`;
  text += 'Times in ms as "ready / painted": ready = the DOM shows the result, laid out; painted = after the next frame.\n\n';
  text += render(rows);
  if (withBudgets) {
    text += '\n\nBudgets (issue 6) and targets (the speed issue), on the medians of "ready":\n\n';
    text += render([['budget', 'measured', 'limit', 'result'], ...results.budgets.map((b) => [b.name, b.value, b.limit, b.pass ? 'pass' : 'FAIL'])]);
    const failed = results.budgets.filter((b) => !b.pass).length;
    text += `\n\n${results.budgets.length - failed} budgets passed, ${failed} failed`;
  }
  return text;
}

export function markdownReport(results, table) {
  return `# Benchmark: article-reader beside a plain JavaScript reader

Measured ${results.date} in ${results.chromium} (Debian's, headless) by \`scripts/bench.sh\`; ${results.seconds} s.
Machine: ${results.machine}.
KB and MB are 1,000 and 1,000,000 bytes. See README.md, "Performance", for how each figure is taken.

${table}
${table.includes('Budgets') ? '' : `\nBudgets (issue 6) and targets (the speed issue), on the medians of "ready":\n\n${results.budgets.map((b) => `- ${b.pass ? 'pass' : 'FAIL'}: ${b.name}: ${b.value} (${b.limit})`).join('\n')}\n`}`;
}

/** The machine the figures are from: CPU, cores, memory, OS. */
export function machine() {
  const cpus = os.cpus();
  const release = existsSync('/etc/os-release') ? (readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? '') : '';
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${release || `${os.type()} ${os.release()}`}, node ${process.version}`;
}

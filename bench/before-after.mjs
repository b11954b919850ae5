// The benchmark's figures before and after a change, side by side: reads the main table of two
// reports that scripts/bench.sh wrote (bench/RESULTS.md as it was, target/bench/results.md now)
// and prints one Markdown table of every row both have, with the reader's time and its ratio to
// the baseline measured in the same run, before and after.
//
//   node bench/before-after.mjs OLD.md NEW.md > table.md

import { readFileSync } from 'node:fs';

/** The rows of a report's first table, by "feed | measure". */
function rows(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => line.startsWith('| feed'));
  const table = new Map();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    table.set(`${cells[0]}\u0000${cells[1]}`, cells);
  }
  return table;
}

const [before, after] = process.argv.slice(2).map(rows);
const out = [['feed', 'measure', 'before: reader', 'before: ÷ baseline', 'after: reader', 'after: baseline', 'after: ÷ baseline']];
for (const [key, now] of after) {
  const then = before.get(key);
  out.push([now[0], now[1], then?.[2] ?? '–', then?.[4] || '–', now[2], now[3], now[4]]);
}
const widths = out[0].map((_, i) => Math.max(...out.map((row) => row[i].length)));
const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log([line(out[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...out.slice(1).map(line)].join('\n'));

#!/usr/bin/env node
// Fails when the modules of a crate import each other in a cycle.
//
// A cycle is a knot a newcomer cannot read from one end: neither file can be understood, moved or
// tested without the other. So every file of crates/core and crates/ui is a node, and every path
// to another file of the same crate is an edge: `use crate::…`, `use super::…`, `use self::…`, a
// path written in the code (`crate::content::native::text_of_rcdata(…)`), and a module brought
// in by `use` and then named in a path (`use crate::content; … content::blocks::…`). Tests inside
// a file count as the file's own code: a `#[cfg(test)] mod tests` that needs a module which needs
// this file belongs in the crate's `tests/`.
//
// A crate root (`lib.rs`) and a folder's `mod.rs` are façades: what they re-export (`pub use`)
// is named through them but owned by the file that defines it, so a path through a re-export
// points at that file. Comments and string literals are left out, so an intra-doc link is no
// edge. The crate's test scaffolding (`test_support` in lib.rs) is no node.
//
//   node scripts/check-modules.mjs            checks crates/core and crates/ui
//   node scripts/check-modules.mjs DIR…       checks the crates whose `src/` folders are given
//   CHECK_MODULES_EDGES=1 node scripts/…      also prints every edge, with where it is made
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

// Edges known to close a cycle that is being taken apart elsewhere, as "crate-src-relative file
// -> file". Each entry must name the cycle it belongs to; delete it when the cycle is gone (an
// entry whose edge is no longer there, or no longer closes a cycle, fails the check, so none
// outlives its cycle).
const KNOWN = new Map([]);

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';

/** Rust source with comments, string and character literals blanked (lengths kept). */
function code(source) {
  let out = '';
  let i = 0;
  const blank = (s) => s.replace(/[^\n]/g, ' ');
  while (i < source.length) {
    const rest = source.slice(i, i + 3);
    if (rest.startsWith('//')) {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += blank(source.slice(i, stop));
      i = stop;
    } else if (rest.startsWith('/*')) {
      let depth = 0;
      let j = i;
      do {
        if (source.startsWith('/*', j)) {
          depth++;
          j += 2;
        } else if (source.startsWith('*/', j)) {
          depth--;
          j += 2;
        } else j++;
      } while (depth > 0 && j < source.length);
      out += blank(source.slice(i, j));
      i = j;
    } else if (/^(b?r#*")/.test(rest) && /[^A-Za-z0-9_]|^$/.test(source[i - 1] ?? '')) {
      const m = /^b?r(#*)"/.exec(source.slice(i, i + 40));
      if (m) {
        const close = '"' + m[1];
        const end = source.indexOf(close, i + m[0].length);
        const stop = end < 0 ? source.length : end + close.length;
        out += blank(source.slice(i, stop));
        i = stop;
        continue;
      }
      out += source[i++];
    } else if (source[i] === '"' || (source[i] === 'b' && source[i + 1] === '"')) {
      let j = source.indexOf('"', i) + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      out += blank(source.slice(i, j + 1));
      i = j + 1;
    } else if (source[i] === "'") {
      const m = /^'(?:\\(?:u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'\n])'/u.exec(source.slice(i, i + 12));
      const len = m ? m[0].length : 1;
      out += m ? blank(m[0]) : "'";
      i += len;
    } else {
      out += source[i++];
    }
  }
  return out;
}

/** The paths a `use` tree names, each as segments, with the local name it binds (or `*`). */
function useLeaves(tree) {
  const leaves = [];
  const walk = (prefix, text) => {
    text = text.trim();
    const brace = text.indexOf('{');
    if (brace >= 0 && text.endsWith('}')) {
      const head = text.slice(0, brace).replace(/::\s*$/, '').trim();
      const base = head ? [...prefix, ...head.split('::').map((s) => s.trim())] : prefix;
      let depth = 0;
      let start = brace + 1;
      for (let k = brace + 1; k < text.length - 1; k++) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
        else if (text[k] === ',' && depth === 0) {
          walk(base, text.slice(start, k));
          start = k + 1;
        }
      }
      const last = text.slice(start, text.length - 1);
      if (last.trim()) walk(base, last);
      return;
    }
    if (!text) return;
    const [path, alias] = text.split(/\s+as\s+/);
    const segments = [...prefix, ...path.split('::').map((s) => s.trim()).filter(Boolean)];
    let name = alias?.trim() ?? segments[segments.length - 1];
    if (name === 'self') {
      segments.pop();
      name = segments[segments.length - 1];
    }
    leaves.push({ segments, name });
  };
  walk([], tree);
  return leaves;
}

function rustFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      // Each file of `bin/` is a crate of its own, whose `crate::` is itself.
      if (entry !== 'bin') files.push(...rustFiles(path));
    } else if (entry.endsWith('.rs')) files.push(path);
  }
  return files;
}

/** Checks one crate; returns its cycles as lists of edges. */
function checkCrate(src, known) {
  const modules = new Map(); // module path ("" or "content::html") -> { file, inline }
  const files = new Map(); // file (relative to src) -> { path: [segments], text }
  for (const path of rustFiles(src)) {
    const file = relative(src, path).split(sep).join('/');
    const parts = file.replace(/\.rs$/, '').split('/');
    if (parts[parts.length - 1] === 'mod' || (parts.length === 1 && parts[0] === 'lib')) parts.pop();
    files.set(file, { segments: parts, text: code(readFileSync(path, 'utf8')) });
    modules.set(parts.join('::'), { file });
  }

  // Inline modules (`mod tests { … }`) and where each one spans, by file.
  const spans = new Map();
  for (const [file, { segments, text }] of files) {
    const list = [];
    const re = new RegExp(`\\bmod\\s+(${IDENT})\\s*\\{`, 'g');
    for (let m; (m = re.exec(text)); ) {
      let depth = 1;
      let k = m.index + m[0].length;
      for (; k < text.length && depth > 0; k++) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
      }
      list.push({ name: m[1], start: m.index, end: k });
    }
    // Nested inline modules: the path of each is that of the ones around it.
    for (const span of list) {
      const around = list.filter((o) => o !== span && o.start < span.start && span.end <= o.end);
      span.path = [...segments, ...around.map((o) => o.name), span.name];
      modules.set(span.path.join('::'), { file, inline: true });
    }
    spans.set(file, list);
  }
  const moduleAt = (file, index) => {
    const inside = spans.get(file).filter((s) => s.start <= index && index < s.end);
    inside.sort((a, b) => b.path.length - a.path.length);
    return inside.length ? inside[0].path : files.get(file).segments;
  };

  // Re-exports: module path -> name -> absolute path, and every `use` with where it stands.
  const reexports = new Map();
  const uses = [];
  const useRe = /\b(pub(?:\s*\([^)]*\))?\s+)?use\s+([^;]+);/g;
  for (const [file, { text }] of files) {
    for (let m; (m = useRe.exec(text)); ) {
      const at = moduleAt(file, m.index);
      const line = text.slice(0, m.index).split('\n').length;
      for (const leaf of useLeaves(m[2])) uses.push({ file, at, line, leaf, pub: Boolean(m[1]), index: m.index });
    }
  }

  const absolute = (at, segments) => {
    const [first, ...rest] = segments;
    if (first === 'crate') return rest;
    if (first === 'self') return [...at, ...rest];
    if (first === 'super') {
      let base = at.slice(0, -1);
      let k = 1;
      while (segments[k] === 'super') {
        base = base.slice(0, -1);
        k++;
      }
      return [...base, ...segments.slice(k)];
    }
    // A path from a child module of the module the code is in (2018 paths), else another crate.
    if (modules.has([...at, first].join('::'))) return [...at, ...segments];
    return null;
  };
  for (const u of uses) {
    if (!u.pub || u.leaf.name === '*') continue;
    const target = absolute(u.at, u.leaf.segments);
    if (!target) continue;
    const key = u.at.join('::');
    if (!reexports.has(key)) reexports.set(key, new Map());
    reexports.get(key).set(u.leaf.name, target);
  }

  // The file that owns what an absolute path names, and whether the path names a module.
  const resolve = (segments, depth = 0) => {
    let cur = [];
    for (let k = 0; k < segments.length; k++) {
      const next = [...cur, segments[k]];
      if (modules.has(next.join('::'))) {
        cur = next;
        continue;
      }
      const target = reexports.get(cur.join('::'))?.get(segments[k]);
      if (target && depth < 8) return resolve([...target, ...segments.slice(k + 1)], depth + 1);
      return { file: modules.get(cur.join('::'))?.file, module: null };
    }
    return { file: modules.get(cur.join('::'))?.file, module: cur };
  };

  const edges = new Map(); // "from -> to" -> first place it is made
  const addEdge = (from, to, line, what, target) => {
    if (!to || from === to) return;
    // The crate's test scaffolding (`#[cfg(test)] mod test_support` in lib.rs: fixtures built
    // of the crate's own types) is no room of the house: every test may use it, and it may use
    // every type.
    if (target?.[0] === 'test_support') return;
    const key = `${from} -> ${to}`;
    if (!edges.has(key)) edges.set(key, { from, to, line, what });
  };
  const isRoot = (file) => file === 'lib.rs' || file.endsWith('mod.rs');

  // Uses: a façade's re-exports are names, not needs; every other use is an edge.
  const aliases = new Map(); // file -> local name -> module path (a module a `use` brought in)
  for (const u of uses) {
    if (u.leaf.name === '*' && u.leaf.segments.length === 0) continue;
    const target = absolute(u.at, u.leaf.segments);
    if (!target) continue;
    const { file, module } = resolve(target);
    if (module && u.leaf.name !== '*') {
      if (!aliases.has(u.file)) aliases.set(u.file, new Map());
      aliases.get(u.file).set(u.leaf.name, module);
    }
    if (u.pub && isRoot(u.file) && !modules.get(u.at.join('::'))?.inline) continue;
    addEdge(u.file, file, u.line, `use ${u.leaf.segments.join('::')}`, target);
  }

  // Paths written in the code, outside `use` items.
  for (const [file, { text }] of files) {
    const body = text.replace(useRe, (s) => s.replace(/[^\n]/g, ' '));
    const pathRe = new RegExp(`(?<![A-Za-z0-9_:$])(${IDENT})((?:\\s*::\\s*${IDENT})+)`, 'g');
    for (let m; (m = pathRe.exec(body)); ) {
      const head = m[1];
      const rest = m[2].split('::').map((s) => s.trim()).filter(Boolean);
      const at = moduleAt(file, m.index);
      let target;
      if (head === 'crate' || head === 'self' || head === 'super') target = absolute(at, [head, ...rest]);
      else if (aliases.get(file)?.has(head)) target = [...aliases.get(file).get(head), ...rest];
      else if (modules.has([...at, head].join('::'))) target = [...at, head, ...rest];
      if (!target) continue;
      const line = body.slice(0, m.index).split('\n').length;
      addEdge(file, resolve(target).file, line, `${head}::${rest.join('::')}`, target);
    }
  }

  // Cycles: the strongly connected components of more than one file (Tarjan), each shown as one
  // cycle through it.
  const graph = new Map();
  for (const { from, to } of edges.values()) {
    if (known.has(`${from} -> ${to}`)) continue;
    if (!graph.has(from)) graph.set(from, []);
    graph.get(from).push(to);
  }
  let index = 0;
  const stack = [];
  const state = new Map();
  const components = [];
  const connect = (v) => {
    state.set(v, { index, low: index, onStack: true });
    index++;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!state.has(w)) {
        connect(w);
        state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
      } else if (state.get(w).onStack) state.get(v).low = Math.min(state.get(v).low, state.get(w).index);
    }
    if (state.get(v).low === state.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        state.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!state.has(v)) connect(v);

  const cycles = [];
  for (const component of components) {
    const inside = new Set(component);
    const startAt = [...component].sort()[0];
    // The shortest way back to the start, breadth first, inside the component.
    const previous = new Map([[startAt, null]]);
    const queue = [startAt];
    let last = null;
    while (queue.length && !last) {
      const v = queue.shift();
      for (const w of graph.get(v) ?? []) {
        if (w === startAt) {
          last = v;
          break;
        }
        if (inside.has(w) && !previous.has(w)) {
          previous.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [startAt];
    for (let v = last; v !== startAt; v = previous.get(v)) path.splice(1, 0, v);
    path.push(startAt);
    cycles.push({ component: component.sort(), edges: path.slice(1).map((to, k) => edges.get(`${path[k]} -> ${to}`)) });
  }
  if (process.env.CHECK_MODULES_EDGES) for (const e of edges.values()) console.log(`${e.from} -> ${e.to}  ${e.line}: ${e.what}`);
  // A known edge still closes a cycle when its target reaches its source by every edge.
  const reaches = (start, goal) => {
    const seen = new Set([start]);
    const pending = [start];
    while (pending.length) {
      const v = pending.pop();
      if (v === goal) return true;
      for (const { from, to } of edges.values()) {
        if (from === v && !seen.has(to)) {
          seen.add(to);
          pending.push(to);
        }
      }
    }
    return false;
  };
  const closing = new Set([...known].filter((key) => edges.has(key) && reaches(edges.get(key).to, edges.get(key).from)));
  return { cycles, closing };
}

const root = new URL('..', import.meta.url).pathname;
const crates = process.argv.length > 2 ? process.argv.slice(2) : ['crates/core/src', 'crates/ui/src'];
let failed = false;
const used = new Set();
for (const src of crates) {
  const known = new Set([...KNOWN.keys()].filter((k) => k.startsWith(`${src} `)).map((k) => k.slice(src.length + 1)));
  const { cycles, closing } = checkCrate(join(root, src), known);
  for (const key of closing) used.add(`${src} ${key}`);
  for (const cycle of cycles) {
    failed = true;
    const names = [...cycle.edges.map((e) => e.from), cycle.edges[0].from];
    console.error(`import cycle in ${src}: ${names.join(' -> ')}`);
    for (const e of cycle.edges) console.error(`    ${src}/${e.from}:${e.line}: ${e.what}  (-> ${e.to})`);
    if (cycle.component.length > cycle.edges.length) {
      console.error(`    (the knot holds more files: ${cycle.component.join(', ')})`);
    }
  }
}
for (const key of KNOWN.keys()) {
  if (crates.some((src) => key.startsWith(`${src} `)) && !used.has(key)) {
    failed = true;
    console.error(`scripts/check-modules.mjs: the known edge "${key}" closes no cycle any more; delete its entry`);
  }
}
if (failed) {
  console.error('\nEach file of a crate must be readable without the files that read it: move what both need to a module of its own.');
  process.exit(1);
}
console.log(`no import cycles among the modules of ${crates.join(', ')}`);

// Checks of what the reader does when tabs race each other, the network fails or readers come
// and go, for reader.e2e.mjs (Chromium through playwright-core, which gives two pages of one
// browser context and the DevTools protocol's counters). Each is `check(name, run)` as there.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BASE_PATH, serve } from './server.mjs';

/** A feed of `count` articles, `a0`…, each tagged `t<n>`, `u<n>` and `shared`, written into `folder`. */
export function writeManyFeed(folder, name = 'many.json', count = 20) {
  const items = Array.from({ length: count }, (_, n) => ({
    id: `a${n}`,
    title: `Article number ${n}`,
    content_text: `The body of article ${n}.`,
    date_published: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
    tags: [`t${n}`, `u${n}`, 'shared'],
  }));
  writeFileSync(path.join(folder, name), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Many', items }));
}

/**
 * An instant a moment from now, of the clock every tab shares: each tab schedules its change
 * for it, so that neither hears of the other's change before making its own.
 */
const soon = () => Date.now() + 250;

/** Opens article `id` in `tab` at the instant `at`. */
const openAt = (tab, id, at) => tab.evaluate(({ id, at }) => new Promise((resolve) => {
  setTimeout(() => resolve(void (location.hash = `#/article/${id}`)), at - Date.now());
}), { id, at });

/** Presses "Follow <name>" in `tab` at the instant `at`. */
const followAt = (tab, name, at) => tab.evaluate(({ name, at }) => new Promise((resolve) => {
  setTimeout(() => {
    [...document.querySelectorAll('button.ar-follow')].find((b) => b.getAttribute('aria-label') === `Follow ${name}`).click();
    resolve();
  }, at - Date.now());
}), { name, at });

/** Waits up to 5 s for `condition(arg)` in `tab`; the assertion after it says what is wrong if not. */
const settle = (tab, condition, arg) => tab.waitForFunction(condition, arg, { timeout: 5000 }).catch(() => {});

/**
 * A card of fixtures/publisher.json. The standalone page holds the bundled feed's cards,
 * prerendered, and a page asked for another feed may paint them before boot.js hides them (its
 * module runs after the page is parsed, and a busy machine paints first): a check waiting for
 * "an article" would take those for the feed it asked for.
 */
const PUBLISHER_CARD = '[role=feed] article[data-article="budget-vote"]';

/** The ids of the read cards in the feed view of a standalone page. */
const readIds = (page) => page.evaluate(() => [...document.querySelectorAll('[role=feed] article.ar-card--read')]
  .map((card) => card.getAttribute('data-article')).sort());

/**
 * Opens a blank page of `origin` with the embedding module loaded, and gives it `__mount(id,
 * options)`: a reader mounted into a new `<div id>`, whose events land in `__events[id]`.
 */
async function hostPage(page, origin) {
  await page.goto(`${origin}/e2e/blank.html`);
  await page.evaluate(async (module) => {
    const reader = await import(module);
    window.__events = {};
    window.__mount = (id, options) => {
      const host = Object.assign(document.createElement('div'), { id });
      document.body.append(host);
      const events = (window.__events[id] = []);
      for (const type of ['ready', 'error']) {
        host.addEventListener(`article-reader-${type}`, (event) => events.push({ type, ...event.detail }));
      }
      return reader.mount(host, options).then((handle) => {
        window[`__handle_${id}`] = handle;
      });
    };
  }, `${origin}${BASE_PATH}article-reader.js`);
}

const eventsOf = (page, id) => page.evaluate((id) => window.__events[id], id);

/** A port nothing listens on (yet). */
const freePort = () => new Promise((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});

export function resilienceChecks(check, { feedUrl, origin, server, dist }) {
  check('two tabs marking articles at the same moment keep all 20 marks', async ({ page }) => {
    const other = await page.context().newPage();
    const tabs = [page, other];
    await Promise.all(tabs.map((tab) => tab.goto(feedUrl())));
    await Promise.all(tabs.map((tab) => tab.locator('[role=feed] article').nth(19).waitFor()));
    for (let round = 0; round < 10; round += 1) {
      // Each tab opens its own article in the same task turn of the test, then goes back.
      const ids = [`a${2 * round}`, `a${2 * round + 1}`];
      const at = soon();
      await Promise.all(tabs.map((tab, n) => openAt(tab, ids[n], at)));
      await Promise.all(tabs.map((tab, n) => tab.locator(`h1:text-is("Article number ${ids[n].slice(1)}")`).waitFor()));
      await Promise.all(tabs.map((tab) => tab.evaluate(() => { location.hash = '#/'; })));
      await Promise.all(tabs.map((tab) => tab.locator('[role=feed] article').nth(19).waitFor()));
    }
    const all = Array.from({ length: 20 }, (_, n) => `a${n}`).sort();
    for (const tab of tabs) {
      await settle(tab, (count) => document.querySelectorAll('[role=feed] article.ar-card--read').length === count, 20);
      assert.deepEqual(await readIds(tab), all, 'every mark in every tab');
    }
    // And a fresh tab reads all of them from storage.
    const third = await page.context().newPage();
    await third.goto(feedUrl());
    await third.waitForFunction(() => document.querySelectorAll('[role=feed] article.ar-card--read').length === 20);
  });

  check('two tabs following a tag each at the same moment keep both; an unfollow reaches the other tab', async ({ page }) => {
    const other = await page.context().newPage();
    const tabs = [page, other];
    const following = (tab, count) => tab.locator('.ar-views__link', { hasText: `Following (${count})` }).waitFor();
    // Five rounds: both tabs on article n, one follows t<n> and the other u<n> at the same moment.
    for (let n = 0; n < 5; n += 1) {
      await Promise.all(tabs.map((tab) => tab.goto(`${feedUrl()}#/article/a${n}`)));
      await Promise.all(tabs.map((tab) => tab.locator('button.ar-follow').nth(2).waitFor()));
      const at = soon();
      await Promise.all([followAt(page, `t${n}`, at), followAt(other, `u${n}`, at)]);
      for (const tab of tabs) {
        await settle(tab, () => document.querySelectorAll('button.ar-follow[aria-pressed=true]').length === 2);
        const pressed = await tab.evaluate(() => [...document.querySelectorAll('button.ar-follow[aria-pressed=true]')].map((b) => b.textContent));
        assert.equal(pressed.length, 2, `round ${n}: both follows in each tab`);
      }
    }
    for (const tab of tabs) await following(tab, 10);
    // Unfollow in one tab: the other hears it, and it does not come back.
    await page.evaluate(() => document.querySelector('button.ar-follow[aria-pressed=true]').click());
    for (const tab of tabs) await following(tab, 9);
    const third = await page.context().newPage();
    await third.goto(`${feedUrl()}#/article/a4`);
    await following(third, 9);
  });

  check('“Mark all as read” and its undo reach the other tab', async ({ page }) => {
    const other = await page.context().newPage();
    const tabs = [page, other];
    await Promise.all(tabs.map((tab) => tab.goto(feedUrl())));
    await Promise.all(tabs.map((tab) => tab.locator('[role=feed] article').nth(19).waitFor()));
    await other.evaluate(() => { location.hash = '#/article/a0'; });
    await other.locator('h1:text-is("Article number 0")').waitFor();
    await page.getByRole('button', { name: /Mark all as read/ }).click();
    await other.evaluate(() => { location.hash = '#/'; });
    for (const tab of tabs) {
      await tab.waitForFunction(() => document.querySelectorAll('[role=feed] article.ar-card--read').length === 20);
    }
    await page.getByRole('button', { name: /Undo/ }).click();
    for (const tab of tabs) {
      // The mark made before "Mark all as read" stays.
      await tab.waitForFunction(() => document.querySelectorAll('[role=feed] article.ar-card--read').length === 1);
      assert.deepEqual(await readIds(tab), ['a0']);
    }
  });

  check('503 twice, then the feed: the loading view counts down, the host hears only that it is ready', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    await hostPage(page, origin());
    const src = '/faults/unavailable2/a/fixtures/publisher.json';
    const mounting = page.evaluate((src) => window.__mount('r', { src }), src);
    await page.locator('#r .ar-loading__retry', { hasText: /^Retrying in 1 s…$/ }).waitFor();
    await mounting;
    await page.locator('#r [role=feed] article').first().waitFor();
    assert.deepEqual((await eventsOf(page, 'r')).map((e) => e.type), ['ready'], 'no error before the reader gives up');
    assert.equal(server().requests.get(src), 3, 'three requests');
  });

  check('503 four times: the reader gives up, says why, and “Try again” fetches it', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    await hostPage(page, origin());
    const src = '/faults/unavailable4/b/fixtures/publisher.json';
    await page.evaluate((src) => window.__mount('r', { src }), src);
    const alert = page.locator('#r .ar-error[role=alert]');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.textContent(), /the server answered 503/);
    const events = await eventsOf(page, 'r');
    assert.deepEqual(events.map((e) => [e.type, e.kind, e.kept]), [['error', 'fetch', false]], 'one error, when it gave up');
    assert.equal(server().requests.get(src), 4, 'four tries');
    await page.locator('#r button.ar-try-again', { hasText: 'Try again' }).click();
    await page.locator('#r [role=feed] article').first().waitFor();
    assert.equal(server().requests.get(src), 5);
  });

  check('a body cut short, and a dropped connection, are tried again', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    // What the reader says when it tries again. A dropped connection stays dropped for half a
    // second, since Chromium sends the request again by itself at once, unseen by the page.
    const tries = [];
    const heard = (message) => message.type() === 'warning' && /Trying again in/.test(message.text()) && tries.push(message.text());
    page.on('console', heard);
    try {
      for (const fault of ['cut1', 'dropfor500']) {
        tries.length = 0;
        const src = `/faults/${fault}/c/fixtures/publisher.json`;
        await page.goto(`${origin()}${BASE_PATH}?src=${src}`);
        await page.locator(PUBLISHER_CARD).waitFor();
        assert.equal(tries.length, 1, `${fault}: the reader tried again once: ${JSON.stringify(tries)}`);
        assert.equal(server().passed.get(src), 1, `${fault}: one request after the fault, the reader's retry`);
        if (fault === 'cut1') assert.equal(server().requests.get(src), 2, fault);
      }
    } finally {
      page.off('console', heard);
    }
  });

  check('a 404 is not tried again', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    await page.goto(`${origin()}${BASE_PATH}?src=/fixtures/missing-for-retry.json`);
    await page.locator('.ar-error[role=alert]').waitFor();
    assert.equal(server().requests.get('/fixtures/missing-for-retry.json'), 1);
  });

  check('no server, then a server: the reader keeps trying until it answers', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    await hostPage(page, origin());
    const port = await freePort();
    await page.evaluate((src) => window.__mount('r', { src }), `http://127.0.0.1:${port}/fixtures/publisher.json`);
    await page.locator('#r .ar-loading__retry').waitFor();
    const late = await serve(dist, { cors: true, port });
    try {
      await page.locator('#r [role=feed] article').first().waitFor({ timeout: 15000 });
      assert.deepEqual((await eventsOf(page, 'r')).map((e) => e.type), ['ready']);
    } finally {
      late.close();
    }
  });

  check('a CORS refusal is not tried again, and the error says so', async ({ page, expectError }) => {
    expectError(/Failed to load resource|Access-Control-Allow-Origin|CORS|article-reader: The /);
    // The host page on `localhost`, the feed on `127.0.0.1`: another origin, whose server sends
    // no Access-Control-Allow-Origin.
    const port = new URL(origin()).port;
    await hostPage(page, `http://localhost:${port}`);
    const src = `http://127.0.0.1:${port}/fixtures/publisher.json?cors-refused`;
    await page.evaluate((src) => window.__mount('r', { src }), src);
    const alert = page.locator('#r .ar-error[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /does not allow this page to read the feed \(CORS\)/);
    // The request, and the no-cors request that told the refusal from a network error: no retry.
    assert.equal(server().requests.get('/fixtures/publisher.json?cors-refused'), 2);
    assert.equal(await page.locator('#r .ar-loading__retry').count(), 0);
  });

  check('a download that stalls for 35 s is given up after 30 s and tried again', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    const src = '/faults/stall35/d/fixtures/publisher.json';
    await page.goto(`${origin()}${BASE_PATH}?src=${src}`);
    // The fault is a time: 30 s of nothing, then the next try.
    await page.locator('.ar-loading__retry').waitFor({ timeout: 40000 });
    await page.locator(PUBLISHER_CARD).waitFor({ timeout: 15000 });
    assert.equal(server().requests.get(src), 2);
  });

  check('offline: the kept copy with a notice and a flagged error; without one, an error; online again, both load', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    await hostPage(page, origin());
    await page.evaluate(() => window.__mount('a', { src: '/fixtures/publisher.json' }));
    await page.locator('#a [role=feed] article').first().waitFor();
    // Kept in the background: wait until the cache has it.
    await page.waitForFunction(async () => Boolean(await caches.match(new URL('/fixtures/publisher.json', location.href).href)));
    await page.context().setOffline(true);
    await page.evaluate(() => window.__mount('b', { src: '/fixtures/publisher.json' }));
    const notice = page.locator('#b .ar-kept[role=status]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /could not be updated\. You are reading the copy kept on /);
    assert.equal(await page.locator('#b [role=feed] article').count() > 0, true, 'the kept articles');
    assert.deepEqual((await eventsOf(page, 'b')).map((e) => [e.type, e.kind, e.kept]), [['error', 'fetch', true]]);
    await page.evaluate(() => window.__mount('c', { src: '/fixtures/paged.json' }));
    await page.locator('#c .ar-error[role=alert]', { hasText: 'offline' }).waitFor();
    assert.deepEqual((await eventsOf(page, 'c')).map((e) => [e.type, e.kept]), [['error', false]]);
    await page.context().setOffline(false);
    await page.locator('#c [role=feed] article').first().waitFor();
    await page.locator('#b .ar-kept').waitFor({ state: 'detached' });
    await page.locator('#b [role=feed] article').first().waitFor();
  });

  check('a next page that fails once is tried again by itself', async ({ page, expectError }) => {
    expectError(/Failed to load resource|article-reader: The feed at/);
    const src = '/faults/unavailable1/e/fixtures/paged.json';
    await page.goto(`${origin()}${BASE_PATH}?src=${src}`);
    await page.locator('[role=feed] article[data-article="p1-lights"]').waitFor();
    await page.getByRole('button', { name: 'Load more articles' }).click();
    await page.locator('[role=feed] article').nth(4).waitFor();
    assert.equal(server().requests.get('/faults/unavailable1/e/fixtures/paged-2.json'), 2);
  });

  check('100 readers created and removed, and one given 100 feeds, leave no node, listener or wasm memory behind', async ({ page }) => {
    await page.goto(`${origin()}/e2e/blank.html`);
    await page.evaluate(async (module) => {
      await import(module);
      // Half on the bundled feed, half fetched (a request, a kept copy, a stall timer).
      // One reader given another feed `n` times, each shown before the next.
      window.__updates = async (n) => {
        const el = document.createElement('article-reader');
        document.body.append(el);
        await el.ready;
        for (let i = 0; i < n; i += 1) {
          const shown = new Promise((resolve) => el.addEventListener('article-reader-ready', resolve, { once: true }));
          el.setAttribute('src', i % 2 ? '/fixtures/publisher.json' : '/fixtures/paged.json');
          await shown;
        }
        el.remove();
        await new Promise((resolve) => setTimeout(resolve, 0));
      };
      window.__cycles = async (n) => {
        for (let i = 0; i < n; i += 1) {
          const el = document.createElement('article-reader');
          if (i % 2) el.setAttribute('src', '/fixtures/publisher.json');
          document.body.append(el);
          await el.ready;
          el.remove();
          // The reader is destroyed in a microtask after its element leaves the page.
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      };
    }, `${origin()}${BASE_PATH}article-reader.js`);
    const cdp = await page.context().newCDPSession(page);
    const measure = async () => {
      // Nodes a task or a finished fetch still held a moment ago go in a later collection.
      // One of the suite's two fixed waits: no event says when the engine has let go of what
      // its own finished tasks and fetches held, so three collections 50 ms apart give it time.
      for (let i = 0; i < 3; i += 1) {
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
        await cdp.send('HeapProfiler.collectGarbage');
      }
      const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
      const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: 'soak' });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId, objectGroup: 'soak' });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }',
        returnByValue: true,
      });
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'soak' });
      return { nodes, listeners: jsEventListeners, wasm: result.value };
    };
    // Warm up: the wasm, the stylesheet, the allocator's first pages, Yew's first components.
    await page.evaluate(() => window.__cycles(10));
    const before = await measure();
    await page.evaluate(() => window.__cycles(100));
    const after = await measure();
    const grown = { nodes: after.nodes - before.nodes, listeners: after.listeners - before.listeners, wasm: after.wasm - before.wasm };
    console.log(`     100 cycles: nodes ${before.nodes} -> ${after.nodes}, listeners ${before.listeners} -> ${after.listeners}, wasm ${before.wasm} -> ${after.wasm} bytes`);
    // Flat: fewer nodes and listeners in all than one reader had (one node and four listeners
    // each before vendor/yew's fix); at most one wasm page.
    const flat = (grown) => grown.nodes < 10 && grown.listeners < 4 && grown.wasm <= 65536;
    assert.ok(flat(grown), JSON.stringify({ before, after }));
    // And one reader given another feed 100 times.
    await page.evaluate(() => window.__updates(10));
    const updatesBefore = await measure();
    await page.evaluate(() => window.__updates(100));
    const updatesAfter = await measure();
    console.log(`     100 updates: nodes ${updatesBefore.nodes} -> ${updatesAfter.nodes}, listeners ${updatesBefore.listeners} -> ${updatesAfter.listeners}, wasm ${updatesBefore.wasm} -> ${updatesAfter.wasm} bytes`);
    const updated = Object.fromEntries(Object.keys(updatesAfter).map((key) => [key, updatesAfter[key] - updatesBefore[key]]));
    assert.ok(flat(updated), JSON.stringify({ updatesBefore, updatesAfter }));
  });
}

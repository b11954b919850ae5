// Checks of what the reader does when tabs race each other, the network fails or readers come
// and go, for reader.e2e.mjs (Chromium through playwright-core, which gives two pages of one
// browser context and the DevTools protocol's counters). Each is `check(name, run)` as there.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** A feed of `count` articles, `a0`…, each tagged `t<n>` and `shared`, written into `folder`. */
export function writeManyFeed(folder, name = 'many.json', count = 20) {
  const items = Array.from({ length: count }, (_, n) => ({
    id: `a${n}`,
    title: `Article number ${n}`,
    content_text: `The body of article ${n}.`,
    date_published: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
    tags: [`t${n}`, 'shared'],
  }));
  writeFileSync(path.join(folder, name), JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Many', items }));
}

/** The ids of the read cards in the feed view of a standalone page. */
const readIds = (page) => page.evaluate(() => [...document.querySelectorAll('[role=feed] article.ar-card--read')]
  .map((card) => card.getAttribute('data-article')).sort());

export function resilienceChecks(check, { feedUrl }) {
  check('two tabs marking articles at the same moment keep all 20 marks', async ({ page }) => {
    const other = await page.context().newPage();
    const tabs = [page, other];
    await Promise.all(tabs.map((tab) => tab.goto(feedUrl())));
    await Promise.all(tabs.map((tab) => tab.locator('[role=feed] article').nth(19).waitFor()));
    for (let round = 0; round < 10; round += 1) {
      // Each tab opens its own article in the same task turn of the test, then goes back.
      const ids = [`a${2 * round}`, `a${2 * round + 1}`];
      await Promise.all(tabs.map((tab, n) => tab.evaluate((id) => { location.hash = `#/article/${id}`; }, ids[n])));
      await Promise.all(tabs.map((tab, n) => tab.locator(`h1:text-is("Article number ${ids[n].slice(1)}")`).waitFor()));
      await Promise.all(tabs.map((tab) => tab.evaluate(() => { location.hash = '#/'; })));
      await Promise.all(tabs.map((tab) => tab.locator('[role=feed] article').nth(19).waitFor()));
    }
    const all = Array.from({ length: 20 }, (_, n) => `a${n}`).sort();
    for (const tab of tabs) {
      await tab.waitForFunction((count) => document.querySelectorAll('[role=feed] article.ar-card--read').length === count, 20);
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
    await Promise.all(tabs.map((tab) => tab.goto(`${feedUrl()}#/article/a3`)));
    await Promise.all(tabs.map((tab) => tab.locator('button.ar-follow').nth(1).waitFor()));
    const follow = (tab, tag) => tab.evaluate((name) => {
      [...document.querySelectorAll('button.ar-follow')].find((b) => b.getAttribute('aria-label') === `Follow ${name}`).click();
    }, tag);
    await Promise.all([follow(page, 't3'), follow(other, 'shared')]);
    const pressed = (tab) => tab.evaluate(() => [...document.querySelectorAll('button.ar-follow[aria-pressed=true]')].length);
    for (const tab of tabs) {
      await tab.waitForFunction(() => document.querySelectorAll('button.ar-follow[aria-pressed=true]').length === 2);
      assert.equal(await pressed(tab), 2, 'both follows');
    }
    // Unfollow in one tab: the other hears it, and it does not come back.
    await page.evaluate(() => document.querySelector('button.ar-follow[aria-pressed=true]').click());
    for (const tab of tabs) {
      await tab.waitForFunction(() => document.querySelectorAll('button.ar-follow[aria-pressed=true]').length === 1);
    }
    const third = await page.context().newPage();
    await third.goto(`${feedUrl()}#/article/a3`);
    await third.locator('button.ar-follow').nth(1).waitFor();
    assert.equal(await pressed(third), 1, 'stored: one follow');
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
}

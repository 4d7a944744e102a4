// Layouts at the widths people use: nothing overlaps, nothing runs off the side, and the fields
// that hold long values (API origins) get room. Checked with the elements' real bounding boxes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveKeyInPopup } from './user';
import { ADA, useExtension } from './setup';

const KEY = 'Layout00.layoutTestSecret1234';
const env = useExtension({ [KEY]: ADA });

interface Box {
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Boxes of the visible controls and texts inside `selector`, and the page's horizontal overflow. */
function measure(page: Page, selector: string): Promise<{ boxes: Box[][]; overflow: number }> {
  return page.evaluate((selector) => {
    const groups = [...document.querySelectorAll(selector)].map((root) =>
      [...root.querySelectorAll('input, select, button, h3, .meta')].flatMap((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return [];
        const what = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
        return [{ what, x: r.x, y: r.y, w: r.width, h: r.height }];
      }),
    );
    return { boxes: groups, overflow: document.documentElement.scrollWidth - window.innerWidth };
  }, selector);
}

function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      // One pixel of slack for borders that touch.
      const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ix > 1 && iy > 1) out.push(`${a.what} × ${b.what}`);
    }
  }
  return out;
}

describe('the options page, one layout per key', () => {
  beforeAll(async () => {
    await (await saveKeyInPopup(env.b, KEY)).close();
  });
  it.each([360, 560, 800, 1200])('at %i px wide: no overlap, no sideways scrolling, room for the API origins', async (width) => {
    const page = await env.b.ctx.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`chrome-extension://${env.b.extId}/src/options/options.html`);
    const article = page.locator('article.profile').first();
    await article.waitFor();
    const { boxes, overflow } = await measure(page, 'article.profile');
    expect(overflow).toBeLessThanOrEqual(0);
    for (const group of boxes) expect(overlaps(group)).toEqual([]);
    const origins = await article.getByLabel('API origins').boundingBox();
    const card = await article.boundingBox();
    expect(origins!.width).toBeGreaterThanOrEqual(Math.min(240, card!.width * 0.8));
    expect(origins!.width / card!.width).toBeGreaterThan(0.35);
    await page.close();
  });
});

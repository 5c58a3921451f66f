// The fields' look out of the box and in each theme, on a real page across two origins: every
// field has a boundary of 3:1 or more against the page (WCAG 1.4.11), a focus ring 2 px wide of
// 3:1 or more, an invalid state, and the page's font; `theme="none"` draws no box. Contrast is
// measured on the pixels the shopper sees (the field's edge in a screenshot against the page's
// background), never compared with a stored image. The screenshots of the merchant guide
// (packages/host/README.md, "Look and themes") are written to docs/images/ on the way.
import { mkdir, writeFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { HOST } from './servers.js';
import { frameOf, typeInto } from './steps.js';

type Rgb = [number, number, number];

const IMAGES = new URL('../../docs/images/', import.meta.url);

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

async function openTheme(page: Page, theme?: string): Promise<void> {
  await page.setViewportSize({ width: 480, height: 360 });
  await page.goto(`${HOST}/themes.html${theme ? `?theme=${theme}` : ''}`);
  await page.waitForFunction(
    () =>
      (window as unknown as { payEvents: { type: string; target: string }[] }).payEvents.some(
        (e) => e.type === 'pay-ready' && e.target === 'group',
      ),
    undefined,
    { timeout: 60_000 },
  );
}

/** The page's own background colour, which the fields must stand out from. */
async function pageBackground(page: Page): Promise<Rgb> {
  const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  return color.match(/\d+/g)!.slice(0, 3).map(Number) as Rgb;
}

/**
 * The pixels of the `part` input of field `#field` as the page shows it: its left column on the
 * middle row (x = 0, 1) and its bottom rows on the middle column (the line of `flat`), read from
 * a screenshot of the page (the frame's pixels composited into it), decoded by the browser.
 */
async function edgePixels(page: Page, field: string, part = field) {
  const box = (await frameOf(page, field).locator(`input#${part}`).boundingBox())!;
  const clip = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.floor(box.width),
    height: Math.floor(box.height),
  };
  const png = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  const middle = { x: Math.floor(clip.width / 2), y: Math.floor(clip.height / 2) };
  const points: [number, number][] = [
    [0, middle.y],
    [1, middle.y],
    [2, middle.y],
    [middle.x, clip.height - 1],
    [middle.x, clip.height - 2],
  ];
  const rgb = await page.evaluate(
    async ([base64, points]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return points.map(([x, y]) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)]);
    },
    [png.toString('base64'), points] as const,
  );
  const [left0, left1, left2, bottom0, bottom1] = rgb as Rgb[];
  return { left: [left0!, left1!, left2!], bottom: [bottom0!, bottom1!] };
}

/** The strongest contrast of the field's boundary against the page: its side or its line below. */
function boundaryContrast(edges: { left: Rgb[]; bottom: Rgb[] }, background: Rgb): number {
  return Math.max(...[edges.left[0]!, ...edges.bottom].map((pixel) => contrast(pixel, background)));
}

/** A screenshot of the form for the guide: written, never compared. */
async function writeShot(page: Page, name: string): Promise<void> {
  await mkdir(IMAGES, { recursive: true });
  const png = await page.locator('#shot').screenshot({ animations: 'disabled', caret: 'hide' });
  await writeFile(new URL(`theme-${name}.png`, IMAGES), png);
}

const ratio = (value: number) => value.toFixed(2);

for (const theme of ['default', 'flat', 'night'] as const) {
  test.describe(`theme ${theme}`, () => {
    test.beforeEach(async ({ page }) => {
      await openTheme(page, theme === 'default' ? undefined : theme);
    });

    test('each field has a boundary of 3:1 against the page, and the page font', async ({
      page,
    }) => {
      const background = await pageBackground(page);
      for (const field of ['number', 'expiry', 'cvc']) {
        const measured = boundaryContrast(await edgePixels(page, field), background);
        test.info().annotations.push({
          type: 'contrast',
          description: `${theme} ${field} boundary ${ratio(measured)}:1`,
        });
        expect(measured, `${field}: boundary against the page`).toBeGreaterThanOrEqual(3);
      }
      const pageFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      await expect
        .poll(() =>
          frameOf(page, 'number')
            .locator('input#number')
            .evaluate((input) => getComputedStyle(input).fontFamily),
        )
        .toBe(pageFont);
      await writeShot(page, theme);
    });

    test('the focused field has a ring 2 px wide of 3:1 against the page', async ({ page }) => {
      const background = await pageBackground(page);
      const resting = await edgePixels(page, 'number');
      await frameOf(page, 'number').locator('input#number').click();
      await expect
        .poll(() =>
          page.evaluate(() => document.querySelector('#number')!.matches(':state(focused)')),
        )
        .toBe(true);
      const focused = await edgePixels(page, 'number');
      const ring = focused.left.slice(0, 2).map((pixel) => contrast(pixel, background));
      test.info().annotations.push({
        type: 'contrast',
        description: `${theme} focus ring ${ring.map(ratio).join(', ')}:1 (x = 0, 1)`,
      });
      for (const [x, measured] of ring.entries())
        expect(measured, `ring pixel x = ${x} against the page`).toBeGreaterThanOrEqual(3);
      // The ring is not the resting boundary: the focus changes what the shopper sees.
      expect(focused.left[1]).not.toEqual(resting.left[1]);
      if (theme === 'default') await writeShot(page, 'default-focus');
    });

    test('an invalid field shows it on its boundary, 3:1 against the page', async ({ page }) => {
      const background = await pageBackground(page);
      const resting = await edgePixels(page, 'expiry');
      // An expired date (no card data on the image): the error shows once the field is left.
      await typeInto(page, 'expiry', '0120');
      await frameOf(page, 'cvc').locator('input#cvc').click();
      await expect
        .poll(() =>
          page.evaluate(() => document.querySelector('#expiry')!.matches(':state(invalid)')),
        )
        .toBe(true);
      await expect(frameOf(page, 'expiry').locator('input#expiry')).toHaveAttribute(
        'aria-invalid',
        'true',
      );
      const invalid = await edgePixels(page, 'expiry');
      const measured = boundaryContrast(invalid, background);
      test.info().annotations.push({
        type: 'contrast',
        description: `${theme} invalid boundary ${ratio(measured)}:1`,
      });
      expect(measured).toBeGreaterThanOrEqual(3);
      // Its side (or, in flat, its line below) changed colour.
      expect([invalid.left[0], invalid.bottom[0]]).not.toEqual([
        resting.left[0],
        resting.bottom[0],
      ]);
      if (theme === 'default') {
        // The message below the field is in: the frame has grown to show it.
        await expect(frameOf(page, 'expiry').locator('#expiry-error')).not.toBeEmpty();
        await writeShot(page, 'default-invalid');
      }
    });
  });
}

test('theme none draws no box: the page draws it on ::part(frame)', async ({ page }) => {
  await openTheme(page, 'none');
  const background = await pageBackground(page);
  const edges = await edgePixels(page, 'number');
  for (const pixel of [...edges.left, ...edges.bottom])
    expect(contrast(pixel, background)).toBeLessThan(1.1);
  // The merchant's own values still reach the frame in any theme.
  await page.evaluate(() => {
    const group = document.getElementById('group')!;
    group.style.setProperty('--pay-background', 'rgb(255, 250, 205)');
    group.setAttribute('theme', 'flat');
  });
  await expect
    .poll(() =>
      frameOf(page, 'number')
        .locator('input#number')
        .evaluate((input) => getComputedStyle(input).backgroundColor),
    )
    .toBe('rgb(255, 250, 205)');
});

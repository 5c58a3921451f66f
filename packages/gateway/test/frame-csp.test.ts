import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FRAME_CSP_FILE, FrameCspReader, frameCsp, frameCspWith } from '../src/frame-csp.js';

const SCRIPT = "'sha256-b0ouW8vNIA+a4t68tWkFbQAIPvHUbt7FF9rlAkBsDAw='";
const STYLE = "'sha256-F3EJYjcPoZ8zFmN0R18WNVjDeNzauj7teOjwqj45G2Q='";

describe('frame CSP: the frame build inlines its app, allowed by hash only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'frame-csp-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the hashes to script-src and style-src, and nothing else', () => {
    const csp = frameCspWith({ 'script-src': [SCRIPT], 'style-src': [STYLE] });
    assert.match(csp, new RegExp(`script-src 'self' ${SCRIPT.replace(/[+/]/g, '\\$&')};`));
    assert.match(csp, new RegExp(`style-src 'self' ${STYLE.replace(/[+/]/g, '\\$&')};`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|strict-dynamic|frame-ancestors/);
    assert.equal(csp.replace(` ${SCRIPT}`, '').replace(` ${STYLE}`, ''), frameCsp);
  });

  it('reads the build’s file, and falls back to the plain policy when it is absent or not hashes', async () => {
    const reader = new FrameCspReader(dir);
    assert.equal(await reader.current(), frameCsp);
    const file = join(dir, FRAME_CSP_FILE);
    writeFileSync(file, JSON.stringify({ 'script-src': [SCRIPT], 'style-src': [STYLE] }));
    assert.match(await reader.current(), /script-src 'self' 'sha256-/);
    for (const bad of [
      { 'script-src': ["'unsafe-inline'"], 'style-src': [] },
      { 'script-src': ['*'], 'style-src': [STYLE] },
      { 'script-src': [`${SCRIPT} https:`], 'style-src': [] },
      { 'script-src': [SCRIPT] },
    ]) {
      writeFileSync(file, JSON.stringify(bad));
      assert.equal(await new FrameCspReader(dir).current(), frameCsp, JSON.stringify(bad));
    }
    writeFileSync(file, 'not json');
    assert.equal(await new FrameCspReader(dir).current(), frameCsp);
  });
});

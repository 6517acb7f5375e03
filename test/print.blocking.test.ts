// The printer alone, with a fixed HTML string: no script runs and every outside request is refused.
import { afterAll, describe, expect, it } from 'vitest';
import { PrintSession } from '../src/build.js';
import { loadDocument } from '../src/print/pdf.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const session = new PrintSession();
afterAll(() => session.close());

describe('loadDocument', () => {
  it('refuses and records every request that is not an inlined asset, and runs no script', async () => {
    const html = `<!DOCTYPE html><html lang="sv"><head>
      <link rel="stylesheet" href="http://127.0.0.1:9/style.css">
      <style>@import url("http://127.0.0.1:9/import.css"); body { background: url("file:///etc/hostname"); }</style>
      </head><body>
      <p id="p">Före</p>
      <img src="http://127.0.0.1:9/bild.png" alt="bild">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
      <script>document.getElementById('p').textContent = 'Skript körde';</script>
      </body></html>`;
    const document = await loadDocument(await session.get(), html);
    const pdf = await document.print().finally(() => document.close());
    const { blockedRequests } = document;
    expect(blockedRequests).toEqual(
      expect.arrayContaining(['http://127.0.0.1:9/style.css', 'http://127.0.0.1:9/bild.png']),
    );
    expect(blockedRequests.every((url) => !url.startsWith('data:'))).toBe(true);
    const text = normalize((await pdfText(pdf)).all);
    expect(text).toContain('Före');
    expect(text).not.toContain('Skript körde');
  });
});

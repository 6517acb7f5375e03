// Stands in for the npm package ws in vplan's bundle (scripts/bundle.mjs). Puppeteer connects to a browser
// it launches over a WebSocket unless told to use a pipe; vplan always launches with a pipe (see
// src/print/browser.ts), so the WebSocket client (125 kB, with Node's http, https and zlib behind it)
// would only be loaded by every build, never used.
export default class WebSocket {
  constructor() {
    throw new Error('vplan talar med webbläsaren genom en pipe, aldrig en WebSocket (ws ingår inte i vplans paket).');
  }
}
export { WebSocket };

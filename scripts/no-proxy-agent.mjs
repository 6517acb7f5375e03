// Stands in for the npm package proxy-agent in vplan's bundle (scripts/bundle.mjs). Puppeteer's browser
// tools use it only to download a browser, which vplan never does; the real package brings 1.8 MB of
// code (a JavaScript engine for proxy scripts among it) that every build would otherwise load.
export class ProxyAgent {
  constructor() {
    throw new Error('vplan hämtar inga webbläsare från nätet (proxy-agent ingår inte i vplans paket).');
  }
}

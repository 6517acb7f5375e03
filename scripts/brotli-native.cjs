// In the bundle (scripts/bundle.mjs), this stands in for the brotli package's pure-JavaScript decoder
// that fontkit calls for a WOFF2 font file: Node's own brotli gives the same bytes, without the package's
// ~50 ms of start-up (its dictionary) and ~100 ms of decoding in a cold build.
'use strict';
const { brotliDecompressSync } = require('node:zlib');

module.exports = function decompress(buffer) {
  try {
    const out = brotliDecompressSync(buffer);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    return null;
  }
};

// A CSV file's text whatever Excel saved it as: "CSV UTF-8" (with a byte-order mark), Swedish Excel's
// default "CSV (semikolonavgränsad)" (Windows-1252: å as one byte, a no-break space 0xA0 between the
// thousands), or "Unicode-text" (UTF-16 with a byte-order mark, tab-separated).

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Windows-1252's characters at 0x80–0x9F (where it differs from Latin-1); undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  return text;
}

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a byte-order mark: every other byte of plain text is 0.
  if (bytes.length >= 2 && a !== 0 && b === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes.length >= 2 && a === 0 && b !== 0) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

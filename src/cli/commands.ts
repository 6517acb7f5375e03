// The commands, each loaded on first use: `vplan --help`, `validate` and `schema` never load the
// browser (puppeteer-core), pdf-lib, pdf.js or the spreadsheet and Word readers, and a build starts
// its browser before the rest of vplan has loaded (see cli/build.ts).
export const commands = {
  build: () => import('./build.js'),
  watch: () => import('./watch.js'),
  diff: () => import('./diff.js'),
  archive: () => import('./archive.js'),
  schema: () => import('./schema.js'),
  init: () => import('./init.js'),
  next: () => import('./next.js'),
  convert: () => import('./convert.js'),
  sheet: () => import('./sheet.js'),
  import: () => import('./import.js'),
};

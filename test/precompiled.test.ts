import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../src/render/assets.js';
import { handlebarsFor, templateOf } from '../src/render/precompiled.js';

function counting() {
  const hb = Handlebars.create();
  let compiled = 0;
  const compile = hb.compile.bind(hb);
  hb.compile = ((...args: Parameters<typeof compile>) => {
    compiled += 1;
    return compile(...args);
  }) as typeof hb.compile;
  return { hb, compiled: () => compiled };
}

describe('precompiled templates (npm run build)', () => {
  it("take vplan's own template precompiled and compile an edited one from its source, with the same output", async () => {
    const source = await readFile(path.join(TEMPLATES_DIR, 'partials', 'decision.hbs'), 'utf8');
    const own = counting();
    const precompiled = await templateOf(own.hb, source);
    expect(own.compiled()).toBe(0);
    const edited = counting();
    const compiled = await templateOf(edited.hb, `${source}<!-- edited -->`);
    expect(edited.compiled()).toBe(1);
    const context = { decision: { text: 'Beslut', date: '2025-01-01' } };
    expect(compiled(context)).toBe(`${precompiled(context)}<!-- edited -->`);
  });
});

describe('the Handlebars a theme is made with', () => {
  it("is the runtime alone (no compiler) for vplan's own templates, and the whole Handlebars for an edited one", async () => {
    const source = await readFile(path.join(TEMPLATES_DIR, 'partials', 'decision.hbs'), 'utf8');
    const own = await handlebarsFor([source]);
    expect(own.VERSION).toBe(Handlebars.VERSION);
    expect(typeof own.template).toBe('function');
    expect((own as { compile?: unknown }).compile).toBeUndefined();
    const edited = await handlebarsFor([source, `${source}<!-- edited -->`]);
    expect(typeof edited.compile).toBe('function');
    const template = await templateOf(edited.create(), `${source}<!-- edited -->`);
    expect(template({ decision: { text: 'Beslut', date: '2025-01-01' } })).toContain('<!-- edited -->');
  });
});

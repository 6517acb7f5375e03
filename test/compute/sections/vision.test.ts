import { describe, expect, it } from 'vitest';
import { buildVision } from '../../../src/compute/sections/vision.js';
import { sectionContext } from '../../helpers/sectionContext.js';

describe('vision sections', () => {
  it("print the plan's vision statement after the lead, and the cornerstones with their figures filled in", () => {
    const ctx = sectionContext({ visionStatement: 'Alla får arbete.' });
    const built = buildVision(
      {
        type: 'vision',
        title: 'Vision',
        lead: 'Förbundets vision är:',
        cornerstones: [{ title: 'Samverkan', subtitle: 'Över gränser', text: 'År {{budgetYear}}.' }, { title: 'Individen', text: 'I centrum.' }],
      },
      ['sections', 2],
      ctx,
    );
    expect(built.content).toEqual({
      lead: 'Förbundets vision är:',
      statement: 'Alla får arbete.',
      cornerstones: [
        { title: 'Samverkan', subtitle: 'Över gränser', text: 'År [budgetYear].' },
        { title: 'Individen', subtitle: undefined, text: 'I centrum.' },
      ],
    });
    expect(ctx.filled).toEqual(['sections/2/cornerstones/0/text', 'sections/2/cornerstones/1/text']);
    expect(ctx.issues).toEqual([]);
  });

  it('leave the statement out with "showStatement": false, and need document.vision otherwise', () => {
    const hidden = sectionContext({ visionStatement: 'Alla får arbete.' });
    expect(buildVision({ type: 'vision', title: 'Vision', showStatement: false }, ['sections', 0], hidden).content).toEqual({
      lead: undefined,
      statement: undefined,
      cornerstones: [],
    });
    expect(hidden.issues).toEqual([]);

    const missing = sectionContext();
    buildVision({ type: 'vision', title: 'Vision' }, ['sections', 0], missing);
    expect(missing.issues).toEqual([
      { path: ['sections', 0], message: 'avsnittet visar visionen, men document.vision saknas (eller sätt "showStatement": false)' },
    ]);
  });
});

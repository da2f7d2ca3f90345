import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../../tests/support/temp-app';
import { BMG_EVERY_BIRTHDAY_FROM, bmgAllowsBirthday } from '../../domain/jubilees/honour-rules';
import path from 'node:path';

/**
 * What the templates say about the ages they are for: only what § 50 Abs. 2 BMG lets the
 * register give out (a template that promises "every birthday from 90" promises a 96th
 * birthday the list can never show).
 */
const manifest = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'manifest.json'), 'utf8')) as {
  templates: Array<{ id: string; description: string }>;
};
const birthdayTexts = manifest.templates.filter((t) => /Geburtstag|Altersjubiläum/.test(t.description));

describe('template descriptions of birthday letters', () => {
  it('exist (the birthday letter describes its ages)', () => {
    expect(birthdayTexts.map((t) => t.id)).toContain('geburtstag');
  });

  it.each(birthdayTexts.map((t) => [t.id, t.description]))('%s: "every birthday from" never starts below the 100th', (_id, description) => {
    const thresholds = [...description.matchAll(/jede[rnm]? Geburtstag(?:e|es)? ab (?:dem )?(\d+)/g)].map((m) => Number(m[1]));
    for (const from of thresholds) expect(from, description).toBeGreaterThanOrEqual(BMG_EVERY_BIRTHDAY_FROM);
  });

  it.each(birthdayTexts.map((t) => [t.id, t.description]))('%s: names only birthdays the register may give out', (_id, description) => {
    const ages = [...description.matchAll(/\b(\d{2,3})\.?(?=[ ,)]|$)/g)].map((m) => Number(m[1]));
    for (const age of ages) expect(bmgAllowsBirthday(age), `${age} in „${description}“`).toBe(true);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proposeFacts } from '../../../../electron/core/library/extract';

/**
 * Guards the issue 13 §5 refactor of the extractor (bounded windows instead of whole prefixes):
 * on the seed documents it must propose exactly what it proposed before. The expected candidates
 * in tests/fixtures/imports/seed-candidates-before.json were written once by running the old
 * `proposeFacts` (commit 1889db2) over seeds/documents/; they record behaviour, not truth, so if
 * the extractor is deliberately improved later, regenerate the file and say so in the commit.
 */
const documents = new URL('../../../../seeds/documents/', import.meta.url);
const before = JSON.parse(readFileSync(new URL('../../../../tests/fixtures/imports/seed-candidates-before.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('proposeFacts on the seed documents, before and after the linear rewrite', () => {
  const names = readdirSync(documents).sort();
  it('covers every seed document', () => {
    expect(names).toEqual(Object.keys(before).sort());
  });
  for (const name of names) {
    it(`proposes the same candidates for ${name}`, () => {
      expect(proposeFacts(readFileSync(new URL(name, documents), 'utf8'))).toEqual(before[name]);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, libraryFileSchema } from '../../../../electron/core/store/library-file';
import { migrate, migrations, MigrationError } from '../../../../electron/core/store/migrations';
import { versionOneDocument, versionThreeDocument, versionTwoDocument } from '../../../fixtures/store-versions';

describe('migrations', () => {
  it('form an unbroken chain up to the current version', () => {
    const froms = migrations.map((migration) => migration.from);
    expect(froms).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, index) => index + 1));
  });

  it('1 → 2 adds empty reports and charts and keeps sources and facts', () => {
    const next = migrations[0]!.up(versionOneDocument());
    expect(next.schemaVersion).toBe(2);
    expect(next.reports).toEqual([]);
    expect(next.charts).toEqual([]);
    expect(next.facts).toEqual(versionOneDocument().facts);
    expect(next.sources).toEqual(versionOneDocument().sources);
  });

  it('2 → 3 adds indicators, trash and the new fact fields without overwriting existing ones', () => {
    const input = versionTwoDocument();
    const next = migrations[1]!.up(input);
    expect(next.schemaVersion).toBe(3);
    expect(next.indicators).toEqual([]);
    expect(next.trash).toEqual([]);
    const facts = next.facts as Record<string, unknown>[];
    expect(facts[0]).toMatchObject({ supersededBy: null, note: '', value: 409 });
  });

  it('3 → 4 gives each fact the qualifier its quote puts before the value, and keeps one already set', () => {
    const next = migrations[2]!.up(versionThreeDocument());
    expect(next.schemaVersion).toBe(4);
    const facts = next.facts as Record<string, unknown>[];
    // "…409 people have been killed…": no qualifier; "more than 13,4%": "more than".
    expect(facts.map((fact) => [fact.id, fact.qualifier])).toEqual([
      ['fact-old', null],
      ['fact-share', 'more than'],
    ]);
    const chosen = versionThreeDocument();
    (chosen.facts as Record<string, unknown>[])[1]!.qualifier = 'about';
    expect((migrations[2]!.up(chosen).facts as Record<string, unknown>[])[1]!.qualifier).toBe('about');
  });

  it.each([
    ['version 1', versionOneDocument, 1],
    ['version 2', versionTwoDocument, 1],
    ['version 3', versionThreeDocument, 2],
  ])('a %s document migrates to a valid current document', (_, make, count) => {
    const parsed = libraryFileSchema.safeParse(migrate(make(), CURRENT_SCHEMA_VERSION));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.facts).toHaveLength(count);
  });

  it('refuses a document without a schema version', () => {
    expect(() => migrate({ facts: [] }, CURRENT_SCHEMA_VERSION)).toThrow(MigrationError);
  });
});

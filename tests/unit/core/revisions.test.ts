import { describe, expect, it } from 'vitest';
import { nextRevision } from '../../../electron/core/revisions';
import { reportSchema } from '../../../electron/shared/entities';
import { makeReport } from '../../helpers/entities';

describe('revisions (issue 13 §2)', () => {
  it('load as 1 for items stored before revisions existed, so existing v4 libraries open without a migration', () => {
    const { revision: _revision, ...stored } = makeReport();
    expect(reportSchema.parse(stored).revision).toBe(1);
  });

  it('move on by one from the revision the sender saw, and refuse a stale one or a deleted item', () => {
    expect(nextRevision('report', { revision: 3 }, 3)).toBe(4);
    expect(() => nextRevision('report', { revision: 4 }, 3)).toThrow(/report was changed in another window since you opened it/);
    expect(() => nextRevision('fact', undefined, 3)).toThrow(/fact was deleted/);
  });
});

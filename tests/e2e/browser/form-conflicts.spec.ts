import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type DossierServer } from '../fixtures';
import { LibraryPage } from '../pages/library-page';

/**
 * Issue 13 §2: a fact saved elsewhere while its form is open is refused with a conflict, and the
 * form offers both ways out: reload the saved version, or keep the user's version as a copy.
 */
interface StoredFact {
  id: string;
  statement: string;
  note: string;
  revision: number;
  value: number | null;
}
const storedFacts = (dossier: DossierServer): StoredFact[] => (JSON.parse(readFileSync(join(dossier.dataDir, 'dossier.json'), 'utf8')) as { facts: StoredFact[] }).facts;

/** Another window's edit: the same API call the UI makes, with this browser's session. */
const editElsewhere = async (page: Page, fact: StoredFact, note: string) =>
  page.evaluate(
    async ({ id, revision, note }) => {
      const response = await fetch('./api/facts%3Aupdate', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ input: { id, revision, changes: { note } } }),
      });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
    },
    { id: fact.id, revision: fact.revision, note },
  );

test('a fact changed elsewhere is not overwritten; the user keeps theirs as a new fact', async ({ page, dossier }) => {
  const library = new LibraryPage(page);
  await library.goto(dossier.url);
  await library.search.fill('killed injured mines');
  await library.open(/^388/);
  const before = storedFacts(dossier);
  const original = before.find((fact) => fact.value === 388)!;

  await library.detail.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit fact' });
  await expect(edit).toBeVisible();
  await editElsewhere(page, original, 'Checked against the ANAMA bulletin.');

  const mine = 'Mines have killed or injured 388 people since November 2020 (my wording).';
  await edit.getByLabel('Statement').fill(mine);
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByRole('alert')).toContainText(/changed|since you opened/i);
  // Refused, not applied: the other window's note is on disk, this form's statement is not.
  expect(storedFacts(dossier).find((fact) => fact.id === original.id)?.statement).toBe(original.statement);
  await expect(edit.getByRole('button', { name: 'Reload the saved version' })).toBeVisible();

  await edit.getByRole('button', { name: 'Keep mine as a new fact' }).click();
  await expect(edit).toBeHidden();
  const after = storedFacts(dossier);
  expect(after).toHaveLength(before.length + 1);
  const kept = after.find((fact) => fact.statement === mine);
  expect(kept?.value).toBe(388);
  expect(kept?.id).not.toBe(original.id);
  const theirs = after.find((fact) => fact.id === original.id)!;
  expect(theirs.note).toBe('Checked against the ANAMA bulletin.');
  expect(theirs.statement).toBe(original.statement);
});

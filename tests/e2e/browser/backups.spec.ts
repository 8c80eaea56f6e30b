import { loadSeedLibrary } from '../../../electron/adapters/store/seed-files';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/app-frame';

const backup = () => {
  const document = loadSeedLibrary('tests/fixtures/seeds', new Date('2026-03-01T10:00:00Z'));
  document.facts[0]!.statement = 'Statement only the backup has';
  return JSON.stringify(document);
};

test.describe('a corrupt store with a backup', () => {
  test.use({ initialStoreText: '{ torn', initialBackups: { 'dossier-2026-03-01T10-00-00-000Z.json': backup() } });

  test('offers the newest good backup and restores it after confirmation', async ({ page, dossier }) => {
    await page.goto(dossier.url);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Your library file could not be read' })).toBeVisible();
    await alert.getByRole('button', { name: 'Restore the newest backup…' }).click();
    await expect(alert.getByText(/Restore it\?/)).toBeVisible();
    await alert.getByRole('button', { name: 'Restore this backup' }).click();
    const frame = new AppFrame(page);
    await expect(frame.count('sources')).toHaveText('1');
    await page.getByRole('searchbox').fill('backup has');
    await expect(page.getByText('Statement only the backup has').first()).toBeVisible();
  });
});

test.describe('a library with a backup', () => {
  // A library fresh from the seeds takes no backup of its own (it could only push real ones out).
  test.use({ initialBackups: { 'dossier-2026-03-01T10-00-00-000Z.json': backup() } });

test('the Backups dialog lists backups and asks before restoring', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  await new AppFrame(page).navigation.getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Restore…' }).click();
  await expect(dialog.getByRole('alertdialog')).toContainText('Replace the current library');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('alertdialog')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
});

import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { AppFrame } from '../pages/app-frame';

test('the app frame shows the seeded library and moves between Library and Reports', async ({ page, dossier }) => {
  await page.goto(dossier.url);
  const frame = new AppFrame(page);
  await expect(frame.place('Library')).toHaveAttribute('aria-current', 'page');
  await expect(frame.count('sources')).toHaveText('5');
  await expect(frame.count('facts')).not.toHaveText('0');
  await expect(page.getByText(dossier.dataDir)).toBeVisible();

  await frame.place('Reports').click();
  await expect(frame.place('Reports')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Control+1');
  await expect(frame.place('Library')).toHaveAttribute('aria-current', 'page');
});

test.describe('a store that cannot be opened', () => {
  test.use({ initialStoreText: '{"schemaVersion": 3, "facts": [' });

  test('shows a full-page explanation with the paths, and can start a new library', async ({ page, dossier }) => {
    await page.goto(dossier.url);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Your library file could not be read' })).toBeVisible();
    await expect(alert.getByText(join(dossier.dataDir, 'dossier.json'), { exact: true })).toBeVisible();
    await expect(alert.getByText(/dossier\.corrupt-.*\.json$/)).toBeVisible();
    await alert.getByRole('button', { name: 'Start a new library' }).click();
    await expect(new AppFrame(page).count('sources')).toHaveText('5');
  });
});

test.describe('a store from a newer Dossier', () => {
  test.use({ initialStoreText: '{"schemaVersion": 99}' });

  test('is refused with a clear message', async ({ page, dossier }) => {
    await page.goto(dossier.url);
    await expect(page.getByRole('heading', { name: 'This library was saved by a newer version of Dossier' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('schema 99');
  });
});

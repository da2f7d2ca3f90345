import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens a contact ("Erika Zweifenster") in the Kontakte tab by searching its name; returns its form. */
export async function openContact(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Kontakte' }).click();
  await page.getByRole('searchbox', { name: 'Kontakte durchsuchen' }).fill(name);
  const row = page.getByRole('row').filter({ hasText: name });
  await expect.poll(() => row.count()).toBe(1);
  await row.click();
  const form = page.getByRole('form', { name: 'Kontakt bearbeiten' });
  await expect.poll(() => form.getByLabel('Nachname').inputValue()).toBe(name.split(' ')[1]);
  return form;
}

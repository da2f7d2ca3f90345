import type { Page } from 'playwright-core';

/** Drags a post of the online plan from its top edge to `time` ("14:00") on `date` in the week view, as a mouse user does. */
export async function dragPost(page: Page, id: number, date: string, time: string): Promise<void> {
  const from = (await page.locator(`.fc-event[data-post-id="${id}"]`).boundingBox())!;
  const column = (await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox())!;
  const slot = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 4);
  await page.mouse.down();
  await page.mouse.move(column.x + column.width / 2, slot.y + 4, { steps: 12 });
  await page.mouse.up();
}

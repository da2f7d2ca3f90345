import type { Page } from 'playwright-core';
import type { Input, MethodName, Output } from '../../core/api';

/** A call to the running server's API with the page's token, as the app makes it (to check what was saved). */
export async function pageApi<N extends MethodName>(page: Page, method: N, input: Input<N>): Promise<Output<N>> {
  const response = (await page.evaluate(
    `fetch('/api/${method}', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-rathaus-token': sessionStorage.getItem('rathaus-token') ?? '' },
      body: ${JSON.stringify(JSON.stringify(input))},
    }).then((response) => response.json())`,
  )) as { data: Output<N> };
  return response.data;
}

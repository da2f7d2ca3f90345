import type { Locator } from 'playwright-core';

/**
 * Drives a flow as a person would and counts what they do: every click, every field filled (typed
 * as a whole) and every option chosen is one action. `log` lists them, for a failure message.
 */
export function userActions() {
  const log: string[] = [];
  const act = async (what: string, target: Locator, step: () => Promise<unknown>) => {
    log.push(`${log.length + 1}. ${what} ${target.toString()}`);
    await step();
  };
  return {
    log,
    get count() {
      return log.length;
    },
    click: (target: Locator) => act('click', target, () => target.click()),
    check: (target: Locator) => act('check', target, () => target.check()),
    fill: (target: Locator, text: string) => act(`fill „${text}“`, target, () => target.fill(text)),
    /** Typed key by key, e.g. to search a combobox's options. */
    type: (target: Locator, text: string) => act(`type „${text}“`, target, () => target.pressSequentially(text)),
    select: (target: Locator, label: string) => act(`select „${label}“`, target, () => target.selectOption({ label })),
  };
}

import { contract, type Handlers, type Input, type MethodName, type Output } from '../../api/contract';

/**
 * What the demo loaders write with: a service method called as the dispatcher calls it (the
 * input checked against the contract, its defaults filled in), synchronously, so that it runs
 * inside the demo's one transaction.
 */
export type DemoSave = <N extends MethodName>(name: N, input: Input<N>) => Output<N>;

export function demoSave(handlers: () => Handlers): DemoSave {
  return (name, input) => {
    const handler = handlers()[name] as (input: unknown) => unknown;
    const result = handler(contract[name].input.parse(input));
    if (result instanceof Promise) throw new Error(`Beispieldaten: „${name}“ antwortet nicht sofort und kann nicht in der Transaktion der Beispieldaten laufen.`);
    return result as Output<typeof name>;
  };
}

/** The demo's people and places by name, and the day the demo is loaded on. */
export interface DemoContext {
  save: DemoSave;
  /** The id of a demo contact (refs of demo-contacts.ts). */
  contact(ref: string): number;
  /** Today in Duisburg (ISO date); the registers' dates lie around it. */
  today: string;
}

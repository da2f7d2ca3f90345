import { contract, type Handlers, type Input, type MethodName, type Output } from '../../api/contract';

/**
 * What the demo loaders write with: a service method called as the dispatcher calls it (the
 * input checked against the contract, its defaults filled in), awaited inside the demo's one
 * transaction (the service's own transaction becomes a savepoint of it).
 */
export type DemoSave = <N extends MethodName>(name: N, input: Input<N>) => Promise<Output<N>>;

export function demoSave(handlers: () => Handlers): DemoSave {
  return async (name, input) => {
    const handler = handlers()[name] as (input: unknown) => unknown;
    return (await handler(contract[name].input.parse(input))) as Output<typeof name>;
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

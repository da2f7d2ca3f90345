import type { SeatView, SeatingTableView } from '../../../../core/api';

/** The plan staff are arranging: the tables, and who has no seat yet. */
export interface WorkingPlan {
  tables: SeatingTableView[];
  unseated: SeatView[];
}

/** A place in the plan: a seat of a table, or an entry of the list of people without a seat. */
export type PlaceRef = { kind: 'seat'; table: number; seat: number } | { kind: 'unseated'; index: number };

export const EMPTY_SEAT: SeatView = { contactId: null, label: '', roleLabel: '', side: null, honour: false };

export const samePlace = (a: PlaceRef | null, b: PlaceRef | null): boolean =>
  a !== null && b !== null && (a.kind === 'seat' && b.kind === 'seat' ? a.table === b.table && a.seat === b.seat : a.kind === 'unseated' && b.kind === 'unseated' && a.index === b.index);

export function placeAt(plan: WorkingPlan, ref: PlaceRef): SeatView | undefined {
  return ref.kind === 'seat' ? plan.tables[ref.table]?.seats[ref.seat] : plan.unseated[ref.index];
}

/** A seat is empty when nobody sits there and it has no label. */
export const isEmpty = (seat: SeatView | undefined): boolean => !seat || (seat.contactId === null && !seat.label);

/**
 * Two places change their people. A person without a seat taking an empty seat leaves the list;
 * a seated person changing with someone without a seat goes onto the list in their place.
 */
export function swapPlaces(plan: WorkingPlan, a: PlaceRef, b: PlaceRef): WorkingPlan {
  if (samePlace(a, b) || (a.kind === 'unseated' && b.kind === 'unseated')) return plan;
  const first = placeAt(plan, a) ?? EMPTY_SEAT;
  const second = placeAt(plan, b) ?? EMPTY_SEAT;
  const tables = plan.tables.map((t) => ({ ...t, seats: [...t.seats] }));
  let unseated = [...plan.unseated];
  const put = (ref: PlaceRef, seat: SeatView) => {
    if (ref.kind === 'seat') tables[ref.table]!.seats[ref.seat] = seat;
    else unseated[ref.index] = seat;
  };
  put(a, second);
  put(b, first);
  unseated = unseated.filter((s) => !isEmpty(s));
  return { tables, unseated };
}

/** Describes a place for screen readers and the status line: „Ehrentafel, Platz 3 (Helen Pendleton)“. */
export function describePlace(plan: WorkingPlan, ref: PlaceRef): string {
  const seat = placeAt(plan, ref);
  const who = isEmpty(seat) ? 'frei' : seat!.label;
  return ref.kind === 'seat' ? `${plan.tables[ref.table]?.name ?? 'Tisch'}, Platz ${ref.seat} (${who})` : `ohne Platz: ${who}`;
}

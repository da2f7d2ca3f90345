import { z } from 'zod';
import { isoDate, multiLine, recordId, requireRevisionWithId, revisionSchema, singleLine } from './common';

/**
 * Visits and delegations (incoming and outgoing), the Golden Book, the seating order of an
 * official meal, and the gifts (Gastgeschenke): stock, given, received.
 */

const text = (max: number) => multiLine(max).default('');
const line = (max: number) => singleLine(max).default('');
const positiveId = recordId;

// ---------------------------------------------------------------------------------------------
// Visits

export const visitDirectionSchema = z.enum(['eingehend', 'ausgehend']);
export type VisitDirection = z.infer<typeof visitDirectionSchema>;
export const VISIT_DIRECTION_LABELS: Record<VisitDirection, string> = {
  eingehend: 'Besuch in Duisburg',
  ausgehend: 'Reise der Stadt',
};

export const visitPersonRoleSchema = z.enum(['gast', 'gastgeber']);
export type VisitPersonRole = z.infer<typeof visitPersonRoleSchema>;
export const VISIT_PERSON_ROLE_LABELS: Record<VisitPersonRole, string> = { gast: 'Gast', gastgeber: 'Gastgeber/in' };

export const visitPersonInputSchema = z.strictObject({
  contactId: positiveId,
  role: visitPersonRoleSchema,
  /** The guest of honour: sits to the host's right. */
  honour: z.boolean().default(false),
});

export const visitInputSchema = z.strictObject({
  id: positiveId.optional(),
  /** With `id`: the revision the visit was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  direction: visitDirectionSchema,
  title: singleLine(300).min(1, 'Bitte den Titel des Besuchs angeben.'),
  partnershipId: positiveId.nullable().default(null),
  from: isoDate,
  to: isoDate,
  interpreter: text(500),
  press: text(5000),
  notes: text(10000),
  /** Guests (the delegation) and hosts; the whole list (replaces the stored one). */
  people: z.array(visitPersonInputSchema).max(300).default([]),
  /** The programme: appointments of the calendar (the whole list). */
  appointmentIds: z.array(positiveId).max(200).default([]),
}).superRefine(requireRevisionWithId);
export type VisitInput = z.input<typeof visitInputSchema>;

export const visitPersonSchema = z.object({
  contactId: z.number().int(),
  role: visitPersonRoleSchema,
  honour: z.boolean(),
  /** „Helen Pendleton“. */
  name: z.string(),
  /** The office as in lists: „Lord Mayor of Portsmouth“ ('' when none). */
  roleLabel: z.string(),
  /** How to greet her or him: „Lord Mayor“, „Frau Bürgermeisterin“. */
  oralSalutation: z.string(),
  /** The catalogue's precedence (null: no role). */
  precedence: z.number().int().nullable(),
  partnerId: z.number().int().nullable(),
});
export type VisitPerson = z.infer<typeof visitPersonSchema>;

export const visitAppointmentSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  allDay: z.boolean(),
  place: z.string(),
  status: z.string(),
});
export type VisitAppointment = z.infer<typeof visitAppointmentSchema>;

export const visitSummarySchema = z.object({
  id: z.number().int(),
  direction: visitDirectionSchema,
  title: z.string(),
  partnershipId: z.number().int().nullable(),
  /** „Portsmouth“ (null: none). */
  partnership: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  guests: z.number().int(),
  hosts: z.number().int(),
  /** The guest of honour's name (or the first guest's). */
  leadGuest: z.string().nullable(),
  /** Appointments of the programme. */
  appointmentCount: z.number().int(),
  hasSeating: z.boolean(),
  updatedAt: z.string(),
  revision: revisionSchema,
});
export type VisitSummary = z.infer<typeof visitSummarySchema>;

export const visitSchema = visitSummarySchema.extend({
  interpreter: z.string(),
  press: z.string(),
  notes: z.string(),
  /** Hosts first, then guests; each side by protocol precedence. */
  people: z.array(visitPersonSchema),
  /** The programme, in time order. */
  appointments: z.array(visitAppointmentSchema),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

export const visitListInputSchema = z.strictObject({
  direction: visitDirectionSchema.optional(),
  /** Visits touching this year. */
  year: z.number().int().min(1900).max(2200).optional(),
});

// ---------------------------------------------------------------------------------------------
// Golden Book

export const goldenBookInputSchema = z.strictObject({
  id: positiveId.optional(),
  visitId: positiveId.nullable().default(null),
  date: isoDate,
  /** Who signed; taken from the contact when one is given and this is empty. */
  person: line(300),
  contactId: positiveId.nullable().default(null),
  occasion: line(500),
  text: text(10000),
});
export type GoldenBookInput = z.input<typeof goldenBookInputSchema>;

export const goldenBookEntrySchema = z.object({
  id: z.number().int(),
  visitId: z.number().int().nullable(),
  /** The visit's title (null: not linked). */
  visit: z.string().nullable(),
  date: z.string(),
  person: z.string(),
  contactId: z.number().int().nullable(),
  occasion: z.string(),
  text: z.string(),
});
export type GoldenBookEntry = z.infer<typeof goldenBookEntrySchema>;

// ---------------------------------------------------------------------------------------------
// Seating order (Tischordnung)

/** One seat as stored: who sits there (a contact, or a free label such as „Dolmetscherin“), or nobody. */
export const seatSchema = z.strictObject({
  contactId: positiveId.nullable().default(null),
  label: line(300),
});
export type Seat = z.output<typeof seatSchema>;

/** A table: seat 0 is the head (the host's seat), then around the table to the host's right. */
export const seatingTableSchema = z.strictObject({
  name: singleLine(100).min(1, 'Bitte den Tisch benennen.'),
  seats: z.array(seatSchema).min(1, 'Ein Tisch braucht mindestens einen Platz.').max(60),
});
export type SeatingTable = z.output<typeof seatingTableSchema>;

export const tableSpecSchema = z.strictObject({
  name: singleLine(100).min(1, 'Bitte den Tisch benennen.'),
  seats: z.number().int().min(1, 'Ein Tisch braucht mindestens einen Platz.').max(60, 'Höchstens 60 Plätze je Tisch.'),
});
export type TableSpec = z.infer<typeof tableSpecSchema>;

export const seatingProposeInputSchema = z.strictObject({
  visitId: positiveId,
  tables: z.array(tableSpecSchema).min(1, 'Bitte mindestens einen Tisch angeben.').max(30),
  /** Couples (partners in the contacts) not side by side; default on. */
  separateCouples: z.boolean().default(true),
});

/** A seat as shown: the stored seat plus who that is. */
export const seatViewSchema = z.object({
  contactId: z.number().int().nullable(),
  label: z.string(),
  /** The office („Lord Mayor of Portsmouth“), '' when none or a free label. */
  roleLabel: z.string(),
  /** Guest or host of the visit (null: not on the visit's list, or an empty seat). */
  side: visitPersonRoleSchema.nullable(),
  honour: z.boolean(),
});
export type SeatView = z.infer<typeof seatViewSchema>;

export const seatingTableViewSchema = z.object({ name: z.string(), seats: z.array(seatViewSchema) });
export type SeatingTableView = z.infer<typeof seatingTableViewSchema>;

export const seatingProposalSchema = z.object({
  visitId: z.number().int(),
  tables: z.array(seatingTableViewSchema),
  /** People without a seat (too few seats). */
  unseated: z.array(seatViewSchema),
  /** What staff should know (German): too few seats, a couple that could not be separated. */
  notes: z.array(z.string()),
});
export type SeatingProposal = z.infer<typeof seatingProposalSchema>;

export const seatingSaveInputSchema = z.strictObject({
  visitId: positiveId,
  /** Default: „Sitzordnung – <visit title>“. */
  title: singleLine(300).optional(),
  /** The day of the meal; default: the visit's first day. */
  date: isoDate.optional(),
  tables: z.array(seatingTableSchema).min(1, 'Bitte mindestens einen Tisch angeben.').max(30),
});
export type SeatingSaveInput = z.input<typeof seatingSaveInputSchema>;

export const seatingPlanSchema = z.object({
  id: z.number().int(),
  visitId: z.number().int(),
  title: z.string(),
  date: z.string(),
  tables: z.array(seatingTableViewSchema),
  /** People of the visit not seated in the saved plan. */
  unseated: z.array(seatViewSchema),
  updatedAt: z.string(),
});
export type SeatingPlan = z.infer<typeof seatingPlanSchema>;

export const seatingDocumentInputSchema = z.strictObject({
  visitId: positiveId,
  /** Add a page of place cards (Tischkarten), one per person seated. */
  placeCards: z.boolean().default(false),
});

/**
 * Where the seats of a table are, for drawing it (and for the protocol rule): seat 0 at the head;
 * from four seats on, seat ⌊n/2⌋ at the foot (opposite the host, the co-host's place); the seats
 * to the host's right down one side (nearest first), those to the host's left down the other.
 * Everyone faces the table, so seat k+1 is to the right of seat k.
 */
export function seatLayout(seatCount: number): { head: number; foot: number | null; hostRight: number[]; hostLeft: number[] } {
  const n = Math.max(1, Math.floor(seatCount));
  const foot = n >= 4 ? Math.floor(n / 2) : null;
  // Without a foot seat, the right side takes the odd one out.
  const lastRight = foot !== null ? foot - 1 : Math.ceil((n - 1) / 2);
  const firstLeft = foot !== null ? foot + 1 : lastRight + 1;
  const hostRight: number[] = [];
  const hostLeft: number[] = [];
  for (let s = 1; s <= lastRight; s++) hostRight.push(s);
  for (let s = n - 1; s >= firstLeft; s--) hostLeft.push(s);
  return { head: 0, foot, hostRight, hostLeft };
}

/** „Kopf (Gastgeber)“, „rechts vom Gastgeber“, „3. Platz links vom Gastgeber“, „gegenüber (Fußende)“. */
export function seatPositionLabel(seat: number, seatCount: number): string {
  const { foot, hostRight, hostLeft } = seatLayout(seatCount);
  if (seat === 0) return 'Kopf (Gastgeber)';
  if (seat === foot) return 'gegenüber (Fußende)';
  const right = hostRight.indexOf(seat);
  if (right >= 0) return right === 0 ? 'rechts vom Gastgeber' : `${right + 1}. Platz rechts vom Gastgeber`;
  const left = hostLeft.indexOf(seat);
  if (left >= 0) return left === 0 ? 'links vom Gastgeber' : `${left + 1}. Platz links vom Gastgeber`;
  return `Platz ${seat}`;
}

// ---------------------------------------------------------------------------------------------
// Gifts

/** Money in cents, shown as „35,00 €“. */
const cents = z.number().int().min(0).max(100_000_000);

export const giftItemInputSchema = z.strictObject({
  id: positiveId.optional(),
  /** With `id`: the revision the item was loaded at (required; STALE when it moved on, a gift taken from the stock too). */
  revision: revisionSchema.optional(),
  name: singleLine(200).min(1, 'Bitte das Geschenk benennen.'),
  description: text(2000),
  quantity: z.number().int().min(0, 'Der Bestand kann nicht negativ sein.').max(1_000_000),
  unitValueCents: cents.default(0),
  active: z.boolean().default(true),
}).superRefine(requireRevisionWithId);
export type GiftItemInput = z.input<typeof giftItemInputSchema>;

export const giftItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  quantity: z.number().int(),
  unitValueCents: z.number().int(),
  active: z.boolean(),
  /** How many were given so far. */
  given: z.number().int(),
  revision: revisionSchema,
});
export type GiftItem = z.infer<typeof giftItemSchema>;

export const giftGivenSchema = z.object({
  id: z.number().int(),
  itemId: z.number().int().nullable(),
  /** The stock item's name, or what was written. */
  gift: z.string(),
  description: z.string(),
  quantity: z.number().int(),
  /** Value of what was given (stock value × quantity; 0 when unknown). */
  valueCents: z.number().int(),
  contactId: z.number().int().nullable(),
  recipientName: z.string(),
  givenOn: z.string(),
  occasion: z.string(),
  visitId: z.number().int().nullable(),
  visit: z.string().nullable(),
  createdAt: z.string(),
});
export type GiftGiven = z.infer<typeof giftGivenSchema>;

export const giftGivenListInputSchema = z.strictObject({
  contactId: positiveId.optional(),
  visitId: positiveId.optional(),
  itemId: positiveId.optional(),
});

export const giftCheckInputSchema = z
  .strictObject({
    itemId: positiveId,
    contactId: positiveId.nullable().optional(),
    /** Without a contact: the recipient's name as written (compared ignoring case and spaces). */
    recipientName: singleLine(300).optional(),
  })
  .refine((v) => v.contactId != null || Boolean(v.recipientName), { message: 'Bitte die beschenkte Person angeben.', path: ['contactId'] });

export const giftGiveInputSchema = z.strictObject({
  /** From the stock; null: something else (then `description` says what). */
  itemId: positiveId.nullable().default(null),
  description: text(1000),
  quantity: z.number().int().min(1, 'Mindestens ein Stück.').max(1000).default(1),
  contactId: positiveId.nullable().default(null),
  /** Taken from the contact when empty. */
  recipientName: line(300),
  givenOn: isoDate,
  occasion: line(500),
  visitId: positiveId.nullable().default(null),
  /** The same person already received the same gift: give it again anyway. */
  confirmRepeat: z.boolean().default(false),
});
export type GiftGiveInput = z.input<typeof giftGiveInputSchema>;

export const giftReceivedInputSchema = z.strictObject({
  id: positiveId.optional(),
  /** With `id`: the revision the record was loaded at (required; STALE when it moved on). */
  revision: revisionSchema.optional(),
  fromContactId: positiveId.nullable().default(null),
  /** Taken from the contact when empty. */
  fromName: line(300),
  receivedOn: isoDate,
  receivedBy: line(300),
  description: multiLine(2000).min(1, 'Bitte das Geschenk beschreiben.'),
  valueCents: cents.default(0),
  /** What happened to it: kept by the office, handed on, returned, donated … */
  disposition: text(1000),
  reportedOn: isoDate.nullable().default(null),
  visitId: positiveId.nullable().default(null),
  notes: text(5000),
}).superRefine(requireRevisionWithId);
export type GiftReceivedInput = z.input<typeof giftReceivedInputSchema>;

export const giftReceivedSchema = z.object({
  id: z.number().int(),
  fromContactId: z.number().int().nullable(),
  fromName: z.string(),
  receivedOn: z.string(),
  receivedBy: z.string(),
  description: z.string(),
  valueCents: z.number().int(),
  disposition: z.string(),
  reportedOn: z.string().nullable(),
  visitId: z.number().int().nullable(),
  visit: z.string().nullable(),
  notes: z.string(),
  /** The value is above the reporting limit (gifts.settings): it must be reported. */
  reportRequired: z.boolean(),
  /** Must be reported and is not yet. */
  reportMissing: z.boolean(),
  createdAt: z.string(),
  revision: revisionSchema,
});
export type GiftReceived = z.infer<typeof giftReceivedSchema>;

export const giftReceivedListInputSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200).optional(),
  visitId: positiveId.optional(),
});

/**
 * The reporting limit for gifts received: a gift worth more must be reported. The limit is set
 * by the city's compliance rules (Antikorruptionsrichtlinie); 35 € is a common example and the
 * default here.
 */
export const DEFAULT_GIFT_REPORT_LIMIT_CENTS = 3500;
export const giftSettingsSchema = z.strictObject({
  reportLimitCents: cents.default(DEFAULT_GIFT_REPORT_LIMIT_CENTS),
});
export type GiftSettings = z.infer<typeof giftSettingsSchema>;

/** „35,00 €“. */
export function formatEuro(cents: number): string {
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

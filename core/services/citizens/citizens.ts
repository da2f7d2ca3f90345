import type { z } from 'zod';
import { AppError } from '../../api/errors';
import type { Citizen, citizenInputSchema } from '../../api/schemas/citizen-requests';
import { foldGerman } from '../../domain/text/fold';
import { audit } from '../audit';
import type { ServiceDeps } from '../deps';
import { citizenRecords, type CitizenRow } from './repository';

export type CitizenData = z.output<typeof citizenInputSchema>;

/** "Dr. Ayşe Kaya". */
export function citizenName(row: Pick<CitizenRow, 'degrees' | 'givenName' | 'surname'>): string {
  return [row.degrees, row.givenName, row.surname].filter(Boolean).join(' ');
}

/** Folded "surname given name", for finding the same person again. */
export function searchNameOf(person: { surname: string; givenName: string }): string {
  return foldGerman(`${person.surname} ${person.givenName}`).replace(/\s+/g, ' ').trim();
}

export function toCitizen(row: CitizenRow): Citizen {
  return {
    id: row.id,
    gender: row.gender,
    degrees: row.degrees,
    givenName: row.givenName,
    surname: row.surname,
    street: row.street,
    houseNumber: row.houseNumber,
    postcode: row.postcode,
    city: row.city,
    email: row.email,
    phone: row.phone,
    displayName: citizenName(row),
  };
}

/** The same person: same name, and the same e-mail address or street address where both have one. */
export function samePerson(a: CitizenData | CitizenRow, b: CitizenData | CitizenRow): boolean {
  if (searchNameOf(a) !== searchNameOf(b)) return false;
  const email = (c: typeof a) => c.email.trim().toLowerCase();
  const address = (c: typeof a) => foldGerman(`${c.street} ${c.houseNumber}`).replace(/\s+/g, ' ').trim();
  if (email(a) && email(b)) return email(a) === email(b);
  if (address(a) && address(b)) return address(a) === address(b);
  return true;
}

/**
 * Saves a person of the citizen dialogue (in the caller's transaction): with `id`, the known
 * person's data is updated; without, a new person is recorded.
 */
export async function storeCitizen(deps: ServiceDeps, input: CitizenData): Promise<CitizenRow> {
  const records = citizenRecords(deps.engine);
  const at = deps.now().toISOString();
  const { id, ...data } = input;
  const values = { ...data, searchName: searchNameOf(data) };
  if (id !== undefined) {
    const existing = await records.find(id);
    if (!existing) throw new AppError('NOT_FOUND', `Die Person Nr. ${id} wurde nicht gefunden.`, { id });
    // Unchanged data is not written again (and not recorded as a change).
    if ((Object.keys(values) as Array<keyof typeof values>).every((k) => existing[k] === values[k])) return existing;
    const updated = (await records.update(id, values, at))!;
    await audit(deps, { action: 'update', entity: 'citizen', entityId: id });
    return updated;
  }
  const row = await records.insert(values, at);
  await audit(deps, { action: 'create', entity: 'citizen', entityId: row.id });
  return row;
}

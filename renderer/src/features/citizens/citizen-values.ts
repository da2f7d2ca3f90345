import type { Citizen, CitizenInput } from '../../../../core/api';

/**
 * A person of the citizen dialogue as the forms hold her or him (all text): the sender of a
 * request, someone registering for a talk or walk, someone asking about volunteering. A known
 * person keeps her or his id, so the same citizen is updated rather than recorded twice.
 */
export type CitizenFormValues = Omit<Citizen, 'id' | 'displayName'> & { id: number | null };

/** The fields a form shows and a refused input may point at ("citizen.surname"). */
export type CitizenField = Exclude<keyof CitizenFormValues, 'id'>;

export const GENDER_LABELS: Record<CitizenFormValues['gender'], string> = {
  female: 'Frau',
  male: 'Herr',
  diverse: 'divers (ohne Anrede)',
  unknown: 'keine Angabe',
};

export function emptyCitizen(city = 'Duisburg'): CitizenFormValues {
  return { id: null, gender: 'unknown', degrees: '', givenName: '', surname: '', street: '', houseNumber: '', postcode: '', city, email: '', phone: '' };
}

export function citizenFormValues(citizen: Citizen | null): CitizenFormValues {
  if (!citizen) return emptyCitizen();
  return {
    id: citizen.id,
    gender: citizen.gender,
    degrees: citizen.degrees,
    givenName: citizen.givenName,
    surname: citizen.surname,
    street: citizen.street,
    houseNumber: citizen.houseNumber,
    postcode: citizen.postcode,
    city: citizen.city,
    email: citizen.email,
    phone: citizen.phone,
  };
}

/** What the services take: with `id`, the known person (whose data is updated); without, a new one. */
export function citizenInputOf({ id, ...values }: CitizenFormValues): CitizenInput {
  return id !== null ? { id, ...values } : values;
}

/** Where a refused input's path points in a form holding the person under `citizen` ("citizen.surname"). */
export function citizenFieldOf(path: string[]): `citizen.${CitizenField}` | undefined {
  const [head, sub] = path;
  return head === 'citizen' && sub && sub !== 'id' ? `citizen.${sub as CitizenField}` : undefined;
}

/** "Brückenstraße 12, 47053 Duisburg · m.q@example.org · 0203 …" */
export function citizenReach(citizen: Citizen): string {
  const address = [`${citizen.street} ${citizen.houseNumber}`.trim(), `${citizen.postcode} ${citizen.city}`.trim()].filter(Boolean).join(', ');
  return [address, citizen.email, citizen.phone].filter(Boolean).join(' · ');
}

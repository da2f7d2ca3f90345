import type { Citizen, CitizenRequest, RequestChannel, RequestInput, RequestKind } from '../../../../core/api';

/** The person as the form edits her or him (an existing citizen keeps the id). */
export interface CitizenFormValues {
  id: number | null;
  gender: Citizen['gender'];
  degrees: string;
  givenName: string;
  surname: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  email: string;
  phone: string;
}

/** A request as the form edits it (strings, as Fluent's inputs hold them). */
export interface RequestFormValues {
  kind: RequestKind;
  channel: RequestChannel;
  anonymous: boolean;
  citizen: CitizenFormValues;
  subject: string;
  text: string;
  category: string;
  district: string;
  place: string;
  receivedOn: string;
  followUpOn: string;
}

export const EMPTY_CITIZEN: CitizenFormValues = {
  id: null,
  gender: 'unknown',
  degrees: '',
  givenName: '',
  surname: '',
  street: '',
  houseNumber: '',
  postcode: '',
  city: 'Duisburg',
  email: '',
  phone: '',
};

export function citizenFormValuesOf(citizen: Citizen): CitizenFormValues {
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

export function formValuesOf(request: CitizenRequest | null, today: string): RequestFormValues {
  if (!request) {
    return {
      kind: 'anregung',
      channel: 'brief',
      anonymous: false,
      citizen: EMPTY_CITIZEN,
      subject: '',
      text: '',
      category: '',
      district: '',
      place: '',
      receivedOn: today,
      followUpOn: '',
    };
  }
  return {
    kind: request.kind,
    channel: request.channel,
    anonymous: request.citizen === null,
    citizen: request.citizen ? citizenFormValuesOf(request.citizen) : EMPTY_CITIZEN,
    subject: request.subject,
    text: request.text,
    category: request.category,
    district: request.district,
    place: request.place,
    receivedOn: request.receivedOn,
    followUpOn: request.followUpOn ?? '',
  };
}

export function inputOf(values: RequestFormValues, request: CitizenRequest | null): RequestInput {
  const { id, ...person } = values.citizen;
  return {
    id: request?.id,
    kind: values.kind,
    channel: values.channel,
    citizen: values.anonymous ? null : { ...person, id: id ?? undefined },
    subject: values.subject,
    text: values.text,
    category: values.category,
    district: values.district,
    place: values.place,
    receivedOn: values.receivedOn,
    followUpOn: values.followUpOn || null,
    eventId: request?.eventId ?? null,
  };
}

/** Where a refused input's path points in the form ("citizen.surname" → the person's surname). */
export function fieldOf(path: string[]): keyof RequestFormValues | `citizen.${Exclude<keyof CitizenFormValues, 'id'>}` | undefined {
  const [head, sub] = path;
  if (head === 'citizen' && sub && sub !== 'id') return `citizen.${sub as Exclude<keyof CitizenFormValues, 'id'>}`;
  const fields: Array<keyof RequestFormValues> = ['kind', 'channel', 'subject', 'text', 'category', 'district', 'place', 'receivedOn', 'followUpOn'];
  return fields.find((f) => f === head);
}

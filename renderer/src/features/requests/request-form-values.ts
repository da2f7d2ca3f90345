import type { CitizenRequest, RequestChannel, RequestInput, RequestKind } from '../../../../core/api';
import { citizenFieldOf, citizenFormValues, citizenInputOf, emptyCitizen, type CitizenField, type CitizenFormValues } from '../citizens/citizen-values';

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
  /** The citizens' talk or walk where the concern was raised ('' : none). */
  eventId: string;
  /** Where it was seen: the post's address (social media). */
  link: string;
}

export function formValuesOf(request: CitizenRequest | null, today: string): RequestFormValues {
  if (!request) {
    return {
      kind: 'anregung',
      channel: 'brief',
      anonymous: false,
      citizen: emptyCitizen(),
      subject: '',
      text: '',
      category: '',
      district: '',
      place: '',
      receivedOn: today,
      followUpOn: '',
      eventId: '',
      link: '',
    };
  }
  return {
    kind: request.kind,
    channel: request.channel,
    anonymous: request.citizen === null,
    citizen: citizenFormValues(request.citizen),
    subject: request.subject,
    text: request.text,
    category: request.category,
    district: request.district,
    place: request.place,
    receivedOn: request.receivedOn,
    followUpOn: request.followUpOn ?? '',
    eventId: request.eventId !== null ? String(request.eventId) : '',
    link: request.link,
  };
}

export function inputOf(values: RequestFormValues, request: CitizenRequest | null): RequestInput {
  return {
    id: request?.id,
    revision: request?.revision,
    kind: values.kind,
    channel: values.channel,
    citizen: values.anonymous ? null : citizenInputOf(values.citizen),
    subject: values.subject,
    text: values.text,
    category: values.category,
    district: values.district,
    place: values.place,
    receivedOn: values.receivedOn,
    followUpOn: values.followUpOn || null,
    eventId: values.eventId ? Number(values.eventId) : null,
    link: values.link,
  };
}

/** Where a refused input's path points in the form ("citizen.surname" → the person's surname). */
export function fieldOf(path: string[]): keyof RequestFormValues | `citizen.${CitizenField}` | undefined {
  const fields: Array<keyof RequestFormValues> = ['kind', 'channel', 'subject', 'text', 'category', 'district', 'place', 'receivedOn', 'followUpOn', 'eventId', 'link'];
  return citizenFieldOf(path) ?? fields.find((f) => f === path[0]);
}

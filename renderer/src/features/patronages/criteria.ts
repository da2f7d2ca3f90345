import { PATRONAGE_CRITERIA_LABELS, type Patronage, type PatronageCriteria } from '../../../../core/api';
import { germanDate } from '../../components/format';

export type CriterionKey = keyof PatronageCriteria;
export const CRITERION_KEYS = Object.keys(PATRONAGE_CRITERIA_LABELS) as CriterionKey[];

/** A criterion in the form: met, not met, or not yet checked (true / false / null in the API). */
export type CriterionAnswer = 'erfuellt' | 'nicht_erfuellt' | 'offen';
export const CRITERION_ANSWERS: ReadonlyArray<readonly [CriterionAnswer, string]> = [
  ['erfuellt', 'erfüllt'],
  ['nicht_erfuellt', 'nicht erfüllt'],
  ['offen', 'nicht geprüft'],
];

export const answerOf = (value: boolean | null): CriterionAnswer => (value === true ? 'erfuellt' : value === false ? 'nicht_erfuellt' : 'offen');
export const valueOf = (answer: CriterionAnswer): boolean | null => (answer === 'erfuellt' ? true : answer === 'nicht_erfuellt' ? false : null);

/** "Bedeutung für Duisburg" as a heading: first letter upper case ("Kein kommerzieller Zweck"). */
export const criterionTitle = (key: CriterionKey) => {
  const label = PATRONAGE_CRITERIA_LABELS[key];
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** The labels of the criteria not met and of those not yet checked. */
export function criteriaSummary(criteria: PatronageCriteria): { notMet: string[]; unchecked: string[] } {
  return {
    notMet: CRITERION_KEYS.filter((k) => criteria[k] === false).map((k) => PATRONAGE_CRITERIA_LABELS[k]),
    unchecked: CRITERION_KEYS.filter((k) => criteria[k] === null).map((k) => PATRONAGE_CRITERIA_LABELS[k]),
  };
}

/** "12.06.2027" or "30.06.2027 – 02.07.2027". */
export function eventDates(p: Pick<Patronage, 'eventFrom' | 'eventTo'>): string {
  return p.eventTo ? `${germanDate(p.eventFrom)} – ${germanDate(p.eventTo)}` : germanDate(p.eventFrom);
}

import { useEffect } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { Button, makeStyles, MessageBar, MessageBarBody, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HonourRulesSettings } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RadioField, TextField } from '../../components/form-fields';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
  wide: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The settings as the form edits them: every number and list as text, the visitors as they are. */
interface HonourRulesForm {
  letterBirthdays: string;
  letterWeddings: string;
  letterEveryBirthdayFrom: string;
  visitBirthdaysFrom: string;
  visitWeddingsFrom: string;
  letterLeadDays: string;
  visitors: { birthday: string; wedding: string };
  federal: { birthdays: string; weddings: string; everyBirthdayFrom: string; notifyLatestDays: string };
  land: { certificateWeddings: string; congratulationWeddings: string; congratulationBirthdaysFrom: string; leadDays: string };
  leapDay: string;
}
type Path = FieldPath<HonourRulesForm>;

const LISTS: Partial<Record<Path, string>> = {
  letterBirthdays: 'Brief zu den Geburtstagen',
  letterWeddings: 'Brief zu den Ehejubiläen',
  'federal.birthdays': 'Meldung Bundespräsident: Geburtstage',
  'federal.weddings': 'Meldung Bundespräsident: Ehejubiläen',
  'land.certificateWeddings': 'Land NRW: Urkunde zum Ehejubiläum',
  'land.congratulationWeddings': 'Land NRW: Glückwünsche zum Ehejubiläum',
};
const NUMBERS: Partial<Record<Path, string>> = {
  letterEveryBirthdayFrom: 'Brief zu jedem Geburtstag ab',
  visitBirthdaysFrom: 'Besuch anbieten: Geburtstage ab',
  visitWeddingsFrom: 'Besuch anbieten: Ehejubiläen ab',
  letterLeadDays: 'Brief fällig (Tage vorher)',
  'federal.everyBirthdayFrom': 'Meldung Bundespräsident: jeder Geburtstag ab',
  'federal.notifyLatestDays': 'Meldung Bundespräsident spätestens (Tage vorher)',
  'land.congratulationBirthdaysFrom': 'Land NRW: Glückwünsche ab Geburtstag',
  'land.leadDays': 'Meldung Land NRW (Tage vorher)',
};
const TEXTS: Partial<Record<Path, string>> = {
  'visitors.birthday': 'Besuch zum Geburtstag durch',
  'visitors.wedding': 'Besuch zum Ehejubiläum durch',
};
const LEAP_DAY = [
  ['feb28', 'am 28. Februar'],
  ['mar1', 'am 1. März'],
] as const;

const get = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((inner, part) => (inner as Record<string, unknown>)[part], value);

function set(target: unknown, path: string, value: unknown): void {
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce<unknown>((inner, part) => (inner as Record<string, unknown>)[part], target);
  (parent as Record<string, unknown>)[parts[parts.length - 1]] = value;
}

function toForm(rules: HonourRulesSettings): HonourRulesForm {
  const form = { visitors: { ...rules.visitors }, federal: {}, land: {}, leapDay: rules.leapDay } as HonourRulesForm;
  for (const key of Object.keys(LISTS)) set(form, key, (get(rules, key) as number[]).join(', '));
  for (const key of Object.keys(NUMBERS)) set(form, key, String(get(rules, key)));
  return form;
}

/** The form onto the stored settings (what the form does not show stays as it is). */
function toRules(form: HonourRulesForm, base: HonourRulesSettings): HonourRulesSettings {
  const rules = structuredClone(base);
  for (const key of Object.keys(LISTS)) set(rules, key, (get(form, key) as string).split(/[,;\s]+/).filter(Boolean).map(Number));
  for (const key of Object.keys(NUMBERS)) set(rules, key, Number(get(form, key)));
  for (const key of Object.keys(TEXTS)) set(rules, key, get(form, key));
  rules.leapDay = form.leapDay as HonourRulesSettings['leapDay'];
  return rules;
}

/** The city's honour rules (Ehrungsordnung): who gets a letter, a visit and by whom; ages the law does not allow are refused. */
export function HonourRulesSection() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['jubilees.rules.get'], queryFn: () => api('jubilees.rules.get', {}) });
  const { control, handleSubmit, reset, formState } = useForm<HonourRulesForm>();
  useEffect(() => {
    if (rules.data && !formState.isDirty) reset(toForm(rules.data));
  }, [rules.data, formState.isDirty, reset]);
  const save = useMutation({
    mutationFn: (form: HonourRulesForm) => api('jubilees.rules.update', toRules(form, rules.data!)),
    onSuccess: async (value) => {
      reset(toForm(value));
      await queryClient.invalidateQueries({ queryKey: ['jubilees.rules.get'] });
      await queryClient.invalidateQueries({ queryKey: ['jubilees.list'] });
    },
  });
  if (!rules.data) return null;
  const fields = (labels: Partial<Record<Path, string>>, suffix = '', hint?: string) =>
    Object.entries(labels).map(([key, label]) => <TextField key={key} control={control} name={key as Path} label={`${label}${suffix}`} hint={hint} />);
  return (
    <form onSubmit={handleSubmit((form) => save.mutate(form))} style={{ display: 'contents' }}>
      <Title3 as="h2">Ehrungsordnung</Title3>
      <p style={{ margin: 0 }}>
        Aus dem Melderegister dürfen nur der 70., 75., 80., 85., 90., 95. und jeder Geburtstag ab dem 100. sowie Ehejubiläen ab dem
        50. Hochzeitstag gelistet werden (§ 50 Abs. 2 BMG); andere Angaben werden abgewiesen.
      </p>
      <div className={styles.grid}>
        {fields(LISTS, ' (durch Komma getrennt)')}
        {fields(NUMBERS)}
      </div>
      <div className={styles.wide}>{fields(TEXTS, '', 'Wird beim Planen eines Besuchs vorgeschlagen.')}</div>
      <RadioField control={control} name="leapDay" label="29. Februar in Nicht-Schaltjahren" options={LEAP_DAY} />
      {save.isSuccess && !formState.isDirty && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Ehrungsordnung gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error} title="Nicht gespeichert" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Ehrungsordnung speichern
        </Button>
      </div>
    </form>
  );
}

import { useEffect } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BMG_EVERY_BIRTHDAY_FROM, BMG_EVERY_WEDDING_FROM, honourRulesSchema, type HonourRulesSettings } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RadioField, TextField } from '../../components/form-fields';
import { issuesOf, markFields, schemaIssues } from './form-issues';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The settings as the form edits them: every number and list as text, the visitors as they are. */
interface HonourRulesForm {
  letterBirthdays: string;
  letterWeddings: string;
  letterEveryBirthdayFrom: string;
  visitBirthdays: string;
  visitBirthdaysFrom: string;
  visitWeddingsFrom: string;
  letterLeadDays: string;
  visitors: { birthday: string; wedding: string };
  federal: { birthdays: string; weddings: string; everyBirthdayFrom: string; notifyLatestDays: string };
  land: { certificateWeddings: string; congratulationWeddings: string; congratulationBirthdaysFrom: string; leadDays: string };
  leapDay: string;
}
type Path = FieldPath<HonourRulesForm>;
type Input = 'list' | 'number' | 'text';

/** Where § 50 Abs. 2 BMG draws the line, said at each field where it applies. */
const BIRTHDAYS_ALLOWED = `Erlaubt sind der 70., 75., 80., 85., 90., 95. und jeder Geburtstag ab dem ${BMG_EVERY_BIRTHDAY_FROM}. (§ 50 Abs. 2 BMG).`;
const EVERY_BIRTHDAY = `Frühestens ${BMG_EVERY_BIRTHDAY_FROM}: Jeden Geburtstag gibt das Melderegister erst ab dem ${BMG_EVERY_BIRTHDAY_FROM}. heraus (§ 50 Abs. 2 BMG); die Geburtstage davor einzeln angeben.`;
const EVERY_BIRTHDAY_LAND = `Frühestens ${BMG_EVERY_BIRTHDAY_FROM}: Jeden Geburtstag gibt das Melderegister erst ab dem ${BMG_EVERY_BIRTHDAY_FROM}. heraus (§ 50 Abs. 2 BMG).`;
const WEDDINGS_ALLOWED = `Erlaubt ab dem ${BMG_EVERY_WEDDING_FROM}. Hochzeitstag (§ 50 Abs. 2 BMG).`;

/** The form's fields in groups: what each is, how it is typed, and what the law allows there. */
const GROUPS: ReadonlyArray<{ title: string; fields: ReadonlyArray<[Path, string, Input, string?]> }> = [
  {
    title: 'Briefe',
    fields: [
      ['letterBirthdays', 'Brief zu den Geburtstagen (durch Komma getrennt)', 'list', BIRTHDAYS_ALLOWED],
      ['letterEveryBirthdayFrom', 'Brief zu jedem Geburtstag ab', 'number', EVERY_BIRTHDAY],
      ['letterWeddings', 'Brief zu den Ehejubiläen (durch Komma getrennt)', 'list', WEDDINGS_ALLOWED],
      ['letterLeadDays', 'Brief fällig (Tage vorher)', 'number'],
    ],
  },
  {
    title: 'Besuche',
    fields: [
      ['visitBirthdays', 'Besuch anbieten: zu den Geburtstagen (durch Komma getrennt)', 'list', BIRTHDAYS_ALLOWED],
      ['visitBirthdaysFrom', 'Besuch anbieten: zu jedem Geburtstag ab', 'number', EVERY_BIRTHDAY],
      ['visitWeddingsFrom', 'Besuch anbieten: Ehejubiläen ab', 'number', `Zu den Ehejubiläen mit Brief. ${WEDDINGS_ALLOWED}`],
      ['visitors.birthday', 'Besuch zum Geburtstag durch', 'text', 'Wird beim Planen eines Besuchs vorgeschlagen.'],
      ['visitors.wedding', 'Besuch zum Ehejubiläum durch', 'text', 'Wird beim Planen eines Besuchs vorgeschlagen.'],
    ],
  },
  {
    title: 'Meldungen an Bundespräsident und Land',
    fields: [
      ['federal.birthdays', 'Meldung Bundespräsident: Geburtstage (durch Komma getrennt)', 'list', BIRTHDAYS_ALLOWED],
      ['federal.everyBirthdayFrom', 'Meldung Bundespräsident: jeder Geburtstag ab', 'number', EVERY_BIRTHDAY],
      ['federal.weddings', 'Meldung Bundespräsident: Ehejubiläen', 'list', WEDDINGS_ALLOWED],
      ['federal.notifyLatestDays', 'Meldung Bundespräsident spätestens (Tage vorher)', 'number'],
      ['land.congratulationBirthdaysFrom', 'Land NRW: Glückwünsche zu jedem Geburtstag ab', 'number', EVERY_BIRTHDAY_LAND],
      ['land.certificateWeddings', 'Land NRW: Urkunde zum Ehejubiläum', 'list', WEDDINGS_ALLOWED],
      ['land.congratulationWeddings', 'Land NRW: Glückwünsche zum Ehejubiläum', 'list', WEDDINGS_ALLOWED],
      ['land.leadDays', 'Meldung Land NRW (Tage vorher)', 'number'],
    ],
  },
];
const FIELDS = GROUPS.flatMap((group) => group.fields);
const FIELD_PATHS = new Set<string>(FIELDS.map(([path]) => path));

const LEAP_DAY = [
  ['feb28', 'am 28. Februar'],
  ['mar1', 'am 1. März'],
] as const;

const get = (value: unknown, path: string): unknown => path.split('.').reduce<unknown>((inner, part) => (inner as Record<string, unknown>)[part], value);

function set(target: unknown, path: string, value: unknown): void {
  const parts = path.split('.');
  const parent = parts.slice(0, -1).reduce<unknown>((inner, part) => ((inner as Record<string, unknown>)[part] ??= {}), target);
  (parent as Record<string, unknown>)[parts[parts.length - 1]] = value;
}

function toForm(rules: HonourRulesSettings): HonourRulesForm {
  const form = { leapDay: rules.leapDay } as HonourRulesForm;
  for (const [path, , input] of FIELDS) {
    const value = get(rules, path);
    set(form, path, input === 'list' ? (value as number[]).join(', ') : String(value));
  }
  return form;
}

/** Text as a number; empty or not a number: NaN, which the schema refuses in German. */
const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** The form onto the stored settings (what the form does not show stays as it is). */
function toRules(form: HonourRulesForm, base: HonourRulesSettings): HonourRulesSettings {
  const rules = structuredClone(base);
  for (const [path, , input] of FIELDS) {
    const text = get(form, path) as string;
    set(rules, path, input === 'list' ? text.split(/[,;\s]+/).filter(Boolean).map(Number) : input === 'number' ? number(text) : text);
  }
  rules.leapDay = form.leapDay as HonourRulesSettings['leapDay'];
  return rules;
}

/** The form field an issue's path points at ("letterBirthdays", 1 → the list's field). */
function fieldOf(path: string[]): Path | undefined {
  const field = path.filter((part) => !/^\d+$/.test(part)).join('.');
  return FIELD_PATHS.has(field) ? (field as Path) : undefined;
}

/** The city's honour rules (Ehrungsordnung): who gets a letter, a visit and by whom; what the law does not allow is explained and refused at its field. */
export function HonourRulesSection() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['jubilees.rules.get'], queryFn: () => api('jubilees.rules.get', {}) });
  const { control, handleSubmit, reset, setError, clearErrors, formState } = useForm<HonourRulesForm>();
  useEffect(() => {
    if (rules.data && !formState.isDirty) reset(toForm(rules.data));
  }, [rules.data, formState.isDirty, reset]);
  const save = useMutation({
    mutationFn: async (input: HonourRulesSettings) => {
      try {
        return await api('jubilees.rules.update', input);
      } catch (error) {
        markFields(issuesOf(error), setError, fieldOf);
        throw error;
      }
    },
    onSuccess: async (value) => {
      reset(toForm(value));
      await queryClient.invalidateQueries({ queryKey: ['jubilees.rules.get'] });
      await queryClient.invalidateQueries({ queryKey: ['jubilees.list'] });
    },
  });
  if (!rules.data) return null;
  const submit = (form: HonourRulesForm) => {
    clearErrors();
    save.reset();
    const input = toRules(form, rules.data);
    // The same rules the server applies, so an age the law does not allow is marked at once.
    const issues = schemaIssues(honourRulesSchema, input);
    if (issues.length && markFields(issues, setError, fieldOf)) return;
    save.mutate(input);
  };
  const refusedAtFields = save.error && issuesOf(save.error).every((issue) => fieldOf(issue.path));
  return (
    <form onSubmit={handleSubmit(submit)} noValidate style={{ display: 'contents' }}>
      <Title3 as="h2">Ehrungsordnung</Title3>
      <Body1>
        Aus dem Melderegister dürfen nur der 70., 75., 80., 85., 90., 95. und jeder Geburtstag ab dem 100. sowie Ehejubiläen ab dem
        50. Hochzeitstag gelistet werden (§ 50 Abs. 2 BMG). Ein 96. Geburtstag ist also kein Jubiläum, das die Stadt erfährt: „jeder
        Geburtstag ab“ beginnt frühestens beim 100., die Geburtstage davor werden einzeln gewählt.
      </Body1>
      {GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title} style={{ display: 'contents' }}>
          <Subtitle2 as="h3">{group.title}</Subtitle2>
          <div className={styles.grid}>
            {group.fields.map(([path, label, input, hint]) => (
              <TextField key={path} control={control} name={path} label={label} hint={hint} type={input === 'number' ? 'number' : undefined} />
            ))}
          </div>
        </section>
      ))}
      <RadioField control={control} name="leapDay" label="29. Februar in Nicht-Schaltjahren" options={LEAP_DAY} />
      {save.isSuccess && !formState.isDirty && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Ehrungsordnung gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error && !refusedAtFields ? save.error : null} title="Nicht gespeichert" />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          Ehrungsordnung speichern
        </Button>
      </div>
    </form>
  );
}

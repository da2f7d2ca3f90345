import { useEffect, useState } from 'react';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HonourRulesSettings } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Draft = Record<string, string>;

const LISTS = {
  letterBirthdays: 'Brief zu den Geburtstagen',
  letterWeddings: 'Brief zu den Ehejubiläen',
  'federal.birthdays': 'Meldung Bundespräsident: Geburtstage',
  'federal.weddings': 'Meldung Bundespräsident: Ehejubiläen',
  'land.certificateWeddings': 'Land NRW: Urkunde zum Ehejubiläum',
  'land.congratulationWeddings': 'Land NRW: Glückwünsche zum Ehejubiläum',
} as const;
const NUMBERS = {
  letterEveryBirthdayFrom: 'Brief zu jedem Geburtstag ab',
  visitBirthdaysFrom: 'Besuch anbieten: Geburtstage ab',
  visitWeddingsFrom: 'Besuch anbieten: Ehejubiläen ab',
  letterLeadDays: 'Brief fällig (Tage vorher)',
  'federal.everyBirthdayFrom': 'Meldung Bundespräsident: jeder Geburtstag ab',
  'federal.notifyLatestDays': 'Meldung Bundespräsident spätestens (Tage vorher)',
  'land.congratulationBirthdaysFrom': 'Land NRW: Glückwünsche ab Geburtstag',
  'land.leadDays': 'Meldung Land NRW (Tage vorher)',
} as const;

const get = (rules: HonourRulesSettings, key: string): unknown =>
  key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown>)[part], rules);

function toDraft(rules: HonourRulesSettings): Draft {
  const draft: Draft = { leapDay: rules.leapDay };
  for (const key of Object.keys(LISTS)) draft[key] = (get(rules, key) as number[]).join(', ');
  for (const key of Object.keys(NUMBERS)) draft[key] = String(get(rules, key));
  return draft;
}

function toRules(draft: Draft, base: HonourRulesSettings): HonourRulesSettings {
  const rules = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
  const set = (key: string, value: unknown) => {
    const parts = key.split('.');
    const target = parts.length === 2 ? rules[parts[0]] : (rules as Record<string, unknown>);
    (target as Record<string, unknown>)[parts[parts.length - 1]] = value;
  };
  for (const key of Object.keys(LISTS)) set(key, draft[key].split(/[,;\s]+/).filter(Boolean).map(Number));
  for (const key of Object.keys(NUMBERS)) set(key, Number(draft[key]));
  (rules as Record<string, unknown>).leapDay = draft.leapDay;
  return rules as unknown as HonourRulesSettings;
}

/** The city's honour rules (Ehrungsordnung); ages the law does not allow are refused. */
export function HonourRulesSection() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const rules = useQuery({ queryKey: ['jubilees.rules.get'], queryFn: () => api('jubilees.rules.get', {}) });
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (rules.data && !draft) setDraft(toDraft(rules.data));
  }, [rules.data, draft]);
  const save = useMutation({
    mutationFn: () => api('jubilees.rules.update', toRules(draft!, rules.data!)),
    onSuccess: async (value) => {
      setDraft(toDraft(value));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['jubilees.rules.get'] });
      await queryClient.invalidateQueries({ queryKey: ['jubilees.list'] });
    },
  });
  if (!draft) return null;
  const field = (key: string, label: string) => (
    <Field key={key} label={label}>
      <Input value={draft[key]} onChange={(_, d) => (setSaved(false), setDraft({ ...draft, [key]: d.value }))} />
    </Field>
  );
  return (
    <>
      <Title3 as="h2">Ehrungsordnung</Title3>
      <p style={{ margin: 0 }}>
        Aus dem Melderegister dürfen nur der 70., 75., 80., 85., 90., 95. und jeder Geburtstag ab dem 100. sowie Ehejubiläen ab dem
        50. Hochzeitstag gelistet werden (§ 50 Abs. 2 BMG); andere Angaben werden abgewiesen.
      </p>
      <div className={styles.grid}>
        {Object.entries(LISTS).map(([key, label]) => field(key, `${label} (durch Komma getrennt)`))}
        {Object.entries(NUMBERS).map(([key, label]) => field(key, label))}
      </div>
      <Field label="29. Februar in Nicht-Schaltjahren">
        <RadioGroup layout="horizontal" value={draft.leapDay} onChange={(_, d) => setDraft({ ...draft, leapDay: d.value })}>
          <Radio value="feb28" label="am 28. Februar" />
          <Radio value="mar1" label="am 1. März" />
        </RadioGroup>
      </Field>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Ehrungsordnung gespeichert.</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error} title="Nicht gespeichert" />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => save.mutate()}>
          Ehrungsordnung speichern
        </Button>
      </div>
    </>
  );
}

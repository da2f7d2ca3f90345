import { useEffect, useState } from 'react';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text, Title3, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfficeSettings } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  row: { display: 'grid', gridTemplateColumns: '1.2fr 1fr 1.4fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

const OFFICE_FIELDS: Array<[keyof Omit<OfficeSettings, 'contactPersons'>, string]> = [
  ['stadt', 'Stadt'],
  ['dienststelle', 'Dienststelle (Briefkopf)'],
  ['amt', 'Amt'],
  ['absenderzeile', 'Rücksendeangabe'],
  ['hausanschrift', 'Hausanschrift (Fußzeile)'],
  ['internet', 'Internet (Fußzeile)'],
];

/** The letterhead of every letter and the contact persons in its information block. */
export function LetterheadSection() {
  const styles = useStyles();
  const section = useSectionStyles();
  const queryClient = useQueryClient();
  const office = useQuery({ queryKey: ['settings.office.get'], queryFn: () => api('settings.office.get', {}) });
  const holder = useQuery({ queryKey: ['settings.officeHolder'], queryFn: () => api('settings.officeHolder', {}) });
  const [draft, setDraft] = useState<OfficeSettings | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (office.data && !draft) setDraft(office.data);
  }, [office.data, draft]);

  const saveOffice = useMutation({
    mutationFn: (value: OfficeSettings) => api('settings.office.update', value),
    onSuccess: async (value) => {
      setDraft(value);
      setSaved('Briefkopf und Ansprechpartner/innen gespeichert.');
      await queryClient.invalidateQueries({ queryKey: ['settings.office.get'] });
    },
  });

  if (!draft) return <ErrorMessage error={office.error} title="Der Briefkopf lässt sich nicht laden" />;
  const persons = draft.contactPersons;
  const setPerson = (index: number, patch: Partial<OfficeSettings['contactPersons'][number]>) =>
    setDraft({ ...draft, contactPersons: persons.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  return (
    <>
      <Title3 as="h2">Briefkopf</Title3>
      {holder.data && (
        <Text>
          „Der Oberbürgermeister“ bzw. „Die Oberbürgermeisterin“ in Briefkopf, Rücksendeangabe und Fußzeile schreibt das Rathausbüro
          in der Form der Person im Amt (die erste aktive unterzeichnende Person ohne „in Vertretung“):{' '}
          {holder.data.form ? `zurzeit „${holder.data.title.nominative}“ (${holder.data.name}).` : 'zurzeit ist niemand eingetragen; der Text bleibt, wie er hier steht.'}
        </Text>
      )}
      <div className={styles.grid}>
        {OFFICE_FIELDS.map(([key, label]) => (
          <Field key={key} label={label}>
            <Input value={draft[key]} onChange={(_, d) => setDraft({ ...draft, [key]: d.value })} />
          </Field>
        ))}
      </div>
      <Title3 as="h2">Ansprechpartner/innen (Informationsblock)</Title3>
      {persons.map((p, i) => (
        <div key={i} className={styles.row}>
          <Field label="Name">
            <Input value={p.name} onChange={(_, d) => setPerson(i, { name: d.value })} />
          </Field>
          <Field label="Telefon">
            <Input value={p.phone} onChange={(_, d) => setPerson(i, { phone: d.value })} />
          </Field>
          <Field label="E-Mail">
            <Input value={p.email} onChange={(_, d) => setPerson(i, { email: d.value })} />
          </Field>
          <Button appearance="subtle" onClick={() => setDraft({ ...draft, contactPersons: persons.filter((_, j) => j !== i) })}>
            Entfernen
          </Button>
        </div>
      ))}
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <div className={section.actions}>
        <Button onClick={() => setDraft({ ...draft, contactPersons: [...persons, { name: '', phone: '', email: '' }] })}>
          Ansprechpartner/in hinzufügen
        </Button>
        <Button appearance="primary" onClick={() => saveOffice.mutate(draft)}>
          Briefkopf speichern
        </Button>
      </div>
      <ErrorMessage error={saveOffice.error} title="Nicht gespeichert" />
    </>
  );
}

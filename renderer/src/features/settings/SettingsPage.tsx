import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OfficeSettings, Signer } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CalendarSection } from './CalendarSection';
import { SpeechesSection } from './SpeechesSection';
import { CarpoolSection } from './CarpoolSection';
import { HonourRulesSection } from './HonourRulesSection';
import { DepartmentsSection } from './DepartmentsSection';
import { PrivacySection } from './PrivacySection';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '1000px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: tokens.spacingHorizontalM },
  row: { display: 'grid', gridTemplateColumns: '1.2fr 1fr 1.4fr auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const OFFICE_FIELDS: Array<[keyof Omit<OfficeSettings, 'contactPersons'>, string]> = [
  ['stadt', 'Stadt'],
  ['dienststelle', 'Dienststelle (Briefkopf)'],
  ['amt', 'Amt'],
  ['absenderzeile', 'Rücksendeangabe'],
  ['hausanschrift', 'Hausanschrift (Fußzeile)'],
  ['internet', 'Internet (Fußzeile)'],
];

type SignerDraft = Omit<Signer, 'id'> & { id?: number };
const NEW_SIGNER: SignerDraft = { name: '', gender: 'female', office: '', deputy: true, active: true, sortOrder: 0 };

/** Letterhead, contact persons and the people who sign letters: settings, not code. */
export function SettingsPage() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const office = useQuery({ queryKey: ['settings.office.get'], queryFn: () => api('settings.office.get', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const holder = useQuery({ queryKey: ['settings.officeHolder'], queryFn: () => api('settings.officeHolder', {}) });
  const [draft, setDraft] = useState<OfficeSettings | null>(null);
  const [signer, setSigner] = useState<SignerDraft>(NEW_SIGNER);
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
  const saveSigner = useMutation({
    mutationFn: (value: SignerDraft) => api('signers.save', value),
    onSuccess: async (value) => {
      setSigner(NEW_SIGNER);
      setSaved(`„${value.name}“ gespeichert.`);
      await queryClient.invalidateQueries({ queryKey: ['signers.list'] });
      await queryClient.invalidateQueries({ queryKey: ['settings.officeHolder'] });
    },
  });

  if (!draft) return null;
  const persons = draft.contactPersons;
  const setPerson = (index: number, patch: Partial<OfficeSettings['contactPersons'][number]>) =>
    setDraft({ ...draft, contactPersons: persons.map((p, i) => (i === index ? { ...p, ...patch } : p)) });

  return (
    <div className={styles.page}>
      <Title2 as="h1">Einstellungen</Title2>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
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
      <div className={styles.actions}>
        <Button onClick={() => setDraft({ ...draft, contactPersons: [...persons, { name: '', phone: '', email: '' }] })}>
          Ansprechpartner/in hinzufügen
        </Button>
        <Button appearance="primary" onClick={() => saveOffice.mutate(draft)}>
          Briefkopf speichern
        </Button>
      </div>
      <ErrorMessage error={saveOffice.error} title="Nicht gespeichert" />

      <Title3 as="h2">Unterzeichnende</Title3>
      <Table size="small" aria-label="Unterzeichnende">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Amt</TableHeaderCell>
            <TableHeaderCell>Zeichnet</TableHeaderCell>
            <TableHeaderCell>Aktiv</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {signers.data?.map((s) => (
            <TableRow key={s.id} tabIndex={0} onClick={() => setSigner(s)} onKeyDown={(e) => e.key === 'Enter' && setSigner(s)} style={{ cursor: 'pointer' }}>
              <TableCell>{s.name}</TableCell>
              <TableCell>{s.office}</TableCell>
              <TableCell>{s.deputy ? 'in Vertretung' : 'selbst'}</TableCell>
              <TableCell>{s.active ? 'ja' : 'nein'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.grid}>
        <Field label="Name" required>
          <Input value={signer.name} onChange={(_, d) => setSigner({ ...signer, name: d.value })} />
        </Field>
        <Field label="Amt" required hint="z. B. Oberbürgermeisterin, Bürgermeister">
          <Input value={signer.office} onChange={(_, d) => setSigner({ ...signer, office: d.value })} />
        </Field>
        <Field label="Geschlecht">
          <Select value={signer.gender} onChange={(_, d) => setSigner({ ...signer, gender: d.value as Signer['gender'] })}>
            <option value="female">weiblich</option>
            <option value="male">männlich</option>
            <option value="diverse">divers</option>
            <option value="unknown">unbekannt</option>
          </Select>
        </Field>
      </div>
      <div className={styles.actions}>
        <Checkbox checked={signer.deputy} onChange={(_, d) => setSigner({ ...signer, deputy: Boolean(d.checked) })} label="unterschreibt „In Vertretung“" />
        <Checkbox checked={signer.active} onChange={(_, d) => setSigner({ ...signer, active: Boolean(d.checked) })} label="aktiv" />
        <Button appearance="primary" onClick={() => saveSigner.mutate(signer)}>
          {signer.id ? 'Änderungen speichern' : 'Unterzeichnende/n hinzufügen'}
        </Button>
        {signer.id && <Button onClick={() => setSigner(NEW_SIGNER)}>Neu</Button>}
      </div>
      <ErrorMessage error={saveSigner.error} title="Nicht gespeichert" />

      <HonourRulesSection />
      <CalendarSection />
      <CarpoolSection />
      <SpeechesSection />
      <DepartmentsSection />
      <PrivacySection />
    </div>
  );
}

import { useState } from 'react';
import {
  Button,
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
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, GiftRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatEuro, type Visit } from '../../../../core/api';
import { api } from '../../api/client';
import { useFormDialogStyles } from '../../components/layout-styles';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { GiveGiftDialog } from '../gifts/GiveGiftDialog';
import { DateInput } from '../../components/DateInputs';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  entry: { display: 'grid', gap: '2px', borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
});

/** Gifts given during the visit; „Geschenk übergeben …“ warns before a repeat. */
export function VisitGifts({ visit }: { visit: Visit }) {
  const styles = useStyles();
  const [giving, setGiving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const given = useQuery({ queryKey: ['gifts.given', { visitId: visit.id }], queryFn: () => api('gifts.given', { visitId: visit.id }) });
  // Guests first: they are the ones a visit's gifts are for.
  const recipients = [...visit.people].sort((a, b) => (a.role === b.role ? 0 : a.role === 'gast' ? -1 : 1)).map((p) => ({ contactId: p.contactId, name: p.name }));
  return (
    <div className={styles.section}>
      {given.data && given.data.length > 0 ? (
        <Table size="small" aria-label="Geschenke bei diesem Besuch">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Datum</TableHeaderCell>
              <TableHeaderCell>Geschenk</TableHeaderCell>
              <TableHeaderCell>an</TableHeaderCell>
              <TableHeaderCell>Wert</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {given.data.map((g) => (
              <TableRow key={g.id}>
                <TableCell>{germanDate(g.givenOn)}</TableCell>
                <TableCell>
                  {g.quantity > 1 ? `${g.quantity} × ` : ''}
                  {g.gift}
                </TableCell>
                <TableCell>{g.recipientName}</TableCell>
                <TableCell>{g.valueCents ? formatEuro(g.valueCents) : '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Text className={styles.muted}>Noch keine Geschenke bei diesem Besuch.</Text>
      )}
      <div className={styles.actions}>
        <Button icon={<GiftRegular />} onClick={() => setGiving(true)}>
          Geschenk übergeben …
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {giving && (
        <GiveGiftDialog
          visitId={visit.id}
          recipients={recipients}
          defaultDate={visit.from}
          defaultOccasion={visit.title}
          onClose={() => setGiving(false)}
          onGiven={(gift) => {
            setGiving(false);
            setNotice(`„${gift.gift}“ an ${gift.recipientName} eingetragen.`);
          }}
        />
      )}
    </div>
  );
}

/** Entries in the Golden Book made during the visit. */
export function GoldenBookSection({ visit }: { visit: Visit }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const entries = useQuery({ queryKey: ['visits.goldenBook', visit.id], queryFn: () => api('visits.goldenBook', { visitId: visit.id }) });
  const firstGuest = visit.people.find((p) => p.role === 'gast');
  const [date, setDate] = useState(visit.from);
  const [contactId, setContactId] = useState(firstGuest ? String(firstGuest.contactId) : '');
  const [person, setPerson] = useState('');
  const [occasion, setOccasion] = useState(visit.title);
  const [text, setText] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['visits.goldenBook'] });
  const save = useMutation({
    mutationFn: () => api('visits.goldenBook.save', { visitId: visit.id, date, contactId: contactId ? Number(contactId) : null, person: contactId ? '' : person, occasion, text }),
    onSuccess: async () => {
      setText('');
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (id: number) => api('visits.goldenBook.delete', { id }), onSuccess: refresh });
  return (
    <div className={styles.section}>
      {(entries.data ?? []).map((e) => (
        <div key={e.id} className={styles.entry}>
          <Text weight="semibold">
            {germanDate(e.date)} · {e.person}
          </Text>
          {e.occasion && <Text className={styles.muted}>{e.occasion}</Text>}
          {e.text && <Text>{e.text}</Text>}
          <div>
            <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={() => remove.mutate(e.id)}>
              Eintrag löschen
            </Button>
          </div>
        </div>
      ))}
      {entries.data?.length === 0 && <Text className={styles.muted}>Noch kein Eintrag ins Goldene Buch.</Text>}
      <div className={layout.row}>
        <DateInput label="Eingetragen am" value={date} onChange={setDate} />
        <Field label="Wer hat sich eingetragen?">
          <Select value={contactId} onChange={(_, d) => setContactId(d.value)}>
            {visit.people.map((p) => (
              <option key={p.contactId} value={p.contactId}>
                {p.name}
              </option>
            ))}
            <option value="">andere Person (Name eingeben)</option>
          </Select>
        </Field>
        {!contactId && (
          <Field label="Name">
            <Input value={person} onChange={(_, d) => setPerson(d.value)} />
          </Field>
        )}
      </div>
      <Field label="Anlass">
        <Input value={occasion} onChange={(_, d) => setOccasion(d.value)} />
      </Field>
      <Field label="Text des Eintrags">
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => save.mutate()} disabled={save.isPending}>
          Eintrag ins Goldene Buch speichern
        </Button>
      </div>
      <ErrorMessage error={save.error ?? remove.error} title="Goldenes Buch" />
    </div>
  );
}

import { useState } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
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
import { AddRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatEuro, type GiftReceived } from '../../../../core/api';
import { api } from '../../api/client';
import { useFormDialogStyles, useRegisterPageStyles } from '../../components/layout-styles';
import { RegisterRow } from '../../components/RegisterRow';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { berlinToday } from '../calendar/wall-clock';
import { ContactPicker } from '../letters/ContactPicker';
import { euroInput, parseEuro } from './money';
import { DateInput } from '../../components/DateInputs';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  limit: { width: '10em' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, paddingBottom: tokens.spacingVerticalXS },
});

/** The reporting limit (a setting): gifts worth more must be reported to the compliance office. */
function ReportLimit() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['gifts.settings'], queryFn: () => api('gifts.settings', {}) });
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (settings.data ? euroInput(settings.data.reportLimitCents) : '');
  const cents = parseEuro(shown);
  const save = useMutation({
    mutationFn: () => api('gifts.settings.save', { reportLimitCents: cents ?? 0 }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['gifts.settings'], saved);
      setText(null);
      await queryClient.invalidateQueries({ queryKey: ['gifts.received'] });
    },
  });
  return (
    <div className={styles.bar}>
      <Field label="Meldegrenze (€)" validationMessage={cents === null ? 'Bitte einen Betrag wie 35,00 eingeben.' : undefined}>
        <Input className={styles.limit} value={shown} onChange={(_, d) => setText(d.value)} />
      </Field>
      <Button disabled={text === null || cents === null || save.isPending} onClick={() => save.mutate()}>
        Meldegrenze speichern
      </Button>
      <Text className={styles.hint}>Erhaltene Geschenke über diesem Wert sind zu melden; die Grenze legt die Compliance-Regelung der Stadt fest.</Text>
      <ErrorMessage error={save.error} title="Nicht gespeichert" />
    </div>
  );
}

function reportBadge(g: GiftReceived) {
  if (g.reportMissing)
    return (
      <Badge appearance="filled" color="danger">
        über der Grenze – nicht gemeldet
      </Badge>
    );
  if (g.reportRequired)
    return (
      <Badge appearance="tint" color="success">
        gemeldet am {germanDate(g.reportedOn!)}
      </Badge>
    );
  return g.reportedOn ? `gemeldet am ${germanDate(g.reportedOn)}` : 'nicht meldepflichtig';
}

/** Gifts received by the office, for the compliance record; those above the limit not yet reported are marked. */
export function ReceivedGifts() {
  const page = useRegisterPageStyles();
  const styles = useStyles();
  const { opened, open, close } = useRecordDialog();
  const list = useQuery({ queryKey: ['gifts.received'], queryFn: () => api('gifts.received', {}) });
  const gift = openedRecord(opened, list.data, (g) => g.id);
  const items = list.data ?? [];
  const missing = items.filter((g) => g.reportMissing).length;
  const empty = list.data !== undefined && items.length === 0;
  const add = (
    <Button icon={<AddRegular />} onClick={() => open(null)}>
      Erhaltenes Geschenk erfassen …
    </Button>
  );
  return (
    <>
      <ReportLimit />
      {!empty && (
        <div className={styles.bar}>
          <Text className={page.muted} role="status">
            {count(items.length, 'erhaltenes Geschenk', 'erhaltene Geschenke')}
            {missing > 0 && `, davon ${missing} über der Meldegrenze und noch nicht gemeldet`}
          </Text>
          <div className={page.grow} />
          {add}
        </div>
      )}
      <ErrorMessage error={list.error} title="Die erhaltenen Geschenke lassen sich nicht laden" />
      {empty ? (
        <EmptyState actions={add}>Noch keine erhaltenen Geschenke. Erfassen Sie jedes Geschenk an das Büro mit seinem Wert; was über der Meldegrenze liegt, wird zur Meldung markiert.</EmptyState>
      ) : (
        <Table size="small" aria-label="Erhaltene Geschenke">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Eingang</TableHeaderCell>
              <TableHeaderCell>von</TableHeaderCell>
              <TableHeaderCell>Geschenk</TableHeaderCell>
              <TableHeaderCell>Wert</TableHeaderCell>
              <TableHeaderCell>Verbleib</TableHeaderCell>
              <TableHeaderCell>Meldung</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((g) => (
              <RegisterRow key={g.id} overdue={g.reportMissing} onOpen={() => open(g.id)}>
                <TableCell>{germanDate(g.receivedOn)}</TableCell>
                <TableCell>
                  <div className={page.stack}>
                    <span>{g.fromName}</span>
                    {g.visit && <span className={page.muted}>{g.visit}</span>}
                  </div>
                </TableCell>
                <TableCell>{g.description}</TableCell>
                <TableCell>{formatEuro(g.valueCents)}</TableCell>
                <TableCell>{g.disposition || '–'}</TableCell>
                <TableCell>{reportBadge(g)}</TableCell>
              </RegisterRow>
            ))}
          </TableBody>
        </Table>
      )}
      {opened && gift !== undefined && <ReceivedGiftDialog key={opened.key} gift={gift} onClose={close} />}
    </>
  );
}

function ReceivedGiftDialog({ gift, onClose }: { gift: GiftReceived | null; onClose: () => void }) {
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [contact, setContact] = useState<{ id: number; displayName: string } | null>(gift?.fromContactId ? { id: gift.fromContactId, displayName: gift.fromName } : null);
  const [fromName, setFromName] = useState(gift && !gift.fromContactId ? gift.fromName : '');
  const [receivedOn, setReceivedOn] = useState(gift?.receivedOn ?? berlinToday());
  const [receivedBy, setReceivedBy] = useState(gift?.receivedBy ?? '');
  const [description, setDescription] = useState(gift?.description ?? '');
  const [value, setValue] = useState(gift ? euroInput(gift.valueCents) : '');
  const [disposition, setDisposition] = useState(gift?.disposition ?? '');
  const [reportedOn, setReportedOn] = useState(gift?.reportedOn ?? '');
  const [notes, setNotes] = useState(gift?.notes ?? '');
  /** The record as loaded: its revision goes back with the save (STALE when someone changed it since). */
  const [loaded, setLoaded] = useState(gift);
  const cents = parseEuro(value);
  const settings = useQuery({ queryKey: ['gifts.settings'], queryFn: () => api('gifts.settings', {}) });
  const overLimit = cents !== null && settings.data !== undefined && cents > settings.data.reportLimitCents;
  const save = useMutation({
    mutationFn: () =>
      api('gifts.received.save', {
        id: loaded?.id,
        revision: loaded?.revision,
        fromContactId: contact?.id ?? null,
        fromName: contact ? '' : fromName,
        receivedOn,
        receivedBy,
        description,
        valueCents: cents ?? 0,
        disposition,
        reportedOn: reportedOn || null,
        visitId: loaded?.visitId ?? null,
        notes,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['gifts.received'] });
      onClose();
    },
  });
  /** „Neu laden“ after STALE: the record as it is stored now replaces the user's input. */
  const reload = async () => {
    if (!loaded) return;
    const fresh = (await api('gifts.received', {})).find((g) => g.id === loaded.id);
    if (!fresh) return;
    save.reset();
    setContact(fresh.fromContactId ? { id: fresh.fromContactId, displayName: fresh.fromName } : null);
    setFromName(fresh.fromContactId ? '' : fresh.fromName);
    setReceivedOn(fresh.receivedOn);
    setReceivedBy(fresh.receivedBy);
    setDescription(fresh.description);
    setValue(euroInput(fresh.valueCents));
    setDisposition(fresh.disposition);
    setReportedOn(fresh.reportedOn ?? '');
    setNotes(fresh.notes);
    setLoaded(fresh);
    await queryClient.invalidateQueries({ queryKey: ['gifts.received'] });
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Erhaltenes Geschenk">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <DialogBody>
            <DialogTitle>{gift ? `Erhaltenes Geschenk: ${gift.description}` : 'Erhaltenes Geschenk erfassen'}</DialogTitle>
            <DialogContent className={layout.content}>
              <ContactPicker label="von (Kontakt)" required={false} value={contact} onChange={(c) => setContact(c ? { id: c.id, displayName: c.displayName } : null)} />
              {!contact && (
                <Field label="oder von (Name)">
                  <Input value={fromName} onChange={(_, d) => setFromName(d.value)} />
                </Field>
              )}
              <div className={layout.row}>
                <DateInput label="Eingegangen am" required value={receivedOn} onChange={setReceivedOn} />
                <Field label="Entgegengenommen von">
                  <Input value={receivedBy} onChange={(_, d) => setReceivedBy(d.value)} />
                </Field>
              </div>
              <Field label="Geschenk" required>
                <Input value={description} onChange={(_, d) => setDescription(d.value)} />
              </Field>
              <div className={layout.row}>
                <Field
                  label="Wert (€, geschätzt)"
                  validationState={cents === null ? 'error' : overLimit ? 'warning' : 'none'}
                  validationMessage={cents === null ? 'Bitte einen Betrag wie 35,00 eingeben.' : overLimit ? `Über der Meldegrenze von ${formatEuro(settings.data!.reportLimitCents)}: bitte melden.` : undefined}
                >
                  <Input value={value} onChange={(_, d) => setValue(d.value)} placeholder="0,00" />
                </Field>
                <DateInput label="Gemeldet am" value={reportedOn} onChange={setReportedOn} />
              </div>
              <Field label="Verbleib (was damit geschah)" hint="z. B. im Amtszimmer ausgestellt, an das Stadtarchiv, gespendet, zurückgegeben">
                <Input value={disposition} onChange={(_, d) => setDisposition(d.value)} />
              </Field>
              <Field label="Notizen">
                <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} resize="vertical" />
              </Field>
              <ErrorMessage error={save.error} title="Nicht gespeichert" onReload={() => void reload()} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={save.isPending || cents === null}>
                Speichern
              </Button>
              <Button onClick={onClose}>Abbrechen</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

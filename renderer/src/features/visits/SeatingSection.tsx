import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowSwapRegular, DeleteRegular, DocumentRegular, SaveRegular, SparkleRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SeatingPlan, SeatingProposal, Visit } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { describePlace, swapPlaces, samePlace, type PlaceRef, type WorkingPlan } from './seating-edit';
import { SeatButton, TablePlan } from './TablePlan';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  specs: { display: 'grid', gap: tokens.spacingVerticalS },
  spec: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  tables: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', alignItems: 'start' },
  table: { display: 'grid', gap: tokens.spacingVerticalS },
  unseated: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface TableSpecValue {
  name: string;
  seats: string;
}

const defaultSpecs = (visit: Visit): TableSpecValue[] => [{ name: 'Ehrentafel', seats: String(Math.max(4, visit.people.length + (visit.people.length % 2))) }];

const toWorking = (plan: SeatingPlan | SeatingProposal): WorkingPlan => ({ tables: plan.tables, unseated: plan.unseated });

/**
 * The seating order of the official meal: tables and seats, „Sitzordnung vorschlagen“ (by
 * protocol precedence, from the visit's guests and hosts), the table plan where staff change
 * places — select two places (click, Enter or Space) and „Platz tauschen“, or drag one onto the
 * other —, „Speichern“ and the Word file for printing.
 */
export function SeatingSection({ visit }: { visit: Visit }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: ['seating.get', visit.id], queryFn: () => api('seating.get', { visitId: visit.id }) });
  const [specs, setSpecs] = useState<TableSpecValue[] | null>(null);
  const [working, setWorking] = useState<WorkingPlan | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const [selection, setSelection] = useState<PlaceRef[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [placeCards, setPlaceCards] = useState(false);

  const plan = working ?? (saved.data ? toWorking(saved.data) : null);
  const tableSpecs = specs ?? (saved.data ? saved.data.tables.map((t) => ({ name: t.name, seats: String(t.seats.length) })) : defaultSpecs(visit));

  const propose = useMutation({
    mutationFn: () =>
      api('seating.propose', {
        visitId: visit.id,
        tables: tableSpecs.map((t, i) => ({ name: t.name.trim() || `Tisch ${i + 1}`, seats: Number(t.seats) || 0 })),
      }),
    onSuccess: (proposal) => {
      setWorking(toWorking(proposal));
      setNotes(proposal.notes);
      setSelection([]);
      setDirty(true);
      setNotice(null);
    },
  });
  const save = useMutation({
    mutationFn: (current: WorkingPlan) =>
      api('seating.save', {
        visitId: visit.id,
        tables: current.tables.map((t) => ({ name: t.name, seats: t.seats.map((s) => ({ contactId: s.contactId, label: s.label })) })),
      }),
    onSuccess: async (plan) => {
      queryClient.setQueryData(['seating.get', visit.id], plan);
      await queryClient.invalidateQueries({ queryKey: ['visits.list'] });
      setWorking(toWorking(plan));
      setDirty(false);
      setNotice(`Sitzordnung gespeichert (${plan.tables.length === 1 ? '1 Tisch' : `${plan.tables.length} Tische`}).`);
    },
  });
  const print = useMutation({
    mutationFn: () => api('seating.document', { visitId: visit.id, placeCards }),
    onSuccess: (file) => downloadBase64(file.fileName, file.contentBase64),
  });

  const select = (place: PlaceRef) => {
    setNotice(null);
    setSelection((current) => {
      if (current.some((s) => samePlace(s, place))) return current.filter((s) => !samePlace(s, place));
      return [...current, place].slice(-2);
    });
  };
  const swap = (a: PlaceRef, b: PlaceRef) => {
    if (!plan) return;
    setWorking(swapPlaces(plan, a, b));
    setNotice(`Getauscht: ${describePlace(plan, a)} ↔ ${describePlace(plan, b)}.`);
    setSelection([]);
    setDirty(true);
  };
  const setSpec = (index: number, change: Partial<TableSpecValue>) => setSpecs(tableSpecs.map((t, i) => (i === index ? { ...t, ...change } : t)));

  return (
    <section className={styles.section} aria-label="Sitzordnung">
      <div className={styles.specs} role="group" aria-label="Tische">
        {tableSpecs.map((spec, i) => (
          <div key={i} className={styles.spec}>
            <Field label={`Tisch ${i + 1}: Name`}>
              <Input value={spec.name} onChange={(_, d) => setSpec(i, { name: d.value })} />
            </Field>
            <Field label={`Tisch ${i + 1}: Plätze`}>
              <Input type="number" min={1} max={60} value={spec.seats} onChange={(_, d) => setSpec(i, { seats: d.value })} style={{ width: '8em' }} />
            </Field>
            {tableSpecs.length > 1 && (
              <Button icon={<DeleteRegular />} aria-label={`Tisch ${i + 1} entfernen`} onClick={() => setSpecs(tableSpecs.filter((_, j) => j !== i))} />
            )}
          </div>
        ))}
        <div className={styles.actions}>
          <Button icon={<AddRegular />} onClick={() => setSpecs([...tableSpecs, { name: `Tisch ${tableSpecs.length + 1}`, seats: '8' }])}>
            Tisch hinzufügen
          </Button>
          <Button appearance="primary" icon={<SparkleRegular />} disabled={propose.isPending} onClick={() => propose.mutate()}>
            Sitzordnung vorschlagen
          </Button>
          {visit.people.length === 0 && <Text className={styles.muted}>Zuerst Gäste und Gastgeber eintragen und den Besuch speichern.</Text>}
        </div>
      </div>
      <ErrorMessage error={propose.error} title="Kein Vorschlag" />
      {saved.isPending && <Spinner size="tiny" label="Sitzordnung wird geladen …" />}
      {notes.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{notes.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {plan && (
        <>
          <Text className={styles.muted}>
            Zwei Plätze auswählen (Klick, Eingabe- oder Leertaste) und „Platz tauschen“ – oder einen Platz auf einen anderen ziehen. Rechts vom Gastgeber ist im Bild links.
          </Text>
          <div className={styles.tables}>
            {plan.tables.map((table, t) => (
              <div key={t} className={styles.table}>
                <Text weight="semibold">
                  {table.name} ({table.seats.length} Plätze)
                </Text>
                <TablePlan table={table} tableIndex={t} selection={selection} onSelect={select} onDropOn={swap} />
              </div>
            ))}
          </div>
          {plan.unseated.length > 0 && (
            <div role="group" aria-label="Ohne Platz">
              <Text weight="semibold">Ohne Platz</Text>
              <div className={styles.unseated}>
                {plan.unseated.map((seat, i) => (
                  <SeatButton
                    key={`${seat.contactId}-${i}`}
                    seat={seat}
                    place={{ kind: 'unseated', index: i }}
                    caption="ohne Platz"
                    description="noch nicht gesetzt"
                    selection={selection}
                    onSelect={select}
                    onDropOn={swap}
                  />
                ))}
              </div>
            </div>
          )}
          <div className={styles.actions}>
            <Button icon={<ArrowSwapRegular />} disabled={selection.length !== 2} onClick={() => swap(selection[0]!, selection[1]!)}>
              Platz tauschen
            </Button>
            <Button appearance="primary" icon={<SaveRegular />} disabled={save.isPending || !dirty} onClick={() => save.mutate(plan)}>
              Speichern
            </Button>
            <Button icon={<DocumentRegular />} disabled={print.isPending || dirty || !saved.data} onClick={() => print.mutate()}>
              Sitzordnung drucken (Word)
            </Button>
            <Checkbox label="mit Tischkarten" checked={placeCards} onChange={(_, d) => setPlaceCards(Boolean(d.checked))} />
            {dirty && <Text className={styles.muted}>Nicht gespeichert – zum Drucken zuerst speichern.</Text>}
          </div>
          <Text role="status" aria-live="polite" className={styles.muted}>
            {selection.length > 0 ? `Ausgewählt: ${selection.map((s) => describePlace(plan, s)).join(' und ')}` : ''}
          </Text>
        </>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error} title="Nicht gespeichert" />
      <ErrorMessage error={print.error} title="Nicht gedruckt" />
    </section>
  );
}

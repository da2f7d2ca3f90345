import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { issuesOf } from './form-issues';
import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 2fr) 120px', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  // An input is as wide as 20 characters unless told otherwise: the number fits its narrow column.
  narrow: { minWidth: 0, '& > input': { minWidth: 0 } },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface Draft {
  id?: number;
  name: string;
  email: string;
  active: boolean;
  sortOrder: string;
}
const NEW: Draft = { name: '', email: '', active: true, sortOrder: '0' };
const draftOf = (d: Department): Draft => ({ id: d.id, name: d.name, email: d.email, active: d.active, sortOrder: String(d.sortOrder) });

/** The departments (Fachbereiche) that citizens' requests are forwarded to for a statement. */
export function DepartmentsSection() {
  const styles = useStyles();
  const section = useSectionStyles();
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: ['requests.departments'], queryFn: () => api('requests.departments', {}) });
  const [draft, setDraft] = useState<Draft>(NEW);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (d: Draft) => api('requests.departments.save', { id: d.id, name: d.name, email: d.email, active: d.active, sortOrder: Number(d.sortOrder) || 0 }),
    onMutate: () => setSaved(null),
    onSuccess: async (value) => {
      setDraft(NEW);
      setSaved(`Fachbereich „${value.name}“ gespeichert.`);
      await queryClient.invalidateQueries({ queryKey: ['requests.departments'] });
    },
  });
  const issue = (field: string) => issuesOf(save.error).find((i) => i.path[0] === field)?.message;
  const list = [...(departments.data ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'de'));

  return (
    <form
      aria-labelledby="settings-departments-heading"
      style={{ display: 'contents' }}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <Title3 as="h2" id="settings-departments-heading">
        Fachbereiche
      </Title3>
      <Text className={styles.muted}>
        An sie werden Bürgeranliegen zur Stellungnahme weitergeleitet; die E-Mail-Adresse steht in der Bitte um Stellungnahme und in der Erinnerung.
      </Text>
      <ErrorMessage error={departments.error} title="Die Fachbereiche lassen sich nicht laden" />
      {list.length > 0 ? (
        <Table size="small" aria-label="Fachbereiche">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>E-Mail</TableHeaderCell>
              <TableHeaderCell>Reihenfolge</TableHeaderCell>
              <TableHeaderCell>Aktiv</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((d) => (
              <TableRow
                key={d.id}
                tabIndex={0}
                onClick={() => setDraft(draftOf(d))}
                onKeyDown={(e) => e.key === 'Enter' && setDraft(draftOf(d))}
                style={{ cursor: 'pointer' }}
                aria-selected={draft.id === d.id}
              >
                <TableCell>{d.name}</TableCell>
                <TableCell>{d.email || '–'}</TableCell>
                <TableCell>{d.sortOrder}</TableCell>
                <TableCell>{d.active ? 'ja' : 'nein'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        departments.data && <Text className={styles.muted}>Noch keine Fachbereiche.</Text>
      )}
      <div className={styles.grid}>
        <Field label="Name des Fachbereichs" required validationMessage={issue('name')}>
          <Input value={draft.name} onChange={(_, d) => setDraft({ ...draft, name: d.value })} placeholder="z. B. Amt für Straßenbau" />
        </Field>
        <Field label="E-Mail-Adresse des Fachbereichs" validationMessage={issue('email')}>
          <Input type="email" value={draft.email} onChange={(_, d) => setDraft({ ...draft, email: d.value })} />
        </Field>
        <Field label="Reihenfolge">
          <Input className={styles.narrow} type="number" value={draft.sortOrder} onChange={(_, d) => setDraft({ ...draft, sortOrder: d.value })} />
        </Field>
      </div>
      <div className={section.actions}>
        <Checkbox checked={draft.active} onChange={(_, d) => setDraft({ ...draft, active: Boolean(d.checked) })} label="aktiv (zur Auswahl beim Weiterleiten)" />
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {draft.id ? 'Änderungen speichern' : 'Fachbereich hinzufügen'}
        </Button>
        {draft.id && <Button onClick={() => setDraft(NEW)}>Neu</Button>}
      </div>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={save.error && !issuesOf(save.error).length ? save.error : null} title="Nicht gespeichert" />
    </form>
  );
}

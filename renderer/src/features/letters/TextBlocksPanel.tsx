import { useRef, useState } from 'react';
import { Button, Card, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TextBlock } from '../../../../core/api';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  list: { display: 'grid', gap: tokens.spacingVerticalS },
  form: { display: 'grid', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const EMPTY = { title: '', category: '', text: '' };

/** Reusable passages for letters (and later speeches), with the same placeholders. */
export function TextBlocksPanel() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const blocks = useQuery({ queryKey: ['textBlocks.list'], queryFn: () => api('textBlocks.list', {}) });
  const [editing, setEditing] = useState<{ id?: number; title: string; category: string; text: string }>(EMPTY);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['textBlocks.list'] });
  const save = useMutation({ mutationFn: () => api('textBlocks.save', editing), onSuccess: async (b) => (setEditing(b), refresh()) });
  const remove = useMutation({ mutationFn: (id: number) => api('textBlocks.delete', { id }), onSuccess: async () => (setEditing(EMPTY), refresh()) });
  const pick = (b: TextBlock) => setEditing(b);
  const title = useRef<HTMLInputElement>(null);
  const heading = editing.id ? 'Textbaustein bearbeiten' : 'Neuer Textbaustein';

  return (
    <div className={styles.layout}>
      <div className={styles.list}>
        {blocks.data?.map((b) => (
          <Card key={b.id} onClick={() => pick(b)} onKeyDown={(e) => e.key === 'Enter' && pick(b)} tabIndex={0} aria-label={b.title}>
            <Text weight="semibold">{b.title}</Text>
            <Text className={styles.muted}>{b.category}</Text>
            <Text>{b.text.length > 160 ? `${b.text.slice(0, 160)} …` : b.text}</Text>
          </Card>
        ))}
        {blocks.data?.length === 0 && (
          <EmptyState
            actions={
              <Button
                appearance="primary"
                onClick={() => {
                  setEditing(EMPTY);
                  title.current?.focus();
                }}
              >
                Textbaustein anlegen
              </Button>
            }
          >
            Noch keine Textbausteine. Passagen, die in Briefen immer wiederkehren (ein Dank, ein Gruß zum Jubiläum), legen Sie hier einmal an – mit
            Platzhaltern wie {'{{anrede_muendlich}}'} – und fügen sie dann beim Schreiben ein.
          </EmptyState>
        )}
      </div>
      <div className={styles.form} role="form" aria-label={heading}>
        <Text weight="semibold">{heading}</Text>
        <Field label="Titel" required>
          <Input ref={title} value={editing.title} onChange={(_, d) => setEditing({ ...editing, title: d.value })} />
        </Field>
        <Field label="Kategorie">
          <Input value={editing.category} onChange={(_, d) => setEditing({ ...editing, category: d.value })} />
        </Field>
        <Field label="Text" hint="Platzhalter wie {{anrede_muendlich}} oder {{alter}} sind erlaubt.">
          <Textarea value={editing.text} rows={8} onChange={(_, d) => setEditing({ ...editing, text: d.value })} resize="vertical" />
        </Field>
        <ErrorMessage error={save.error ?? remove.error} />
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => save.mutate()} disabled={save.isPending}>
            Speichern
          </Button>
          <Button onClick={() => setEditing(EMPTY)}>Neu</Button>
          {editing.id && (
            <Button appearance="subtle" onClick={() => window.confirm(`„${editing.title}“ löschen?`) && remove.mutate(editing.id!)}>
              Löschen
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

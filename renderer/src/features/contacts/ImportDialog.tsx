import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FIELD_LABELS, importFieldSchema, type ColumnMapping, type CsvAnalysis, type ImportField, type ImportPreview } from '../../../../core/api';
import { api } from '../../api/client';
import { ColumnMappingTable } from '../../components/ColumnMappingTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { fileToBase64 } from '../../components/files';

const useStyles = makeStyles({
  surface: { maxWidth: '980px', width: '92vw' },
  // One column no wider than the dialog: a wide table scrolls inside instead of widening it past its edge.
  content: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  errors: { maxHeight: '220px', overflow: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const FIELD_NAMES: Record<ImportField, string> = {
  ...(FIELD_LABELS as Record<ImportField, string>),
  name: 'Name der Organisation',
  kind: 'Art (Person/Organisation)',
  organisation: 'Organisation (Name)',
};

type Step = { step: 'file' } | { step: 'mapping'; file: LoadedFile; analysis: CsvAnalysis; mapping: ColumnMapping } | {
  step: 'preview';
  file: LoadedFile;
  analysis: CsvAnalysis;
  mapping: ColumnMapping;
  preview: ImportPreview;
};
interface LoadedFile {
  name: string;
  contentBase64: string;
}


/** CSV import: choose a file, map its columns, check every row, then import all at once. */
export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (message: string) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [state, setState] = useState<Step>({ step: 'file' });
  const [skipInvalid, setSkipInvalid] = useState(false);

  const close = () => {
    setState({ step: 'file' });
    setSkipInvalid(false);
    analyze.reset();
    check.reset();
    commit.reset();
    onClose();
  };

  const analyze = useMutation({
    mutationFn: async (file: File) => {
      const loaded = { name: file.name, contentBase64: await fileToBase64(file) };
      const analysis = await api('contacts.import.analyze', { contentBase64: loaded.contentBase64, fileName: loaded.name });
      return { loaded, analysis };
    },
    onSuccess: ({ loaded, analysis }) =>
      setState({ step: 'mapping', file: loaded, analysis, mapping: { ...analysis.suggestedMapping } }),
  });
  const check = useMutation({
    mutationFn: (s: Extract<Step, { step: 'mapping' }>) =>
      api('contacts.import.preview', { contentBase64: s.file.contentBase64, fileName: s.file.name, mapping: s.mapping }).then(
        (preview) => ({ ...s, step: 'preview' as const, preview }),
      ),
    onSuccess: (next) => setState(next),
  });
  const commit = useMutation({
    mutationFn: (s: Extract<Step, { step: 'preview' }>) =>
      api('contacts.import.commit', {
        contentBase64: s.file.contentBase64,
        fileName: s.file.name,
        mapping: s.mapping,
        skipInvalidRows: skipInvalid,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries();
      const parts = [`${count(result.imported, 'Kontakt', 'Kontakte')} importiert`];
      if (result.organisationsCreated) parts.push(`${count(result.organisationsCreated, 'Organisation', 'Organisationen')} neu angelegt`);
      if (result.skipped) parts.push(`${count(result.skipped, 'fehlerhafte Zeile', 'fehlerhafte Zeilen')} übersprungen`);
      close();
      onImported(`${parts.join(', ')}.`);
    },
  });

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Kontakte aus CSV importieren</DialogTitle>
          <DialogContent className={styles.content}>
            {state.step === 'file' && (
              <>
                <Text>
                  CSV-Datei mit Kopfzeile, getrennt durch Semikolon oder Komma, in UTF-8 oder Windows-1252 (Excel). Vor dem
                  Import ordnen Sie die Spalten zu und sehen jede fehlerhafte Zeile; importiert wird erst nach Ihrer Bestätigung.
                </Text>
                <input
                  type="file"
                  accept=".csv,text/csv"
                  aria-label="CSV-Datei wählen"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (file) analyze.mutate(file);
                  }}
                />
                {analyze.isPending && <Spinner size="small" label="Datei wird gelesen …" />}
                <ErrorMessage error={analyze.error} title="Die Datei kann nicht gelesen werden" />
              </>
            )}

            {state.step === 'mapping' && (
              <>
                <Text>
                  „{state.file.name}“: {count(state.analysis.rowCount, 'Zeile', 'Zeilen')}, Zeichensatz {state.analysis.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'},
                  Trennzeichen „{state.analysis.delimiter}“. Bitte prüfen Sie die Zuordnung der Spalten.
                </Text>
                <ColumnMappingTable
                  headers={state.analysis.headers}
                  sample={state.analysis.sampleRows}
                  mapping={state.mapping}
                  fields={importFieldSchema.options.map((field) => [field, FIELD_NAMES[field]] as const)}
                  onChange={(mapping) => setState({ ...state, mapping })}
                  ignoreLabel="– nicht importieren –"
                />
                <ErrorMessage error={check.error} title="Prüfung nicht möglich" />
              </>
            )}

            {state.step === 'preview' && (
              <>
                <MessageBar intent={state.preview.errors.length ? 'warning' : 'success'}>
                  <MessageBarBody>
                    {state.preview.validCount === 1 ? '1 Zeile kann' : `${count(state.preview.validCount, 'Zeile', 'Zeilen')} können`} importiert werden
                    {state.preview.errors.length
                      ? `, ${count(state.preview.errors.length, 'Zeile enthält', 'Zeilen enthalten')} Fehler`
                      : ''}
                    .
                    {state.preview.newOrganisations.length > 0 &&
                      ` Neu angelegt werden die Organisationen: ${state.preview.newOrganisations.join(', ')}.`}
                  </MessageBarBody>
                </MessageBar>
                {state.preview.errors.length > 0 && (
                  <>
                    <ul className={styles.errors} aria-label="Fehlerhafte Zeilen">
                      {state.preview.errors.map((issue, i) => (
                        <li key={i}>{issue.message}</li>
                      ))}
                    </ul>
                    <Checkbox
                      checked={skipInvalid}
                      onChange={(_, data) => setSkipInvalid(Boolean(data.checked))}
                      label="Fehlerhafte Zeilen überspringen und nur die gültigen importieren"
                    />
                  </>
                )}
                <ErrorMessage error={commit.error} title="Nichts importiert" />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Abbrechen</Button>
            {state.step === 'mapping' && (
              <Button appearance="primary" disabled={check.isPending} onClick={() => check.mutate(state)}>
                Zeilen prüfen
              </Button>
            )}
            {state.step === 'preview' && (
              <>
                <Button onClick={() => setState({ ...state, step: 'mapping' })}>Zurück zur Zuordnung</Button>
                <Button
                  appearance="primary"
                  disabled={commit.isPending || state.preview.validCount === 0 || (state.preview.errors.length > 0 && !skipInvalid)}
                  onClick={() => commit.mutate(state)}
                >
                  {count(state.preview.validCount, 'Kontakt', 'Kontakte')} importieren
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

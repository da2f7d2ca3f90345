import { useState } from 'react';
import {
  Button,
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
import type { ResidentImportPreview } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fileToBase64 } from '../../components/files';
import { UploadButton } from '../../components/UploadButton';

const useStyles = makeStyles({
  surface: { maxWidth: '820px', width: '92vw' },
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  counts: { display: 'grid', gridTemplateColumns: 'max-content max-content', gap: `2px ${tokens.spacingHorizontalL}` },
  rejected: { maxHeight: '240px', overflow: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The register's extract: choose the file, see what would change and every rejected row, then take it over. */
export function ResidentImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (message: string) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ResidentImportPreview | null>(null);
  const close = () => {
    setFile(null);
    setPreview(null);
    check.reset();
    commit.reset();
    onClose();
  };
  const check = useMutation({
    mutationFn: async (chosen: File) => {
      const loaded = { fileName: chosen.name, contentBase64: await fileToBase64(chosen) };
      setFile(loaded);
      return api('residents.import.preview', loaded);
    },
    onSuccess: setPreview,
  });
  const commit = useMutation({
    mutationFn: () => api('residents.import.commit', file!),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries();
      close();
      onImported(
        [
          `Melderegister-Auszug übernommen: ${result.added} neu, ${result.changed} geändert, ${result.unchanged} unverändert, ${result.gone} nicht mehr enthalten, ${result.rejectedTotal} abgelehnt.`,
          ...result.warnings.map((w) => `Achtung: ${w}`),
        ].join(' '),
      );
    },
  });

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Melderegister-Auszug einlesen</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              CSV-Datei im Standard-Spaltensatz (register_id; surname; given_names; … ; conditional_block). Vor der Übernahme sehen
              Sie, was sich ändert; übernommen wird alles oder nichts. Personen mit Widerspruch, Sperrvermerk, verstorbene und
              weggezogene erscheinen in keiner Liste.
            </Text>
            <UploadButton accept=".csv,text/csv" label="Datei wählen …" onFile={(f) => check.mutate(f)} />
            {check.isPending && <Spinner size="small" label="Datei wird geprüft …" />}
            <ErrorMessage error={check.error} title="Die Datei kann nicht gelesen werden" />
            {preview && (
              <>
                <div className={styles.counts} aria-label="Änderungen">
                  <span>neu</span>
                  <strong>{preview.added.toLocaleString('de-DE')}</strong>
                  <span>geändert</span>
                  <strong>{preview.changed.toLocaleString('de-DE')}</strong>
                  <span>unverändert</span>
                  <strong>{preview.unchanged.toLocaleString('de-DE')}</strong>
                  <span>nicht mehr enthalten</span>
                  <strong>{preview.gone.toLocaleString('de-DE')}</strong>
                  <span>abgelehnt</span>
                  <strong>{preview.rejectedTotal.toLocaleString('de-DE')}</strong>
                </div>
                {preview.rejectedTotal > 0 && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      Abgelehnte Zeilen werden nicht übernommen; die betroffenen Personen bleiben, wie sie waren.
                      <ul className={styles.rejected} aria-label="Abgelehnte Zeilen">
                        {preview.rejected.map((r) => (
                          <li key={r.line}>{r.message}</li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
            <ErrorMessage error={commit.error} title="Nichts übernommen" />
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Abbrechen</Button>
            <Button appearance="primary" disabled={!preview || preview.rows === 0 || commit.isPending} onClick={() => commit.mutate()}>
              {preview ? `${preview.rows.toLocaleString('de-DE')} Zeilen übernehmen` : 'Übernehmen'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

import { useState } from 'react';
import {
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
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  mappingProblems,
  REGISTER_FIELD_LABELS,
  REGISTER_FIELDS,
  unmappedProtectingFields,
  type RegisterInspection,
  type RegisterMapping,
  type ResidentImportJob,
  type ResidentImportPreview,
} from '../../../../core/api';
import { api } from '../../api/client';
import { ColumnMappingTable } from '../../components/ColumnMappingTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { uploadInPieces } from '../../components/files';
import { UploadButton } from '../../components/UploadButton';
import { usePolledJob } from '../../components/use-polled-job';

const useStyles = makeStyles({
  surface: { maxWidth: '980px', width: '92vw' },
  // One column no wider than the dialog: a wide table scrolls inside instead of widening it past its edge.
  content: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM },
  counts: { display: 'grid', gridTemplateColumns: 'max-content max-content', gap: `2px ${tokens.spacingHorizontalL}` },
  rejected: { maxHeight: '240px', overflow: 'auto', margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  profiles: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
});

type Step =
  | { step: 'file' }
  | { step: 'mapping'; inspection: RegisterInspection; mapping: RegisterMapping }
  | { step: 'preview'; inspection: RegisterInspection; mapping: RegisterMapping; preview: ResidentImportPreview };

const share = (job: ResidentImportJob) => (job.total > 0 ? job.done / job.total : 0);
const percent = (value: number) => `${Math.round(value * 100)} %`;

/**
 * The register's extract (CSV or Excel): choose the file, map its columns (or take the standard
 * set or a saved profile), see what would change and every rejected row, then take it over. Checking
 * and importing run in the background with a progress bar and can be cancelled; nothing is
 * written until the user confirms, and then all or nothing.
 */
export function ResidentImportDialog({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: (message: string) => void }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [state, setState] = useState<Step>({ step: 'file' });
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [profileName, setProfileName] = useState('');
  const profiles = useQuery({ queryKey: ['residents.import.profiles'], queryFn: () => api('residents.import.profiles', {}), enabled: open });

  const [job, setJob] = usePolledJob(
    (jobId) => api('residents.import.status', { jobId }),
    async (ended) => {
      if (ended.state !== 'done') return;
      if (ended.result) {
        await queryClient.invalidateQueries();
        finish();
        onImported(
          [
            `Melderegister-Auszug übernommen: ${ended.result.added.toLocaleString('de-DE')} neu, ${ended.result.changed.toLocaleString('de-DE')} geändert, ` +
              `${ended.result.unchanged.toLocaleString('de-DE')} unverändert, ${ended.result.gone.toLocaleString('de-DE')} nicht mehr enthalten, ` +
              `${ended.result.rejectedTotal.toLocaleString('de-DE')} abgelehnt.`,
            ...ended.result.warnings.map((w) => `Achtung: ${w}`),
          ].join(' '),
        );
      } else if (ended.preview) {
        setState((s) => (s.step === 'file' ? s : { step: 'preview', inspection: s.inspection, mapping: s.mapping, preview: ended.preview! }));
      }
    },
  );
  const running = job?.state === 'running';

  const finish = () => {
    setState({ step: 'file' });
    setUploaded(null);
    setProfileName('');
    setJob(null);
    load.reset();
    start.reset();
    saveProfile.reset();
    onClose();
  };
  const close = () => {
    if (running) return;
    if (state.step !== 'file') void api('uploads.discard', { uploadId: state.inspection.uploadId }).catch(() => undefined);
    finish();
  };

  const start = useMutation({
    mutationFn: (input: { uploadId: string; mapping: RegisterMapping; commit: boolean }) => api('residents.import.start', input),
    onSuccess: setJob,
  });
  const load = useMutation({
    mutationFn: async (file: File) => {
      setUploaded(0);
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece), setUploaded);
      return api('residents.import.inspect', { uploadId });
    },
    onSuccess: (inspection) => {
      setUploaded(null);
      setState({ step: 'mapping', inspection, mapping: inspection.mapping });
      setProfileName(inspection.profile ?? '');
      // The standard column set needs no mapping: check at once.
      if (inspection.standard) start.mutate({ uploadId: inspection.uploadId, mapping: inspection.mapping, commit: false });
    },
    onError: () => setUploaded(null),
  });
  const saveProfile = useMutation({
    mutationFn: (input: { name: string; mapping: RegisterMapping }) => api('residents.import.profiles.save', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['residents.import.profiles'] }),
  });

  const inspection = state.step === 'file' ? null : state.inspection;
  const mapping = state.step === 'file' ? {} : state.mapping;
  const problems = inspection ? mappingProblems(mapping, inspection.headers) : [];
  const unprotected = inspection ? unmappedProtectingFields(mapping, inspection.headers) : [];
  const setMapping = (next: RegisterMapping) => state.step !== 'file' && setState({ step: 'mapping', inspection: state.inspection, mapping: next });
  const jobError = job?.state === 'failed' ? job.error : null;
  const rejectedOfError = (jobError?.details as { rejected?: Array<{ line: number; message: string }> } | undefined)?.rejected ?? [];

  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Melderegister-Auszug einlesen</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              CSV-Datei (Semikolon oder Komma, UTF-8 oder Windows-1252) oder Excel-Arbeitsmappe (.xlsx). Dateien im Standard-Spaltensatz
              (register_id; surname; … ; conditional_block) werden sofort geprüft; bei anderen Spalten ordnen Sie diese zu und können die
              Zuordnung als Profil speichern. Vor der Übernahme sehen Sie, was sich ändert; übernommen wird alles oder nichts. Personen mit
              Widerspruch, Sperrvermerk, verstorbene und weggezogene erscheinen in keiner Liste.
            </Text>

            {state.step === 'file' && (
              <>
                <UploadButton
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  label="Datei wählen …"
                  onFile={(f) => load.mutate(f)}
                />
                {uploaded !== null && <ProgressBar value={uploaded} aria-label="Datei wird übertragen" />}
                {load.isPending && <Spinner size="small" label={uploaded !== null && uploaded < 1 ? `Datei wird übertragen … ${percent(uploaded)}` : 'Spalten werden gelesen …'} />}
                <ErrorMessage error={load.error} title="Die Datei kann nicht gelesen werden" />
              </>
            )}

            {inspection && (
              <Text>
                „{inspection.fileName}“: {inspection.format === 'xlsx' ? 'Excel-Arbeitsmappe' : `CSV-Datei, Zeichensatz ${inspection.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8'}`}
                {inspection.standard ? ', Standard-Spaltensatz.' : inspection.profile ? `, Zuordnung aus dem Profil „${inspection.profile}“.` : ', eigene Spalten – bitte prüfen Sie die Zuordnung.'}
              </Text>
            )}

            {state.step === 'mapping' && inspection && !inspection.standard && !running && (
              <>
                <div className={styles.profiles}>
                  <Field label="Gespeichertes Profil anwenden">
                    <Select
                      value=""
                      onChange={(_, data) => {
                        const profile = profiles.data?.find((p) => p.name === data.value);
                        if (!profile) return;
                        setProfileName(profile.name);
                        setMapping(Object.fromEntries(inspection.headers.map((h) => [h, profile.mapping[h] ?? null])));
                      }}
                    >
                      <option value="">– Profil wählen –</option>
                      {profiles.data?.map((p) => (
                        <option key={p.name} value={p.name}>
                          {p.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Zuordnung speichern als">
                    <Input value={profileName} onChange={(_, data) => setProfileName(data.value)} placeholder="z. B. Meldebehörde Duisburg" />
                  </Field>
                  <Button
                    disabled={!profileName.trim() || problems.length > 0 || saveProfile.isPending}
                    onClick={() => saveProfile.mutate({ name: profileName.trim(), mapping })}
                  >
                    Profil speichern
                  </Button>
                </div>
                {saveProfile.isSuccess && <Text>Profil „{saveProfile.variables?.name}“ gespeichert.</Text>}
                <ErrorMessage error={saveProfile.error} title="Profil nicht gespeichert" />
                <ColumnMappingTable
                  headers={inspection.headers}
                  sample={inspection.sample}
                  mapping={mapping}
                  fields={REGISTER_FIELDS.map((field) => [field, REGISTER_FIELD_LABELS[field]] as const)}
                  onChange={setMapping}
                  ignoreLabel="– nicht übernehmen –"
                />
                {problems.length > 0 && (
                  <MessageBar intent="error">
                    <MessageBarBody>{problems.join(' ')}</MessageBarBody>
                  </MessageBar>
                )}
                {problems.length === 0 && unprotected.length > 0 && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      Keine Spalte für: {unprotected.map((f) => REGISTER_FIELD_LABELS[f]).join(', ')}. Übernehmen Sie die Datei nur, wenn die
                      Meldebehörde solche Personen schon herausgefiltert hat – sonst könnten sie in Listen und Briefen erscheinen.
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}

            {running && job && (
              <Field
                label={job.commit ? 'Der Auszug wird übernommen …' : 'Die Datei wird geprüft …'}
                hint={`${percent(share(job))} gelesen – Sie können währenddessen weiterarbeiten; gespeichert wird erst am Ende.`}
              >
                <ProgressBar value={share(job)} aria-label={job.commit ? 'Übernahme' : 'Prüfung'} />
              </Field>
            )}
            {job?.state === 'cancelled' && (
              <MessageBar intent="info">
                <MessageBarBody>Abgebrochen – es wurde nichts übernommen.</MessageBarBody>
              </MessageBar>
            )}
            {jobError && (
              <MessageBar intent="error">
                <MessageBarBody>
                  {job?.commit ? 'Nichts übernommen: ' : 'Die Datei kann nicht geprüft werden: '}
                  {jobError.message}
                  {rejectedOfError.length > 0 && (
                    <ul className={styles.rejected}>
                      {rejectedOfError.map((r) => (
                        <li key={r.line}>{r.message}</li>
                      ))}
                    </ul>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
            <ErrorMessage error={start.error} title="Nicht gestartet" />

            {state.step === 'preview' && !running && (
              <>
                <div className={styles.counts} aria-label="Änderungen">
                  <span>neu</span>
                  <strong>{state.preview.added.toLocaleString('de-DE')}</strong>
                  <span>geändert</span>
                  <strong>{state.preview.changed.toLocaleString('de-DE')}</strong>
                  <span>unverändert</span>
                  <strong>{state.preview.unchanged.toLocaleString('de-DE')}</strong>
                  <span>nicht mehr enthalten</span>
                  <strong>{state.preview.gone.toLocaleString('de-DE')}</strong>
                  <span>abgelehnt</span>
                  <strong>{state.preview.rejectedTotal.toLocaleString('de-DE')}</strong>
                </div>
                {state.preview.rejectedTotal > 0 && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      Abgelehnte Zeilen werden nicht übernommen; die betroffenen Personen bleiben, wie sie waren.
                      {state.preview.rejectedTotal > state.preview.rejected.length &&
                        ` Gezeigt werden die ersten ${state.preview.rejected.length.toLocaleString('de-DE')} von ${state.preview.rejectedTotal.toLocaleString('de-DE')}.`}
                      <ul className={styles.rejected} aria-label="Abgelehnte Zeilen">
                        {state.preview.rejected.map((r) => (
                          <li key={r.line}>{r.message}</li>
                        ))}
                      </ul>
                    </MessageBarBody>
                  </MessageBar>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {running && job ? (
              <Button onClick={() => void api('residents.import.cancel', { jobId: job.jobId }).then(setJob)}>Abbrechen</Button>
            ) : (
              <Button onClick={close}>Schließen</Button>
            )}
            {state.step === 'mapping' && !running && (
              <Button
                appearance="primary"
                disabled={problems.length > 0 || start.isPending}
                onClick={() => start.mutate({ uploadId: state.inspection.uploadId, mapping: state.mapping, commit: false })}
              >
                Zeilen prüfen
              </Button>
            )}
            {state.step === 'preview' && !running && (
              <>
                {!state.inspection.standard && (
                  <Button onClick={() => setState({ step: 'mapping', inspection: state.inspection, mapping: state.mapping })}>Zurück zur Zuordnung</Button>
                )}
                <Button
                  appearance="primary"
                  disabled={state.preview.rows === 0 || start.isPending}
                  onClick={() => start.mutate({ uploadId: state.inspection.uploadId, mapping: state.mapping, commit: true })}
                >
                  {`${state.preview.rows.toLocaleString('de-DE')} Zeilen übernehmen`}
                </Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

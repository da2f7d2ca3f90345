import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { MergeInput } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { fileToBase64 } from '../../components/files';
import { UploadButton } from '../../components/UploadButton';
import { useMergeJob } from './use-merge-job';
import { fieldsOf, type OccasionField } from './occasion-fields';
import { OccasionInputs } from './OccasionInputs';
import { useTemplateTexts } from './use-template-texts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '900px' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '200px', overflow: 'auto' },
});

/** Mail merge: one template for a group or search result; progress, cancel, report. */
export function MergePanel({ onShowRegister }: { onShowRegister: () => void }) {
  const styles = useStyles();
  const templates = useQuery({ queryKey: ['templates.list'], queryFn: () => api('templates.list', {}) });
  const signers = useQuery({ queryKey: ['signers.list'], queryFn: () => api('signers.list', {}) });
  const tags = useQuery({ queryKey: ['contacts.tags'], queryFn: () => api('contacts.tags', {}) });
  const [templateId, setTemplateId] = useState('weihnachtsgruss');
  const [source, setSource] = useState<'tag' | 'query' | 'csv'>('tag');
  const [csv, setCsv] = useState<{ fileName: string; contentBase64: string; rows: number } | null>(null);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState('');
  const [includePartner, setIncludePartner] = useState(false);
  const [signerId, setSignerId] = useState<number | null>(null);
  const [occasion, setOccasion] = useState<Partial<Record<OccasionField, string>>>({});
  const [output, setOutput] = useState<'files' | 'combined'>('combined');
  const [job, setJob] = useMergeJob();
  const template = templates.data?.find((t) => t.id === templateId);
  const { subject, setSubject, body, setBody } = useTemplateTexts(template);

  useEffect(() => {
    if (signerId === null && signers.data?.length) setSignerId(signers.data[0].id);
  }, [signers.data, signerId]);

  const start = useMutation({
    mutationFn: (input: MergeInput) => api('letters.merge.start', input),
    onSuccess: setJob,
  });
  const cancel = useMutation({
    mutationFn: () => api('letters.merge.cancel', { jobId: job!.jobId }),
    onSuccess: setJob,
  });

  const recipients: MergeInput['recipients'] | null =
    source === 'tag'
      ? tag
        ? { type: 'tag', tag }
        : null
      : source === 'query'
        ? query.trim()
          ? { type: 'query', query }
          : null
        : csv
          ? { type: 'csv', fileName: csv.fileName, contentBase64: csv.contentBase64 }
          : null;
  const loadCsv = async (file: File) => {
    setCsvError(null);
    try {
      const contentBase64 = await fileToBase64(file);
      const analysis = await api('contacts.import.analyze', { contentBase64, fileName: file.name });
      setCsv({ fileName: file.name, contentBase64, rows: analysis.rowCount });
    } catch (error) {
      setCsv(null);
      setCsvError(error);
    }
  };
  const input: MergeInput | null =
    recipients && signerId ? { templateId, recipients, includePartner, signerId, fields: fieldsOf(occasion, 0), subject, body, output } : null;
  const running = job?.state === 'running';

  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <Field label="Vorlage">
          <Select value={templateId} onChange={(_, d) => setTemplateId(d.value)} disabled={running}>
            {templates.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Unterzeichnet von">
          <Select value={signerId ?? ''} onChange={(_, d) => setSignerId(Number(d.value))} disabled={running}>
            {signers.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}, {s.office}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Empfänger">
        <RadioGroup layout="horizontal" value={source} onChange={(_, d) => setSource(d.value as 'tag' | 'query' | 'csv')}>
          <Radio value="tag" label="eine Gruppe" />
          <Radio value="query" label="ein Suchergebnis" />
          <Radio value="csv" label="eine CSV-Liste" />
        </RadioGroup>
      </Field>
      {source === 'csv' ? (
        <div className={styles.actions}>
          <UploadButton accept=".csv,text/csv" label="CSV-Datei wählen" onFile={(file) => void loadCsv(file)} />
          <span>
            {csv
              ? `„${csv.fileName}“: ${count(csv.rows, 'Zeile', 'Zeilen')} (Spalten wie beim Kontaktimport; die Empfänger werden nicht als Kontakte gespeichert)`
              : 'Spalten wie beim Kontaktimport: Anrede, Titel, Vorname, Nachname, Amt, Straße, PLZ, Ort …'}
          </span>
          <ErrorMessage error={csvError} title="Die Datei kann nicht gelesen werden" />
        </div>
      ) : source === 'tag' ? (
        <Select aria-label="Gruppe" value={tag} onChange={(_, d) => setTag(d.value)} disabled={running}>
          <option value="">– Gruppe wählen –</option>
          {tags.data?.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </Select>
      ) : (
        <Input aria-label="Suche" placeholder="wie in der Kontaktsuche, z. B. „Vereine Duisburg“" value={query} onChange={(_, d) => setQuery(d.value)} />
      )}
      <Checkbox checked={includePartner} onChange={(_, d) => setIncludePartner(Boolean(d.checked))} label="Paare gemeinsam anschreiben" />
      <OccasionInputs subject={subject} body={body} values={occasion} onChange={setOccasion} />
      <Field label="Betreff">
        <Input value={subject} onChange={(_, d) => setSubject(d.value)} />
      </Field>
      <Field label="Brieftext">
        <Textarea value={body} onChange={(_, d) => setBody(d.value)} rows={8} resize="vertical" />
      </Field>
      <Field label="Ausgabe">
        <RadioGroup layout="horizontal" value={output} onChange={(_, d) => setOutput(d.value as 'files' | 'combined')}>
          <Radio value="combined" label="eine Druckdatei (ein Brief je Abschnitt)" />
          <Radio value="files" label="eine Datei je Empfänger" />
        </RadioGroup>
      </Field>
      <ErrorMessage error={start.error} title="Der Serienbrief wurde nicht gestartet" />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!input || running || start.isPending} onClick={() => input && start.mutate(input)}>
          Serienbrief erstellen
        </Button>
        {running && <Button onClick={() => cancel.mutate()}>Abbrechen</Button>}
      </div>
      {job && (
        <>
          <Field
            label={`${job.done} von ${count(job.total, 'Empfänger', 'Empfängern')} bearbeitet`}
            validationState={job.state === 'failed' ? 'error' : 'none'}
          >
            <ProgressBar value={job.total ? job.done / job.total : 0} />
          </Field>
          {job.state !== 'running' && (
            <MessageBar intent={job.state === 'done' ? (job.problems.length ? 'warning' : 'success') : 'error'} role="status">
              <MessageBarBody>
                <MessageBarTitle>
                  {job.state === 'done'
                    ? `${count(job.letterIds.length, 'Brief', 'Briefe')} erstellt`
                    : job.state === 'cancelled'
                      ? 'Abgebrochen – es wurde nichts gespeichert.'
                      : 'Fehlgeschlagen'}
                </MessageBarTitle>
                {job.error}
                {job.combinedFile && ` Druckdatei: ${job.combinedFile}`}
                {!job.combinedFile && job.folder && ` Ordner: ${job.folder}`}
              </MessageBarBody>
              {job.state === 'done' && <Button onClick={onShowRegister}>Zum Postausgang</Button>}
            </MessageBar>
          )}
          {job.problems.length > 0 && (
            <>
              <strong>{count(job.problems.length, 'Empfänger', 'Empfänger')} ohne Brief (bitte Daten ergänzen):</strong>
              <ul className={styles.problems} aria-label="Nicht erstellte Briefe">
                {job.problems.map((p, i) => (
                  <li key={i}>
                    {p.name}: {p.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </div>
  );
}

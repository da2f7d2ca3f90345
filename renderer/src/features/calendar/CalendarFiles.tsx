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
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowUploadRegular, DismissRegular, DocumentRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarInfo } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64, uploadInPieces } from '../../components/files';
import { germanDate } from '../../components/format';
import { UploadButton } from '../../components/UploadButton';
import { calendarLabel } from './labels';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type ImportResult = { calendar: string; created: number; updated: number; unchanged: number; problems: string[] };

/**
 * The calendar's files: the Tagesmappe (Word) of the day shown for one person, a person's calendar
 * as .ics for Outlook, and an .ics file into a person's calendar.
 */
export function CalendarFiles({
  calendars,
  visible,
  date,
  defaultCalendarId,
}: {
  calendars: CalendarInfo[];
  /** The calendars shown: with exactly one, the Tagesmappe is that person's. */
  visible: CalendarInfo[];
  /** The day shown (day view) or chosen (week, month): yyyy-mm-dd. */
  date: string | null;
  defaultCalendarId: number | null;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportResult | null>(null);

  const dayBriefing = useMutation({
    mutationFn: async (calendarId: number) => {
      const file = await api('calendar.briefing', { calendarId, date: date! });
      downloadBase64(file.fileName, file.contentBase64);
    },
  });
  const exportIcs = useMutation({
    mutationFn: async (calendarId: number) => {
      const file = await api('calendar.ics.export', { calendarId });
      downloadBase64(file.fileName, file.contentBase64, 'text/calendar');
    },
  });

  const people = visible.length ? visible : calendars;
  const dayLabel = date ? `Tagesmappe (Word) ${germanDate(date)}` : 'Tagesmappe (Word)';

  return (
    <div className={styles.root}>
      <div className={styles.bar} role="group" aria-label="Dateien">
        {people.length === 1 ? (
          <Button
            icon={<DocumentRegular />}
            disabled={!date || dayBriefing.isPending}
            onClick={() => dayBriefing.mutate(people[0].id)}
            title={`Tagesmappe von ${calendarLabel(people[0])}`}
          >
            {dayLabel}
          </Button>
        ) : (
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button icon={<DocumentRegular />} disabled={!date || dayBriefing.isPending}>
                {dayLabel}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList aria-label="Tagesmappe für">
                {people.map((c) => (
                  <MenuItem key={c.id} onClick={() => dayBriefing.mutate(c.id)}>
                    {calendarLabel(c)}
                  </MenuItem>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        )}
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<ArrowDownloadRegular />} disabled={!calendars.length || exportIcs.isPending}>
              Kalender exportieren (.ics)
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList aria-label="Kalender exportieren">
              {calendars.map((c) => (
                <MenuItem key={c.id} onClick={() => exportIcs.mutate(c.id)}>
                  {calendarLabel(c)}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button icon={<ArrowUploadRegular />} disabled={!calendars.length} onClick={() => setImporting(true)}>
          .ics importieren …
        </Button>
        {(dayBriefing.isPending || exportIcs.isPending) && <Spinner size="tiny" label="Die Datei wird erstellt …" />}
      </div>

      <ErrorMessage error={dayBriefing.error} title="Tagesmappe nicht erstellt" />
      <ErrorMessage error={exportIcs.error} title="Kalender nicht exportiert" />
      {imported && (
        <MessageBar layout="multiline" intent={imported.problems.length ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            <MessageBarTitle>Import in den Kalender von {imported.calendar}</MessageBarTitle>
            {imported.created} neu, {imported.updated} aktualisiert, {imported.unchanged} unverändert
            {imported.problems.length > 0 && (
              <ul className={styles.list} aria-label="Probleme beim Import">
                {imported.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Hinweis schließen" icon={<DismissRegular />} onClick={() => setImported(null)} />}
          />
        </MessageBar>
      )}

      {importing && (
        <IcsImportDialog
          calendars={calendars}
          defaultCalendarId={defaultCalendarId}
          onClose={() => setImporting(false)}
          onImported={async (result) => {
            setImporting(false);
            setImported(result);
            await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
            await queryClient.invalidateQueries({ queryKey: ['calendar.appointments.get'] });
          }}
        />
      )}
    </div>
  );
}

/** First the person whose calendar receives the appointments, then the file. */
function IcsImportDialog({
  calendars,
  defaultCalendarId,
  onClose,
  onImported,
}: {
  calendars: CalendarInfo[];
  defaultCalendarId: number | null;
  onClose: () => void;
  onImported: (result: ImportResult) => Promise<void>;
}) {
  const styles = useStyles();
  const [calendarId, setCalendarId] = useState(String(defaultCalendarId ?? calendars[0]?.id ?? ''));
  const [progress, setProgress] = useState(0);
  const run = useMutation({
    mutationFn: async (file: File) => {
      setProgress(0);
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece), setProgress);
      const target = Number(calendarId);
      const result = await api('calendar.ics.import', { uploadId, calendarId: target });
      const calendar = calendars.find((c) => c.id === target);
      return { ...result, calendar: calendar ? calendarLabel(calendar) : '' };
    },
    onSuccess: onImported,
  });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !run.isPending && onClose()}>
      <DialogSurface aria-label=".ics importieren">
        <DialogBody>
          <DialogTitle>.ics importieren</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label="In den Kalender von" required>
              <Select value={calendarId} onChange={(_, d) => setCalendarId(d.value)} disabled={run.isPending}>
                {calendars.map((c) => (
                  <option key={c.id} value={c.id}>
                    {calendarLabel(c)}
                  </option>
                ))}
              </Select>
            </Field>
            <Text className={styles.muted}>
              Termine, die schon einmal importiert wurden (gleiche UID), werden aktualisiert statt doppelt angelegt.
            </Text>
            <div>
              <UploadButton accept=".ics,text/calendar" label="Datei wählen …" onFile={(file) => run.mutate(file)} />
            </div>
            {run.isPending && <Spinner size="small" label={`Wird importiert … ${Math.round(progress * 100)} %`} />}
            <ErrorMessage error={run.error} title="Nicht importiert" />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} disabled={run.isPending}>
              Abbrechen
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

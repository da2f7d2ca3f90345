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
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sameSurname, type CitizenErasureReport } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  content: { display: 'grid', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** "2 Anliegen anonymisiert, 1 Anhang gelöscht …" (only what there was). */
function erasedInWords(report: CitizenErasureReport): string {
  const e = report.erased;
  const parts: Array<[number, string, string]> = [
    [e.requests, 'Anliegen anonymisiert', 'Anliegen anonymisiert'],
    [e.attachments, 'Anhang gelöscht', 'Anhänge gelöscht'],
    [e.eventRegistrations, 'Anmeldung gelöscht', 'Anmeldungen gelöscht'],
    [e.volunteerEnquiries, 'Ehrenamtsanfrage anonymisiert', 'Ehrenamtsanfragen anonymisiert'],
  ];
  const done = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return ['Name, Anschrift und Kontaktdaten gelöscht', ...done].join(', ') + '.';
}

/**
 * DSGVO for one person: export everything stored about her or him (JSON or Word), and erase it
 * all after typing the surname again. Statistics stay (anonymised). Embedded in the request dialog.
 */
export function CitizenPrivacyActions({
  citizenId,
  surname,
  onErased,
}: {
  citizenId: number;
  surname: string;
  onErased?: (report: CitizenErasureReport) => void;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [erased, setErased] = useState<CitizenErasureReport | null>(null);

  const exportData = useMutation({
    mutationFn: async (format: 'json' | 'docx') => {
      const file = await api('privacy.citizen.export', { citizenId, format });
      downloadBase64(file.fileName, file.contentBase64, format === 'json' ? 'application/json' : undefined);
    },
    // The export is recorded as a view of each request.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['privacy.accessLog'] }),
  });
  const erase = useMutation({
    mutationFn: () => api('privacy.citizen.erase', { citizenId, confirm: typed }),
    onSuccess: async (report) => {
      setConfirming(false);
      setTyped('');
      setErased(report);
      await queryClient.invalidateQueries();
      onErased?.(report);
    },
  });
  const close = () => {
    setConfirming(false);
    setTyped('');
    erase.reset();
  };
  const matches = sameSurname(typed, surname);

  if (erased) {
    return (
      <MessageBar intent="success" role="status">
        <MessageBarBody>
          <MessageBarTitle>Daten gelöscht</MessageBarTitle>
          {erasedInWords(erased)}
          {erased.notes.map((note) => (
            <div key={note}>{note}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <div className={styles.root}>
      <div className={styles.bar} role="group" aria-label="Datenschutz">
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<ArrowDownloadRegular />} disabled={exportData.isPending}>
              Daten exportieren
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList aria-label="Daten exportieren als">
              <MenuItem onClick={() => exportData.mutate('json')}>als JSON-Datei</MenuItem>
              <MenuItem onClick={() => exportData.mutate('docx')}>als Word-Datei</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button icon={<DeleteRegular />} onClick={() => setConfirming(true)}>
          Alle Daten löschen…
        </Button>
      </div>
      <ErrorMessage error={exportData.error} title="Nicht exportiert" />

      <Dialog open={confirming} onOpenChange={(_, data) => !data.open && close()} modalType="alert">
        <DialogSurface>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (matches && !erase.isPending) erase.mutate();
            }}
          >
            <DialogBody>
              <DialogTitle>Alle Daten dieser Person löschen?</DialogTitle>
              <DialogContent className={styles.content}>
                <Text>Gelöscht werden endgültig:</Text>
                <ul className={styles.list}>
                  <li>Name, Anschrift, E-Mail-Adresse und Telefonnummer,</li>
                  <li>bei allen ihren Anliegen – auch noch offenen – Betreff, Text, Ort, Stellungnahme, Notizen und Anhänge,</li>
                  <li>ihre Anmeldungen zu Bürgergesprächen und Bürgerspaziergängen,</li>
                  <li>ihre Angaben in Anfragen zum Ehrenamt.</li>
                </ul>
                <Text>
                  Die Statistik (Art, Eingangsweg, Kategorie, Stadtbezirk, Daten, Stand) bleibt anonymisiert erhalten. Wünscht die Person eine Auskunft, die
                  Daten vorher exportieren.
                </Text>
                <Field
                  label={`Zur Bestätigung den Nachnamen eingeben: ${surname}`}
                  required
                  validationState={typed.trim() && !matches ? 'warning' : 'none'}
                  validationMessage={typed.trim() && !matches ? 'Der Nachname stimmt noch nicht überein.' : undefined}
                >
                  <Input value={typed} onChange={(_, data) => setTyped(data.value)} autoComplete="off" />
                </Field>
                <ErrorMessage error={erase.error} title="Nicht gelöscht" />
              </DialogContent>
              <DialogActions>
                <Button onClick={close}>Abbrechen</Button>
                <Button appearance="primary" type="submit" disabled={!matches || erase.isPending}>
                  Endgültig löschen
                </Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

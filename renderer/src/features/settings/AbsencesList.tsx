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
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Output } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AbsenceDialog } from './AbsenceDialog';
import { germanSpan } from './carpool-dates';
import type { Driver, Vehicle } from './carpool-items';
import { CarpoolTable } from './CarpoolTable';
import { useSectionStyles } from './section-styles';

type Absence = Output<'carpool.absences'>[number];

const useStyles = makeStyles({
  empty: { margin: 0, color: tokens.colorNeutralForeground3 },
});

/** Who or which car an absence is about: "Sevgi Aydın" / "Dienstwagen 2 (DU-OB 2)". */
function whoOf(absence: Absence, drivers: Driver[], vehicles: Vehicle[]): string {
  if (absence.driverId !== null) return drivers.find((d) => d.id === absence.driverId)?.name ?? `Fahrer/in Nr. ${absence.driverId}`;
  const vehicle = vehicles.find((v) => v.id === absence.vehicleId);
  if (!vehicle) return `Fahrzeug Nr. ${absence.vehicleId}`;
  return vehicle.plate ? `${vehicle.name} (${vehicle.plate})` : vehicle.name;
}

/** When a driver or a car is not available; an appointment during such a time is refused. */
export function AbsencesList({ drivers, vehicles }: { drivers: Driver[]; vehicles: Vehicle[] }) {
  const styles = useStyles();
  const section = useSectionStyles();
  const queryClient = useQueryClient();
  const absences = useQuery({ queryKey: ['carpool.absences'], queryFn: () => api('carpool.absences', {}) });
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<{ id: number; text: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (id: number) => api('carpool.absences.delete', { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['carpool.absences'] });
      setNotice(`Abwesenheit gelöscht: ${deleting?.text ?? ''}`);
      setDeleting(null);
    },
  });
  const closeDelete = () => {
    remove.reset();
    setDeleting(null);
  };
  const list = absences.data ?? [];
  const rows = list.map((a) => ({ id: a.id, who: whoOf(a, drivers, vehicles), span: germanSpan(a.from, a.to), reason: a.reason }));

  return (
    <>
      <h3 className={section.subheading}>Abwesenheiten (Urlaub, Werkstatt)</h3>
      <p style={{ margin: 0 }}>Während einer Abwesenheit kann die Fahrerin bzw. der Fahrer oder das Fahrzeug keinem Termin zugeteilt werden.</p>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={absences.error} title="Abwesenheiten nicht geladen" />
      {absences.data && list.length === 0 ? (
        <p className={styles.empty}>Keine Abwesenheiten eingetragen.</p>
      ) : (
        <CarpoolTable
          label="Abwesenheiten"
          items={rows}
          columns={[
            { header: 'Fahrer/in bzw. Fahrzeug', cell: (a) => a.who },
            { header: 'Zeitraum', cell: (a) => a.span },
            { header: 'Grund', cell: (a) => a.reason },
          ]}
          actions={(a) => (
            <Button size="small" aria-label={`Abwesenheit ${a.who}, ${a.span} löschen`} onClick={() => setDeleting({ id: a.id, text: `${a.who}, ${a.span}` })}>
              Löschen …
            </Button>
          )}
        />
      )}
      <div className={section.actions}>
        <Button onClick={() => setAdding(true)}>Abwesenheit eintragen …</Button>
      </div>

      <AbsenceDialog
        open={adding}
        drivers={drivers}
        vehicles={vehicles}
        onClose={() => setAdding(false)}
        onSaved={(text) => {
          setAdding(false);
          setNotice(text);
        }}
      />
      <Dialog open={deleting !== null} onOpenChange={(_, data) => !data.open && closeDelete()} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Abwesenheit löschen?</DialogTitle>
            <DialogContent>
              Die Abwesenheit „{deleting?.text}“ wird gelöscht; in dieser Zeit kann dann wieder eingeteilt werden.
              <ErrorMessage error={remove.error} title="Nicht gelöscht" />
            </DialogContent>
            <DialogActions>
              <Button onClick={closeDelete}>Abbrechen</Button>
              <Button appearance="primary" disabled={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id)}>
                Löschen
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

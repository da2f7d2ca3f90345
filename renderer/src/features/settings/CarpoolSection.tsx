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
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { berlinNow, isComplete } from '../calendar/wall-clock';
import { AbsencesList } from './AbsencesList';
import { DRIVER_KIND, VEHICLE_KIND, type Driver, type Vehicle } from './carpool-items';
import { CarpoolItemDialog } from './CarpoolItemDialog';
import { CarpoolTable, type CarpoolColumn } from './CarpoolTable';
import { useSectionStyles } from './section-styles';
import { DateInput } from '../../components/DateInputs';

const useStyles = makeStyles({
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  content: { display: 'grid', gap: tokens.spacingVerticalM },
});

/** The last columns of drivers and cars alike. */
const ACTIVE_AND_NOTES: ReadonlyArray<CarpoolColumn<Driver | Vehicle>> = [
  { header: 'Aktiv', cell: (item) => (item.active ? 'ja' : 'nein (deaktiviert)') },
  { header: 'Notizen', cell: (item) => item.notes, multiline: true },
];

/**
 * The car pool: drivers and cars (deactivated rather than deleted, so earlier appointments
 * keep them) and when one of them is not available.
 */
export function CarpoolSection() {
  const styles = useStyles();
  const section = useSectionStyles();
  const drivers = useQuery({ queryKey: ['carpool.drivers'], queryFn: () => api('carpool.drivers', {}) });
  const vehicles = useQuery({ queryKey: ['carpool.vehicles'], queryFn: () => api('carpool.vehicles', {}) });
  const [driver, setDriver] = useState<Driver | 'new' | null>(null);
  const [vehicle, setVehicle] = useState<Vehicle | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [planFor, setPlanFor] = useState<Driver | null>(null);
  const done = (name: string) => {
    setDriver(null);
    setVehicle(null);
    setSaved(`„${name}“ gespeichert.`);
  };

  return (
    <>
      <Title3 as="h2">Fahrbereitschaft</Title3>
      <p style={{ margin: 0 }}>
        Fahrer/innen und Dienstwagen werden nicht gelöscht, sondern deaktiviert: Frühere Termine behalten ihre Angaben, neue Termine
        bieten nur aktive an.
      </p>
      {saved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={drivers.error ?? vehicles.error} title="Fahrbereitschaft nicht geladen" />

      <h3 className={section.subheading}>Fahrer/innen</h3>
      <CarpoolTable
        label="Fahrer/innen"
        items={drivers.data}
        columns={[
          { header: 'Name', cell: (d) => d.name },
          { header: 'Telefon', cell: (d) => d.phone },
          ...ACTIVE_AND_NOTES,
        ]}
        actions={(d) => (
          <div className={styles.buttons}>
            <Button size="small" onClick={() => setDriver(d)} aria-label={`${d.name} bearbeiten`}>
              Bearbeiten …
            </Button>
            <Button size="small" onClick={() => setPlanFor(d)} aria-label={`Tagesplan (Word) für ${d.name} …`}>
              Tagesplan (Word) …
            </Button>
          </div>
        )}
      />
      <div className={section.actions}>
        <Button onClick={() => setDriver('new')}>Fahrer/in hinzufügen …</Button>
      </div>

      <h3 className={section.subheading}>Fahrzeuge</h3>
      <CarpoolTable
        label="Fahrzeuge"
        items={vehicles.data}
        columns={[
          { header: 'Bezeichnung', cell: (v) => v.name },
          { header: 'Kennzeichen', cell: (v) => v.plate },
          { header: 'Sitzplätze', cell: (v) => v.seats },
          ...ACTIVE_AND_NOTES,
        ]}
        actions={(v) => (
          <Button size="small" onClick={() => setVehicle(v)} aria-label={`${v.name} bearbeiten`}>
            Bearbeiten …
          </Button>
        )}
      />
      <div className={section.actions}>
        <Button onClick={() => setVehicle('new')}>Fahrzeug hinzufügen …</Button>
      </div>

      <AbsencesList drivers={drivers.data ?? []} vehicles={vehicles.data ?? []} />

      <CarpoolItemDialog kind={DRIVER_KIND} target={driver} onClose={() => setDriver(null)} onSaved={done} />
      <CarpoolItemDialog kind={VEHICLE_KIND} target={vehicle} onClose={() => setVehicle(null)} onSaved={done} />
      {planFor && <DayPlanDialog key={planFor.id} driver={planFor} onClose={() => setPlanFor(null)} />}
    </>
  );
}

/** A driver's day as a Word document (the trips with times, places and contacts): which day? */
function DayPlanDialog({ driver, onClose }: { driver: Driver; onClose: () => void }) {
  const styles = useStyles();
  const [date, setDate] = useState(() => berlinNow().slice(0, 10));
  const plan = useMutation({
    mutationFn: async () => {
      const file = await api('carpool.dayPlan', { driverId: driver.id, date });
      downloadBase64(file.fileName, file.contentBase64);
    },
    onSuccess: onClose,
  });
  const valid = isComplete(date, true);
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-label="Tagesplan">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) plan.mutate();
          }}
        >
          <DialogBody>
            <DialogTitle>Tagesplan für {driver.name}</DialogTitle>
            <DialogContent className={styles.content}>
              <DateInput label="Tag" required value={date} onChange={setDate} error={valid ? undefined : 'Bitte einen Tag angeben.'} />
              <ErrorMessage error={plan.error} title="Tagesplan nicht erstellt" />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>Abbrechen</Button>
              <Button appearance="primary" type="submit" disabled={!valid || plan.isPending}>
                {plan.isPending ? 'Wird erstellt …' : 'Herunterladen'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

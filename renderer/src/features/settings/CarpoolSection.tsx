import { useState } from 'react';
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { AbsencesList } from './AbsencesList';
import { DriverDialog, type Driver } from './DriverDialog';
import { VehicleDialog, type Vehicle } from './VehicleDialog';
import { useSectionStyles } from './section-styles';

const useStyles = makeStyles({
  inactive: { color: tokens.colorNeutralForeground3 },
  notes: { whiteSpace: 'pre-line' },
});

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
  const done = (name: string) => {
    setDriver(null);
    setVehicle(null);
    setSaved(`„${name}“ gespeichert.`);
  };
  const state = (active: boolean) => (active ? 'ja' : 'nein (deaktiviert)');

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
      <Table size="small" aria-label="Fahrer/innen">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Telefon</TableHeaderCell>
            <TableHeaderCell>Aktiv</TableHeaderCell>
            <TableHeaderCell>Notizen</TableHeaderCell>
            <TableHeaderCell>
              <span className={section.visuallyHidden}>Aktionen</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {drivers.data?.map((d) => (
            <TableRow key={d.id} className={d.active ? undefined : styles.inactive}>
              <TableCell>{d.name}</TableCell>
              <TableCell>{d.phone}</TableCell>
              <TableCell>{state(d.active)}</TableCell>
              <TableCell className={styles.notes}>{d.notes}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setDriver(d)} aria-label={`${d.name} bearbeiten`}>
                  Bearbeiten …
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={section.actions}>
        <Button onClick={() => setDriver('new')}>Fahrer/in hinzufügen …</Button>
      </div>

      <h3 className={section.subheading}>Fahrzeuge</h3>
      <Table size="small" aria-label="Fahrzeuge">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Bezeichnung</TableHeaderCell>
            <TableHeaderCell>Kennzeichen</TableHeaderCell>
            <TableHeaderCell>Sitzplätze</TableHeaderCell>
            <TableHeaderCell>Aktiv</TableHeaderCell>
            <TableHeaderCell>Notizen</TableHeaderCell>
            <TableHeaderCell>
              <span className={section.visuallyHidden}>Aktionen</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {vehicles.data?.map((v) => (
            <TableRow key={v.id} className={v.active ? undefined : styles.inactive}>
              <TableCell>{v.name}</TableCell>
              <TableCell>{v.plate}</TableCell>
              <TableCell>{v.seats}</TableCell>
              <TableCell>{state(v.active)}</TableCell>
              <TableCell className={styles.notes}>{v.notes}</TableCell>
              <TableCell>
                <Button size="small" onClick={() => setVehicle(v)} aria-label={`${v.name} bearbeiten`}>
                  Bearbeiten …
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={section.actions}>
        <Button onClick={() => setVehicle('new')}>Fahrzeug hinzufügen …</Button>
      </div>

      <AbsencesList drivers={drivers.data ?? []} vehicles={vehicles.data ?? []} />

      <DriverDialog target={driver} onClose={() => setDriver(null)} onSaved={done} />
      <VehicleDialog target={vehicle} onClose={() => setVehicle(null)} onSaved={done} />
    </>
  );
}

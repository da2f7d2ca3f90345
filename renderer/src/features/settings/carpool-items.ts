import type { InputProps } from '@fluentui/react-components';
import type { Path } from 'react-hook-form';
import type { Output } from '../../../../core/api';
import { api } from '../../api/client';

export type Driver = Output<'carpool.drivers'>[number];
export type Vehicle = Output<'carpool.vehicles'>[number];

/** What every car-pool item's form has: a name, whether it can be assigned, notes. */
export interface CarpoolItemForm {
  name: string;
  active: boolean;
  notes: string;
}

/** One input of the dialog; the form's own field of that name. */
export interface CarpoolField<F extends CarpoolItemForm> {
  name: Path<F>;
  label: string;
  input: 'text' | 'checkbox' | 'textarea';
  required?: boolean;
  type?: InputProps['type'];
  placeholder?: string;
}

/** What the add/edit dialog needs to know about one kind of item (a driver, a car). */
export interface CarpoolItemKind<Item extends { id: number }, F extends CarpoolItemForm> {
  /** "Fahrer/in" → "Fahrer/in hinzufügen" / "Fahrer/in bearbeiten". */
  noun: string;
  /** The list query to refresh after saving. */
  listKey: 'carpool.drivers' | 'carpool.vehicles';
  /** The inputs top to bottom; two in a row stand side by side. */
  fields: ReadonlyArray<CarpoolField<F> | readonly [CarpoolField<F>, CarpoolField<F>]>;
  empty: F;
  toForm: (item: Item) => F;
  save: (form: F, id: number | undefined) => Promise<{ name: string }>;
}

interface DriverForm extends CarpoolItemForm {
  phone: string;
}

/** A driver; one who leaves is deactivated (earlier appointments keep the name). */
export const DRIVER_KIND: CarpoolItemKind<Driver, DriverForm> = {
  noun: 'Fahrer/in',
  listKey: 'carpool.drivers',
  fields: [
    { name: 'name', label: 'Name', input: 'text', required: true },
    { name: 'phone', label: 'Telefon', input: 'text', type: 'tel' },
    { name: 'active', label: 'aktiv (kann eingeteilt werden)', input: 'checkbox' },
    { name: 'notes', label: 'Notizen', input: 'textarea' },
  ],
  empty: { name: '', phone: '', active: true, notes: '' },
  toForm: (d) => ({ name: d.name, phone: d.phone, active: d.active, notes: d.notes }),
  save: (form, id) => api('carpool.drivers.save', { ...form, id }),
};

/** The form keeps the seats as typed; "" is sent as "no number" and refused by the contract. */
interface VehicleForm extends CarpoolItemForm {
  plate: string;
  seats: string;
}

/** A car; one that is sold is deactivated (earlier appointments keep it). */
export const VEHICLE_KIND: CarpoolItemKind<Vehicle, VehicleForm> = {
  noun: 'Fahrzeug',
  listKey: 'carpool.vehicles',
  fields: [
    { name: 'name', label: 'Bezeichnung', input: 'text', required: true, placeholder: 'z. B. Dienstwagen 3' },
    [
      { name: 'plate', label: 'Kennzeichen', input: 'text', placeholder: 'DU-OB 3' },
      { name: 'seats', label: 'Sitzplätze', input: 'text', type: 'number' },
    ],
    { name: 'active', label: 'aktiv (kann eingeteilt werden)', input: 'checkbox' },
    { name: 'notes', label: 'Notizen', input: 'textarea' },
  ],
  empty: { name: '', plate: '', seats: '4', active: true, notes: '' },
  toForm: (v) => ({ name: v.name, plate: v.plate, seats: String(v.seats), active: v.active, notes: v.notes }),
  save: (form, id) => api('carpool.vehicles.save', { ...form, seats: form.seats.trim() === '' ? Number.NaN : Number(form.seats), id }),
};

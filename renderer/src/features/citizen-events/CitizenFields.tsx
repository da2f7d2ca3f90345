import type { Control, FieldPath } from 'react-hook-form';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Citizen, CitizenInput } from '../../../../core/api';
import { SelectField, TextField } from '../../components/form-fields';

/** A person of the citizen dialogue as the forms hold it (all text). */
export interface CitizenFormValues {
  id: number | null;
  gender: 'female' | 'male' | 'diverse' | 'unknown';
  degrees: string;
  givenName: string;
  surname: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  email: string;
  phone: string;
}

export const GENDER_LABELS: Record<CitizenFormValues['gender'], string> = {
  female: 'Frau',
  male: 'Herr',
  diverse: 'divers',
  unknown: 'keine Angabe',
};

export function emptyCitizen(city = 'Duisburg'): CitizenFormValues {
  return { id: null, gender: 'unknown', degrees: '', givenName: '', surname: '', street: '', houseNumber: '', postcode: '', city, email: '', phone: '' };
}

export function citizenFormValues(citizen: Citizen | null): CitizenFormValues {
  if (!citizen) return emptyCitizen();
  const { displayName: _displayName, ...values } = citizen;
  return values;
}

export function citizenInputOf({ id, ...values }: CitizenFormValues): CitizenInput {
  return id !== null ? { id, ...values } : values;
}

/** "Brückenstraße 12, 47053 Duisburg · m.q@example.org · 0203 …" */
export function citizenReach(citizen: Citizen): string {
  const address = [`${citizen.street} ${citizen.houseNumber}`.trim(), `${citizen.postcode} ${citizen.city}`.trim()].filter(Boolean).join(', ');
  return [address, citizen.email, citizen.phone].filter(Boolean).join(' · ');
}

const useStyles = makeStyles({
  // Wide enough for four fields in a dialog; narrower, they wrap two by two.
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    // Fluent's inputs are as wide as 20 characters unless told otherwise.
    '& .fui-Input, & .fui-Select': { minWidth: 0 },
    '& input': { minWidth: 0, width: '100%' },
  },
  name: { gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 0.8fr) minmax(0, 0.7fr) minmax(0, 1.4fr) minmax(0, 1.4fr)' } },
  address: { gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 0.8fr) minmax(0, 0.8fr) minmax(0, 1.6fr)' } },
  reach: { gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' },
});

/**
 * The person's name, address and how to reach them, for any form whose values hold them under
 * `citizen` (registration for a talk, a volunteering enquiry).
 */
export function CitizenFields<T extends { citizen: CitizenFormValues }>({ control }: { control: Control<T> }) {
  const styles = useStyles();
  const name = (field: keyof CitizenFormValues) => `citizen.${field}` as FieldPath<T>;
  return (
    <>
      <div className={`${styles.row} ${styles.name}`}>
        <SelectField control={control} name={name('gender')} label="Anrede">
          {Object.entries(GENDER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField control={control} name={name('degrees')} label="Titel" />
        <TextField control={control} name={name('givenName')} label="Vorname" />
        <TextField control={control} name={name('surname')} label="Nachname" required />
      </div>
      <div className={`${styles.row} ${styles.address}`}>
        <TextField control={control} name={name('street')} label="Straße" />
        <TextField control={control} name={name('houseNumber')} label="Hausnummer" />
        <TextField control={control} name={name('postcode')} label="PLZ" />
        <TextField control={control} name={name('city')} label="Ort" />
      </div>
      <div className={`${styles.row} ${styles.reach}`}>
        <TextField control={control} name={name('email')} label="E-Mail" type="email" />
        <TextField control={control} name={name('phone')} label="Telefon" type="tel" />
      </div>
    </>
  );
}

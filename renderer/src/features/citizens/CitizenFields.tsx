import { useEffect, useState } from 'react';
import { useWatch, type Control, type FieldPath, type PathValue, type UseFormSetValue } from 'react-hook-form';
import { Button, Combobox, Field, makeStyles, mergeClasses, Option, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/form-fields';
import { citizenFormValues, emptyCitizen, GENDER_LABELS, type CitizenField, type CitizenFormValues } from './citizen-values';

/** Any form that holds a person under `citizen` (a request, a registration, an enquiry). */
type WithCitizen = { citizen: CitizenFormValues };

const useStyles = makeStyles({
  // Four fields side by side in a dialog (or its left column); in a narrow window two by two.
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    // Fluent's inputs are as wide as 20 characters unless told otherwise; here they take their column's.
    '& .fui-Input, & .fui-Select': { minWidth: 0 },
    '& input': { minWidth: 0, width: '100%' },
    '@media (max-width: 640px)': { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  },
  // The salutation's column fits „divers (ohne Anrede)“, the title's „z. B. Dr.“.
  name: { gridTemplateColumns: 'minmax(11.5rem, 1.2fr) minmax(5rem, 0.7fr) minmax(0, 1.5fr) minmax(0, 1.5fr)' },
  address: { gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 0.9fr) minmax(0, 1.6fr)' },
  reach: { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
  known: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The person's name, address and how to reach her or him. */
export function CitizenFields<T extends WithCitizen>({ control }: { control: Control<T> }) {
  const styles = useStyles();
  const name = (field: CitizenField) => `citizen.${field}` as FieldPath<T>;
  return (
    <>
      <div className={mergeClasses(styles.row, styles.name)}>
        <SelectField control={control} name={name('gender')} label="Anrede">
          {Object.entries(GENDER_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField control={control} name={name('degrees')} label="Titel" placeholder="z. B. Dr." />
        <TextField control={control} name={name('givenName')} label="Vorname" />
        <TextField control={control} name={name('surname')} label="Nachname" required />
      </div>
      <div className={mergeClasses(styles.row, styles.address)}>
        <TextField control={control} name={name('street')} label="Straße" />
        <TextField control={control} name={name('houseNumber')} label="Hausnummer" />
        <TextField control={control} name={name('postcode')} label="PLZ" />
        <TextField control={control} name={name('city')} label="Ort (Anschrift)" />
      </div>
      <div className={mergeClasses(styles.row, styles.reach)}>
        <TextField control={control} name={name('email')} label="E-Mail" type="email" />
        <TextField control={control} name={name('phone')} label="Telefon" type="tel" />
      </div>
    </>
  );
}

/**
 * A known person or a new one. While the person is new: the search among the citizens already
 * recorded (picking one fills in her or his data, so the same citizen is not recorded twice).
 * Once a known person is chosen: a note that changes apply everywhere she or he is recorded, and
 * – unless `canEnterNew` is false – the way back to a new person.
 */
export function KnownCitizen<T extends WithCitizen>({
  control,
  setValue,
  canEnterNew = true,
}: {
  control: Control<T>;
  setValue: UseFormSetValue<T>;
  canEnterNew?: boolean;
}) {
  const styles = useStyles();
  const knownId = useWatch({ control, name: 'citizen.id' as FieldPath<T> }) as CitizenFormValues['id'];
  const surname = useWatch({ control, name: 'citizen.surname' as FieldPath<T> }) as string;
  const setCitizen = (values: CitizenFormValues) => setValue('citizen' as FieldPath<T>, values as PathValue<T, FieldPath<T>>, { shouldDirty: true });
  if (knownId === null) {
    return <CitizenSearch hint={surname ? undefined : 'Name oder E-Mail-Adresse; sonst unten eine neue Person eintragen.'} onPick={setCitizen} />;
  }
  return (
    <div className={styles.known}>
      <Text>Bekannte Person: Änderungen an Anschrift und Kontakt gelten auch für ihre anderen Anliegen, Anmeldungen und Anfragen.</Text>
      {canEnterNew && (
        <Button size="small" onClick={() => setCitizen(emptyCitizen())}>
          Stattdessen neue Person erfassen
        </Button>
      )}
    </div>
  );
}

/** Type a name or an e-mail address; picking a known citizen hands over her or his data. */
export function CitizenSearch({ hint, onPick }: { hint?: string; onPick: (values: CitizenFormValues) => void }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useQuery({
    queryKey: ['citizens.search', query],
    queryFn: () => api('citizens.search', { text: query }),
    enabled: query.length >= 2,
  });
  const found = query.length >= 2 ? (results.data ?? []) : [];
  return (
    <Field
      label="Bekannte Person suchen"
      hint={hint}
      validationState="none"
      validationMessage={query.length >= 2 && results.data && found.length === 0 ? <span className={styles.muted}>Niemand gefunden – bitte unten neu eintragen.</span> : undefined}
    >
      <Combobox
        freeform
        placeholder="Name oder E-Mail eingeben …"
        value={text}
        onInput={(event) => setText((event.target as HTMLInputElement).value)}
        onOptionSelect={(_, data) => {
          const picked = found.find((c) => String(c.id) === data.optionValue);
          if (picked) onPick(citizenFormValues(picked));
          setText('');
        }}
      >
        {found.map((c) => (
          <Option key={c.id} value={String(c.id)} text={c.displayName}>
            {[c.displayName, [c.street, c.houseNumber].filter(Boolean).join(' '), c.email].filter(Boolean).join(' · ')}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

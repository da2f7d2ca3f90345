import { useEffect, useState } from 'react';
import { useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { Button, Combobox, Field, makeStyles, Option, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { CheckboxField, SelectField, TextField } from '../../components/form-fields';
import { citizenFormValuesOf, EMPTY_CITIZEN, type RequestFormValues } from './request-form-values';

const useStyles = makeStyles({
  box: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  known: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  address: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 1fr) minmax(0, 1.2fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    // Fluent's inputs have a width of their own; here they take their column's.
    '& > *': { minWidth: 0 },
    '& .fui-Input': { minWidth: 0 },
    '& input': { minWidth: 0, width: '100%' },
  },
});

/**
 * Who sent the request: anonymous, a citizen already known (found by name or e-mail, her or his
 * data can be corrected) or a new one.
 */
export function CitizenFields({ control, setValue }: { control: Control<RequestFormValues>; setValue: UseFormSetValue<RequestFormValues> }) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const anonymous = useWatch({ control, name: 'anonymous' });
  const knownId = useWatch({ control, name: 'citizen.id' });
  const surname = useWatch({ control, name: 'citizen.surname' });
  return (
    <fieldset className={styles.box}>
      <legend className={styles.legend}>Person</legend>
      <CheckboxField control={control} name="anonymous" label="anonym (ohne Angaben zur Person)" />
      {!anonymous && (
        <>
          {knownId !== null ? (
            <div className={styles.known}>
              <Text>
                Bekannte Person: Änderungen an Anschrift und Kontakt gelten auch für ihre anderen Anliegen.
              </Text>
              <Button size="small" onClick={() => setValue('citizen', EMPTY_CITIZEN, { shouldDirty: true })}>
                Stattdessen neue Person erfassen
              </Button>
            </div>
          ) : (
            <CitizenSearch initial={surname} onPick={(c) => setValue('citizen', c, { shouldDirty: true })} />
          )}
          <div className={layout.row}>
            <SelectField control={control} name="citizen.gender" label="Anrede">
              <option value="female">Frau</option>
              <option value="male">Herr</option>
              <option value="diverse">divers (ohne Anrede)</option>
              <option value="unknown">unbekannt</option>
            </SelectField>
            <TextField control={control} name="citizen.degrees" label="Titel" placeholder="z. B. Dr." />
            <TextField control={control} name="citizen.givenName" label="Vorname" />
            <TextField control={control} name="citizen.surname" label="Nachname" required />
          </div>
          <div className={styles.address}>
            <TextField control={control} name="citizen.street" label="Straße" />
            <TextField control={control} name="citizen.houseNumber" label="Hausnr." />
            <TextField control={control} name="citizen.postcode" label="PLZ" />
            <TextField control={control} name="citizen.city" label="Ort (Anschrift)" />
          </div>
          <div className={layout.row}>
            <TextField control={control} name="citizen.email" label="E-Mail" type="email" />
            <TextField control={control} name="citizen.phone" label="Telefon" type="tel" />
          </div>
        </>
      )}
    </fieldset>
  );
}

/** Type a name or an e-mail address; picking a known citizen fills in her or his data. */
function CitizenSearch({ initial, onPick }: { initial: string; onPick: (citizen: ReturnType<typeof citizenFormValuesOf>) => void }) {
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
      hint={initial ? undefined : 'Name oder E-Mail-Adresse; sonst unten eine neue Person eintragen.'}
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
          if (picked) onPick(citizenFormValuesOf(picked));
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

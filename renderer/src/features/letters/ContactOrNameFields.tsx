import { Text, tokens } from '@fluentui/react-components';
import { Controller, useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { RadioField, TextField } from '../../components/form-fields';
import { ContactPicker } from './ContactPicker';

/** A party picked from the contacts (enough to show it) or, without one, `null`. */
export type PickedContact = { id: number; displayName: string } | null;

/**
 * Who writes to the office – an inviter, an organisation asking for a patronage – either picked
 * from the contacts or given by name (then no reply letter can be prepared). Bound to
 * react-hook-form through three fields: the mode ('contact' | 'free'), the contact and the name.
 */
export function ContactOrNameFields<T extends FieldValues>({
  control,
  names,
  question,
  label,
}: {
  control: Control<T>;
  names: { mode: FieldPath<T>; contact: FieldPath<T>; name: FieldPath<T> };
  /** The choice's label, e.g. „Wer lädt ein?“ */
  question: string;
  /** The party's label, e.g. „Einladende/r“: „Einladende/r (Kontakt)“ or „Einladende/r (Name)“. */
  label: string;
}) {
  const mode = useWatch({ control, name: names.mode });
  return (
    <>
      <RadioField
        control={control}
        name={names.mode}
        label={question}
        options={[
          ['contact', 'aus den Kontakten'],
          ['free', 'Name frei eingeben'],
        ]}
      />
      {mode === 'contact' ? (
        <Controller
          control={control}
          name={names.contact}
          rules={{ validate: (v) => (mode !== 'contact' || v ? true : 'Bitte einen Kontakt wählen.') }}
          render={({ field, fieldState }) => (
            <>
              <ContactPicker
                label={`${label} (Kontakt)`}
                value={field.value as PickedContact}
                onChange={(c) => field.onChange(c ? { id: c.id, displayName: c.displayName } : null)}
              />
              {fieldState.error && <Text style={{ color: tokens.colorPaletteRedForeground1 }}>{fieldState.error.message}</Text>}
            </>
          )}
        />
      ) : (
        <TextField control={control} name={names.name} label={`${label} (Name)`} required hint="Ohne Kontakt lässt sich kein Antwortschreiben vorbereiten." />
      )}
    </>
  );
}

/** The API's pair for the fields above: the contact's id, or else the name. */
export function contactOrNameInput(mode: 'contact' | 'free', contact: PickedContact, name: string): { contactId: number | null; name: string } {
  const picked = mode === 'contact' ? contact : null;
  return { contactId: picked?.id ?? null, name: picked ? '' : name };
}

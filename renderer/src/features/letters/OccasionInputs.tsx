import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DateInput } from '../../components/DateInputs';
import { occasionFieldsFor, OCCASION_LABELS, type OccasionField } from './occasion-fields';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(160px, 1fr))', gap: tokens.spacingHorizontalM, '& > *': { minWidth: 0 } },
});

/** The occasion data a letter's subject and body ask for (age, date, occasion …), nothing more. */
export function OccasionInputs({
  subject,
  body,
  values,
  onChange,
}: {
  subject: string;
  body: string;
  values: Partial<Record<OccasionField, string>>;
  onChange: (values: Partial<Record<OccasionField, string>>) => void;
}) {
  const styles = useStyles();
  const fields = occasionFieldsFor(subject, body);
  if (fields.length === 0) return null;
  return (
    <div className={styles.row}>
      {fields.map((field) =>
        field === 'anlassDatum' ? (
          <DateInput key={field} label={OCCASION_LABELS[field]} value={values[field] ?? ''} onChange={(value) => onChange({ ...values, [field]: value })} />
        ) : (
          <Field key={field} label={OCCASION_LABELS[field]}>
            <Input
              type={field === 'alter' || field === 'ehejahre' ? 'number' : 'text'}
              value={values[field] ?? ''}
              onChange={(_, d) => onChange({ ...values, [field]: d.value })}
            />
          </Field>
        ),
      )}
    </div>
  );
}

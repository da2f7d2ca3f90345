import { Field, Select } from '@fluentui/react-components';

/**
 * A register's filter: one of the values of a label map (status, kind, outcome …) or „alle“
 * (the empty value).
 */
export function FilterSelect<V extends string>({
  label,
  value,
  labels,
  onChange,
  className,
}: {
  label: string;
  value: V | '';
  labels: Record<V, string>;
  onChange: (value: V | '') => void;
  className?: string;
}) {
  return (
    <Field label={label} className={className}>
      <Select value={value} onChange={(_, d) => onChange(d.value as V | '')}>
        <option value="">alle</option>
        {(Object.entries(labels) as Array<[V, string]>).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

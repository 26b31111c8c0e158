import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';

/** A labelled choice among a few values: Designsystemet's select in its field, as `Textfield` is for text. */
export function SelectField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [value: string, text: string])[];
}) {
  const id = useId();
  return (
    <Field>
      <Label htmlFor={id}>{props.label}</Label>
      <Select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.options.map(([value, text]) => (
          <Select.Option key={value} value={value}>
            {text}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

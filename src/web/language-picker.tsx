import { ToggleGroup } from '@digdir/designsystemet-react';
import type { Language } from '../domain/language.ts';

const NAMES: Record<Language, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

export function LanguagePicker(props: {
  language: Language;
  onChange: (l: Language) => void;
  label: string;
}) {
  return (
    <ToggleGroup
      data-size="sm"
      aria-label={props.label}
      value={props.language}
      onChange={(value) => props.onChange(value as Language)}
    >
      {(Object.keys(NAMES) as Language[]).map((l) => (
        <ToggleGroup.Item key={l} value={l} lang={l}>
          {NAMES[l]}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup>
  );
}

/** The language the user chose last in this browser; bokmål unless nynorsk or English. */
export const storedLanguage = (): Language => {
  const value = localStorage.getItem('kostra-language');
  return value === 'nn' || value === 'en' ? value : 'nb';
};

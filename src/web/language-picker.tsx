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
      onChange={(value) => {
        // Only a pick is remembered: a page that opened in its unit's language leaves the choice open.
        rememberLanguage(value as Language);
        props.onChange(value as Language);
      }}
    >
      {(Object.keys(NAMES) as Language[]).map((l) => (
        <ToggleGroup.Item key={l} value={l} lang={l}>
          {NAMES[l]}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup>
  );
}

const KEY = 'kostra-language';

/** The language the user chose in this browser, if they chose one. */
export const chosenLanguage = (): Language | undefined => {
  const value = localStorage.getItem(KEY);
  return value === 'nb' || value === 'nn' || value === 'en' ? value : undefined;
};

/** The language the user chose last in this browser; bokmål unless nynorsk or English. */
export const storedLanguage = (): Language => chosenLanguage() ?? 'nb';

/** Keeps a language the user picked, for the next page they open in this browser. */
export const rememberLanguage = (language: Language): void => localStorage.setItem(KEY, language);

import './language-switch.css';
import { LOCALE_NAMES, LOCALES, locale, switchLocale, type Locale } from '../i18n/locale';

// Labelled in all four languages at once: someone who cannot read the page's language must still find
// the switch. Each option is its language's own name, marked with its `lang` for screen readers.
const LABEL = 'Language · Sprache · Langue · Lingua';

/** The language switch in the header (issue 6 §7); choosing reloads the page in that language. */
export function LanguageSwitch() {
  return (
    <label className="language-switch">
      <span className="visually-hidden">{LABEL}</span>
      <select
        value={locale}
        data-testid="language-switch"
        title={LABEL}
        onChange={(e) => switchLocale(e.target.value as Locale)}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

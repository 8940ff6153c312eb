import { en } from './en';
import { localise } from './localise';
import { uiDe } from './ui-de';
import { uiFr } from './ui-fr';
import { uiIt } from './ui-it';

/** The UI's shared text (en.ts) in the page's language. */
export const ui = localise(en, { de: uiDe, fr: uiFr, it: uiIt });

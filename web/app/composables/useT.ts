import { en } from '~/locales/en';

/** The strings of the current locale (English only for now). */
export function useT() {
  return en;
}

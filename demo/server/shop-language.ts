/**
 * The shop's language switch: the shopper's choice, kept in a cookie, becomes the page's
 * `<html lang>` (and `dir`), which `<pay-card-fields>` follows (its `locale` is `auto`) in every
 * checkout, React and Vue included. The shop's own copy stays English except the card form's
 * labels: the switch is there to show the fields in other languages and right to left.
 */
import type { FastifyRequest } from 'fastify';

export const SHOP_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;
export type ShopLanguage = (typeof SHOP_LANGUAGES)[number];

export const LANGUAGE_COOKIE = 'shop_lang';

export function findLanguage(code: unknown): ShopLanguage | undefined {
  return SHOP_LANGUAGES.find((language) => language.code === code);
}

/** The language from the cookie; English without one. */
export function shopLanguage(request: FastifyRequest): ShopLanguage {
  const cookies = request.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([a-z]{2})(?:;|$)`).exec(cookies);
  return findLanguage(match?.[1]) ?? SHOP_LANGUAGES[0];
}

/** Where the switch sends the shopper back to: a path of this shop, never another site. */
export function backPath(back: unknown): string {
  return typeof back === 'string' && /^\/(?![/\\])/.test(back) ? back : '/';
}

/** The card form's labels, in the languages of the switch. */
const CARD_LABELS = {
  en: { card: 'Card', number: 'Card number', expiry: 'Expiry', cvc: 'CVC', name: 'Name on card' },
  fr: {
    card: 'Carte',
    number: 'Numéro de carte',
    expiry: 'Date d’expiration',
    cvc: 'CVC',
    name: 'Nom figurant sur la carte',
  },
  ar: {
    card: 'البطاقة',
    number: 'رقم البطاقة',
    expiry: 'تاريخ الانتهاء',
    cvc: 'رمز الأمان',
    name: 'الاسم على البطاقة',
  },
} satisfies Record<ShopLanguage['code'], Record<string, string>>;

export type CardLabels = (typeof CARD_LABELS)['en'];

export function cardLabels(language: ShopLanguage): CardLabels {
  return CARD_LABELS[language.code];
}

/**
 * The 3-D Secure dialog's own three strings in each shipped language. Only the lazy dialog
 * chunk imports this, so a page that never shows the dialog never downloads them.
 */
import type { Locale } from '@pay/protocol/locales';

/**
 * A BCP 47 tag (`auto` or none: the page's `<html lang>`, then the browser's) to a language
 * of the table, else English: resolveLocale's rule, kept here so that this chunk shares no
 * module with pay.js (see the import in three-d-secure.ts).
 */
export function dialogLocale(tag: string | undefined): Locale {
  const wanted = tag && tag !== 'auto' ? tag : document.documentElement.lang || navigator.language;
  const language = wanted.split(/[-_]/)[0]!.toLowerCase();
  return Object.hasOwn(DIALOG_STRINGS, language) ? (language as Locale) : 'en';
}

export interface DialogStrings {
  /** The dialog's accessible name. */
  dialog: string;
  close: string;
  /** The challenge iframe's title. */
  frame: string;
}

export const DIALOG_STRINGS: Record<Locale, DialogStrings> = {
  en: {
    dialog: 'Verify your payment',
    close: 'Close verification',
    frame: 'Verify your payment with your bank (3-D Secure)',
  },
  fr: {
    dialog: 'Confirmez votre paiement',
    close: 'Fermer la vérification',
    frame: 'Confirmez votre paiement auprès de votre banque (3-D Secure)',
  },
  de: {
    dialog: 'Zahlung bestätigen',
    close: 'Bestätigung schließen',
    frame: 'Bestätigen Sie Ihre Zahlung bei Ihrer Bank (3-D Secure)',
  },
  es: {
    dialog: 'Verifica tu pago',
    close: 'Cerrar la verificación',
    frame: 'Verifica tu pago con tu banco (3-D Secure)',
  },
  it: {
    dialog: 'Verifica il pagamento',
    close: 'Chiudi la verifica',
    frame: 'Verifica il pagamento con la tua banca (3-D Secure)',
  },
  nl: {
    dialog: 'Bevestig je betaling',
    close: 'Verificatie sluiten',
    frame: 'Bevestig je betaling bij je bank (3-D Secure)',
  },
  pt: {
    dialog: 'Confirme o seu pagamento',
    close: 'Fechar a verificação',
    frame: 'Confirme o seu pagamento junto do seu banco (3-D Secure)',
  },
  pl: {
    dialog: 'Potwierdź płatność',
    close: 'Zamknij weryfikację',
    frame: 'Potwierdź płatność w swoim banku (3-D Secure)',
  },
  sv: {
    dialog: 'Bekräfta din betalning',
    close: 'Stäng verifieringen',
    frame: 'Bekräfta din betalning hos din bank (3-D Secure)',
  },
  ja: {
    dialog: 'お支払いの確認',
    close: '確認を閉じる',
    frame: 'ご利用の銀行でお支払いを確認してください (3-D セキュア)',
  },
  ar: {
    dialog: 'تأكيد الدفع',
    close: 'إغلاق التحقق',
    frame: 'أكّد عملية الدفع لدى مصرفك (3-D Secure)',
  },
};

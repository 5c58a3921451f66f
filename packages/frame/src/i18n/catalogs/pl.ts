/** Polish strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'Numer karty jest niekompletny.',
  invalid_number: 'Numer karty jest nieprawidłowy.',
  incomplete_expiry: 'Data ważności karty jest niekompletna.',
  invalid_expiry: 'Data ważności karty jest nieprawidłowa.',
  expired_card: 'Karta straciła ważność.',
  incomplete_cvc: 'Kod zabezpieczający karty jest niekompletny.',
  incomplete_name: 'Wpisz imię i nazwisko widniejące na karcie.',
  unsupported_brand: 'Karty tej marki nie są tutaj akceptowane.',
  network_error:
    'Nie można połączyć się z usługą płatności. Sprawdź połączenie i spróbuj ponownie.',
  rate_limited: 'Zbyt wiele prób. Odczekaj minutę i spróbuj ponownie.',
  generic_error: 'Sprawdź dane karty.',
  number_label: 'Numer karty',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Data ważności (MM / RR)',
  expiry_placeholder: 'MM / RR',
  cvc_label: 'Kod zabezpieczający',
  cvc_placeholder: 'CVC',
  name_label: 'Imię i nazwisko na karcie',
  name_placeholder: 'Imię i nazwisko',
  card_label: 'Dane karty',
  choose_network: 'Wybierz sieć karty',
};

export default catalog;

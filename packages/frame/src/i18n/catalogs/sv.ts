/** Swedish strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'Kortnumret är ofullständigt.',
  invalid_number: 'Kortnumret är ogiltigt.',
  incomplete_expiry: 'Kortets utgångsdatum är ofullständigt.',
  invalid_expiry: 'Kortets utgångsdatum är ogiltigt.',
  expired_card: 'Ditt kort har gått ut.',
  incomplete_cvc: 'Kortets säkerhetskod är ofullständig.',
  incomplete_name: 'Ange namnet på kortet.',
  unsupported_brand: 'Ditt kortmärke accepteras inte här.',
  network_error: 'Det gick inte att nå betaltjänsten. Kontrollera din anslutning och försök igen.',
  rate_limited: 'För många försök. Vänta en minut och försök igen.',
  generic_error: 'Kontrollera dina kortuppgifter.',
  number_label: 'Kortnummer',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Utgångsdatum (MM / ÅÅ)',
  expiry_placeholder: 'MM / ÅÅ',
  cvc_label: 'Säkerhetskod',
  cvc_placeholder: 'CVC',
  name_label: 'Namn på kortet',
  name_placeholder: 'Fullständigt namn',
  card_label: 'Kortuppgifter',
  choose_network: 'Välj kortnätverk',
};

export default catalog;

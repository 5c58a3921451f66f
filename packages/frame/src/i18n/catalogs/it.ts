/** Italian strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'Il numero della carta è incompleto.',
  invalid_number: 'Il numero della carta non è valido.',
  incomplete_expiry: 'La data di scadenza della carta è incompleta.',
  invalid_expiry: 'La data di scadenza della carta non è valida.',
  expired_card: 'La tua carta è scaduta.',
  incomplete_cvc: 'Il codice di sicurezza della carta è incompleto.',
  incomplete_name: 'Inserisci il nome riportato sulla carta.',
  unsupported_brand: 'Il circuito della tua carta non è accettato qui.',
  network_error:
    'Impossibile raggiungere il servizio di pagamento. Controlla la connessione e riprova.',
  rate_limited: 'Troppi tentativi. Attendi un minuto e riprova.',
  generic_error: 'Controlla i dati della carta.',
  number_label: 'Numero della carta',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Data di scadenza (MM / AA)',
  expiry_placeholder: 'MM / AA',
  cvc_label: 'Codice di sicurezza',
  cvc_placeholder: 'CVC',
  name_label: 'Nome riportato sulla carta',
  name_placeholder: 'Nome e cognome',
  card_label: 'Dati della carta',
  choose_network: 'Scegli il circuito della carta',
};

export default catalog;

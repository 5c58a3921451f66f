/** German strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'Die Kartennummer ist unvollständig.',
  invalid_number: 'Die Kartennummer ist ungültig.',
  incomplete_expiry: 'Das Ablaufdatum der Karte ist unvollständig.',
  invalid_expiry: 'Das Ablaufdatum der Karte ist ungültig.',
  expired_card: 'Ihre Karte ist abgelaufen.',
  incomplete_cvc: 'Der Sicherheitscode der Karte ist unvollständig.',
  incomplete_name: 'Geben Sie den Namen auf der Karte ein.',
  unsupported_brand: 'Ihre Kartenmarke wird hier nicht akzeptiert.',
  network_error:
    'Der Zahlungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  rate_limited: 'Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.',
  generic_error: 'Überprüfen Sie Ihre Kartendaten.',
  number_label: 'Kartennummer',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Ablaufdatum (MM / JJ)',
  expiry_placeholder: 'MM / JJ',
  cvc_label: 'Sicherheitscode',
  cvc_placeholder: 'CVC',
  name_label: 'Name auf der Karte',
  name_placeholder: 'Vollständiger Name',
  card_label: 'Kartendaten',
  choose_network: 'Kartennetzwerk auswählen',
};

export default catalog;

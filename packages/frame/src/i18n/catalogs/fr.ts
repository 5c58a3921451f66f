/** French strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'Le numéro de carte est incomplet.',
  invalid_number: 'Le numéro de carte n’est pas valide.',
  incomplete_expiry: 'La date d’expiration de la carte est incomplète.',
  invalid_expiry: 'La date d’expiration de la carte n’est pas valide.',
  expired_card: 'Votre carte a expiré.',
  incomplete_cvc: 'Le code de sécurité de la carte est incomplet.',
  incomplete_name: 'Saisissez le nom figurant sur la carte.',
  unsupported_brand: 'La marque de votre carte n’est pas acceptée ici.',
  network_error: 'Le service de paiement est injoignable. Vérifiez votre connexion et réessayez.',
  rate_limited: 'Trop de tentatives. Patientez une minute, puis réessayez.',
  generic_error: 'Vérifiez les informations de votre carte.',
  number_label: 'Numéro de carte',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Date d’expiration (MM / AA)',
  expiry_placeholder: 'MM / AA',
  cvc_label: 'Code de sécurité',
  cvc_placeholder: 'CVC',
  name_label: 'Nom figurant sur la carte',
  name_placeholder: 'Nom complet',
  card_label: 'Informations de la carte',
  choose_network: 'Choisissez le réseau de la carte',
};

export default catalog;

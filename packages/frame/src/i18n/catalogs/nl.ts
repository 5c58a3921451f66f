/** Dutch strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'Het kaartnummer is onvolledig.',
  invalid_number: 'Het kaartnummer is ongeldig.',
  incomplete_expiry: 'De vervaldatum van de kaart is onvolledig.',
  invalid_expiry: 'De vervaldatum van de kaart is ongeldig.',
  expired_card: 'Je kaart is verlopen.',
  incomplete_cvc: 'De beveiligingscode van de kaart is onvolledig.',
  incomplete_name: 'Vul de naam op de kaart in.',
  unsupported_brand: 'Je kaartmerk wordt hier niet geaccepteerd.',
  network_error:
    'De betaaldienst is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  rate_limited: 'Te veel pogingen. Wacht een minuut en probeer het opnieuw.',
  generic_error: 'Controleer je kaartgegevens.',
  number_label: 'Kaartnummer',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Vervaldatum (MM / JJ)',
  expiry_placeholder: 'MM / JJ',
  cvc_label: 'Beveiligingscode',
  cvc_placeholder: 'CVC',
  name_label: 'Naam op de kaart',
  name_placeholder: 'Volledige naam',
  card_label: 'Kaartgegevens',
  choose_network: 'Kies het kaartnetwerk',
};

export default catalog;

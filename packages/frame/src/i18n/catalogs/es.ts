/** Spanish strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'El número de la tarjeta está incompleto.',
  invalid_number: 'El número de la tarjeta no es válido.',
  incomplete_expiry: 'La fecha de caducidad de la tarjeta está incompleta.',
  invalid_expiry: 'La fecha de caducidad de la tarjeta no es válida.',
  expired_card: 'Tu tarjeta ha caducado.',
  incomplete_cvc: 'El código de seguridad de la tarjeta está incompleto.',
  incomplete_name: 'Introduce el nombre que figura en la tarjeta.',
  unsupported_brand: 'Aquí no se acepta la marca de tu tarjeta.',
  network_error:
    'No se ha podido conectar con el servicio de pago. Comprueba tu conexión y vuelve a intentarlo.',
  rate_limited: 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  generic_error: 'Revisa los datos de tu tarjeta.',
  number_label: 'Número de tarjeta',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Fecha de caducidad (MM / AA)',
  expiry_placeholder: 'MM / AA',
  cvc_label: 'Código de seguridad',
  cvc_placeholder: 'CVC',
  name_label: 'Nombre que figura en la tarjeta',
  name_placeholder: 'Nombre completo',
  card_label: 'Datos de la tarjeta',
  choose_network: 'Elige la red de la tarjeta',
};

export default catalog;

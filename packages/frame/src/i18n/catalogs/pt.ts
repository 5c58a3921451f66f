/** Portuguese (Portugal wording) strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'O número do cartão está incompleto.',
  invalid_number: 'O número do cartão é inválido.',
  incomplete_expiry: 'A data de validade do cartão está incompleta.',
  invalid_expiry: 'A data de validade do cartão é inválida.',
  expired_card: 'O seu cartão expirou.',
  incomplete_cvc: 'O código de segurança do cartão está incompleto.',
  incomplete_name: 'Introduza o nome que consta no cartão.',
  unsupported_brand: 'A marca do seu cartão não é aceite aqui.',
  network_error:
    'Não foi possível contactar o serviço de pagamento. Verifique a ligação e tente novamente.',
  rate_limited: 'Demasiadas tentativas. Aguarde um minuto e tente novamente.',
  generic_error: 'Verifique os dados do seu cartão.',
  number_label: 'Número do cartão',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'Data de validade (MM / AA)',
  expiry_placeholder: 'MM / AA',
  cvc_label: 'Código de segurança',
  cvc_placeholder: 'CVC',
  name_label: 'Nome no cartão',
  name_placeholder: 'Nome completo',
  card_label: 'Dados do cartão',
  choose_network: 'Escolha a rede do cartão',
};

export default catalog;

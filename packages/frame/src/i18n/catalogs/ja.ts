/** Japanese strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'カード番号が不完全です。',
  invalid_number: 'カード番号が無効です。',
  incomplete_expiry: 'カードの有効期限が不完全です。',
  invalid_expiry: 'カードの有効期限が無効です。',
  expired_card: 'カードの有効期限が切れています。',
  incomplete_cvc: 'カードのセキュリティコードが不完全です。',
  incomplete_name: 'カードに記載されている名前を入力してください。',
  unsupported_brand: 'このカードブランドはご利用いただけません。',
  network_error: '決済サービスに接続できませんでした。接続を確認して、もう一度お試しください。',
  rate_limited: '試行回数が多すぎます。1 分ほど待ってから、もう一度お試しください。',
  generic_error: 'カード情報を確認してください。',
  number_label: 'カード番号',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: '有効期限 (月 / 年)',
  expiry_placeholder: 'MM / YY',
  cvc_label: 'セキュリティコード',
  cvc_placeholder: 'CVC',
  name_label: 'カード名義人',
  name_placeholder: '氏名',
  card_label: 'カード情報',
  choose_network: 'カードのネットワークを選択してください',
};

export default catalog;

/** Arabic strings of the field frames. */
import type { Catalog } from '@pay/protocol';

const catalog: Catalog = {
  incomplete_number: 'رقم البطاقة غير مكتمل.',
  invalid_number: 'رقم البطاقة غير صالح.',
  incomplete_expiry: 'تاريخ انتهاء صلاحية البطاقة غير مكتمل.',
  invalid_expiry: 'تاريخ انتهاء صلاحية البطاقة غير صالح.',
  expired_card: 'انتهت صلاحية بطاقتك.',
  incomplete_cvc: 'رمز الأمان للبطاقة غير مكتمل.',
  incomplete_name: 'أدخل الاسم المكتوب على البطاقة.',
  unsupported_brand: 'نوع بطاقتك غير مقبول هنا.',
  network_error: 'تعذّر الوصول إلى خدمة الدفع. تحقق من اتصالك وحاول مرة أخرى.',
  rate_limited: 'محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مرة أخرى.',
  generic_error: 'تحقق من بيانات بطاقتك.',
  number_label: 'رقم البطاقة',
  number_placeholder: '1234 1234 1234 1234',
  expiry_label: 'تاريخ انتهاء الصلاحية (شهر / سنة)',
  expiry_placeholder: 'MM / YY',
  cvc_label: 'رمز الأمان',
  cvc_placeholder: 'CVC',
  name_label: 'الاسم على البطاقة',
  name_placeholder: 'الاسم الكامل',
  card_label: 'بيانات البطاقة',
  choose_network: 'اختر شبكة البطاقة',
};

export default catalog;

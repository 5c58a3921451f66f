import type { InjectionKey, Ref } from 'vue';
import type { handleNextAction, PayErrorInfo, TokenizeOptions, TokenResult } from '@pay/host';

/** What `<PayCardFields>` gives the components inside it, through `useCardFields()`. */
export interface CardFieldsContext {
  /** True once every field of the group is ready (the group's `pay-ready`). */
  ready: Readonly<Ref<boolean>>;
  /** The last error: a `pay-error` of the group or a failed `tokenize()`; null after a token. */
  error: Readonly<Ref<PayErrorInfo | null>>;
  /** Tokenizes the group's card; rejects with a `PayError` (`code`, `message`). */
  tokenize(options?: TokenizeOptions): Promise<TokenResult>;
  /** `@pay/host`'s `handleNextAction`: the 3-D Secure step of a `requires_action` payment. */
  handleNextAction: typeof handleNextAction;
}

export const cardFieldsKey: InjectionKey<CardFieldsContext> = Symbol('PayCardFields');

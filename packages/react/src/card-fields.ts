'use client';
import {
  createContext,
  createElement,
  forwardRef,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import {
  handleNextAction,
  PayError,
  type PayCardFieldsElement,
  type PayErrorInfo,
  type TokenizeOptions,
  type TokenResult,
} from '@pay/host';
import { CardFieldsElement, type GroupElementProps } from './fields.js';
import { assignRef } from './pay-component.js';

export interface CardFieldsState {
  /** True once every field of the group is ready to be typed into. */
  ready: boolean;
  /** The last setup or tokenize error; cleared by a token. */
  error: PayErrorInfo | null;
  /** Tokenizes the card in the group's fields; rejects with a `PayError`. */
  tokenize(options?: TokenizeOptions): Promise<TokenResult>;
  /** Shows the gateway's 3-D Secure challenge for a `requires_action` payment. */
  handleNextAction: typeof handleNextAction;
}

const CardFieldsContext = createContext<CardFieldsState | null>(null);

export type CardFieldsProps = GroupElementProps & { children?: ReactNode };

/**
 * The group: `<pay-card-fields>` with its fields as children, and the state `useCardFields()`
 * gives the components inside it.
 */
export const CardFields = forwardRef<PayCardFieldsElement, CardFieldsProps>(
  function CardFields(props, forwarded) {
    const { onReady, onError } = props;
    const element = useRef<PayCardFieldsElement | null>(null);
    const [ready, setReady] = useState(false);
    const [error, setError] = useState<PayErrorInfo | null>(null);

    const setElement = useCallback(
      (node: PayCardFieldsElement | null) => {
        element.current = node;
        assignRef(forwarded, node);
      },
      [forwarded],
    );

    const tokenize = useCallback(async (options?: TokenizeOptions) => {
      const group = element.current;
      if (!group) throw new PayError('frame_not_ready', 'The card fields are not mounted.');
      try {
        const result = await group.tokenize(options);
        setError(null);
        return result;
      } catch (caught) {
        // By shape, not instanceof: with pay.js on the page too, the element (and so the error)
        // may come from its copy of the SDK.
        const { code, message } = (caught ?? {}) as Partial<PayErrorInfo>;
        if (typeof code === 'string' && typeof message === 'string') setError({ code, message });
        throw caught;
      }
    }, []);

    const state = useMemo(
      () => ({ ready, error, tokenize, handleNextAction }),
      [ready, error, tokenize],
    );
    return createElement(
      CardFieldsContext.Provider,
      { value: state },
      createElement(CardFieldsElement, {
        ...props,
        ref: setElement,
        onReady: (detail, event) => {
          setReady(true);
          onReady?.(detail, event);
        },
        onError: (detail, event) => {
          setError(detail);
          onError?.(detail, event);
        },
      }),
    );
  },
);

/**
 * The state of the enclosing `<CardFields>`: `{ ready, error, tokenize, handleNextAction }`.
 * Call it in a component rendered inside `<CardFields>` (a pay button, say).
 */
export function useCardFields(): CardFieldsState {
  const state = useContext(CardFieldsContext);
  if (!state) {
    throw new Error('pay: useCardFields() must be called in a component inside <CardFields>.');
  }
  return state;
}

'use client';
import {
  createElement,
  forwardRef,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type ForwardRefExoticComponent,
  type HTMLAttributes,
  type PropsWithoutRef,
  type ReactNode,
  type Ref,
  type RefAttributes,
} from 'react';
import { define, type PayEventMap } from '@pay/host';

/** The `pay-*` events a component turns into `onX` props: prop name → event type. */
export type EventProps<Details> = {
  [Prop in keyof Details]?: (detail: Details[Prop], event: CustomEvent<Details[Prop]>) => void;
};

/** What every wrapper takes besides its own props: DOM attributes without React's own events. */
export type ElementProps<E extends HTMLElement, Details> = Omit<
  HTMLAttributes<E>,
  keyof Details | 'children' | 'dangerouslySetInnerHTML'
> &
  EventProps<Details>;

export interface ComponentSpec<Own, Details> {
  tag: string;
  /** Props rendered as attributes, by attribute name (so server markup and React 18 agree). */
  attributes: { [Prop in keyof Own]?: string };
  /** Props set as properties once the element is defined (values that are not strings). */
  properties?: (keyof Own)[];
  /** `onX` prop → the `pay-*` event it listens to: every event prop, each a known event. */
  events: { [Prop in keyof Details]-?: keyof PayEventMap };
  /** Whether the component takes children (the group does; a field holds its own iframe). */
  children?: boolean;
  /**
   * Rendered with `defer-hydration`, taken off once mounted: the field makes its iframe only
   * then, after React has hydrated the server's markup (where there is no iframe).
   */
  deferHydration?: boolean;
}

// Layout effects on the client (listeners are in place before anything the element dispatches
// after connecting), nothing on the server, where effects never run.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * A React component over one `<pay-*>` element: string props become attributes, `onX` props
 * become listeners of its `pay-*` events (given the event's detail, then the event), the ref is
 * the element. The tags are defined after React has committed its markup, not during render,
 * and fields wait for `defer-hydration` to go: a field that made its iframe before hydration
 * would hold a child the server's markup has not (the tags may already be defined by pay.js).
 */
export function payComponent<E extends HTMLElement, Own extends object, Details>(
  spec: ComponentSpec<Own, Details>,
): ForwardRefExoticComponent<
  PropsWithoutRef<Own & ElementProps<E, Details> & { children?: ReactNode }> & RefAttributes<E>
> {
  type Props = Own & ElementProps<E, Details> & { children?: ReactNode };
  const events = spec.events as Record<string, keyof PayEventMap>;
  const eventProps = Object.keys(events);
  const ownProps = new Set<string>([
    ...Object.keys(spec.attributes),
    ...(spec.properties ?? []),
    ...eventProps,
  ] as string[]);

  const properties = (spec.properties ?? []) as string[];
  const attributes = spec.attributes as Record<string, string | undefined>;

  const Component = forwardRef<E, Props>(function PayComponent(typed, forwarded) {
    const props = typed as unknown as Record<string, unknown>;
    const element = useRef<E | null>(null);
    // The latest handlers, read when an event comes: new functions each render re-bind nothing.
    const handlers = useRef(props);
    handlers.current = props;

    const setElement = useCallback(
      (node: E | null) => {
        element.current = node;
        assignRef(forwarded, node);
      },
      [forwarded],
    );

    useClientLayoutEffect(() => {
      define();
      const node = element.current;
      if (!node) return;
      node.removeAttribute('defer-hydration');
      const listeners = eventProps.map((prop) => {
        const listener = (event: Event) => {
          const handler = handlers.current[prop];
          if (typeof handler === 'function') {
            handler((event as CustomEvent).detail, event);
          }
        };
        node.addEventListener(events[prop]!, listener);
        return () => node.removeEventListener(events[prop]!, listener);
      });
      return () => listeners.forEach((remove) => remove());
    }, []);

    const propertyValues = properties.map((name) => props[name]);
    useClientLayoutEffect(() => {
      const node = element.current as unknown as Record<string, unknown> | null;
      if (!node) return;
      properties.forEach((name, i) => {
        if (propertyValues[i] !== undefined) node[name] = propertyValues[i];
      });
    }, propertyValues);

    const rendered: Record<string, unknown> = { ref: setElement };
    if (spec.deferHydration) rendered['defer-hydration'] = '';
    for (const [name, value] of Object.entries(props)) {
      if (name === 'children') continue;
      const attribute = attributes[name];
      if (attribute) {
        // false → absent, as for a boolean attribute in HTML; true stays a boolean, so that React
        // 19 setting the (defined) element's property sets true, not "".
        if (value === true) rendered[attribute] = true;
        else if (value !== false && value != null) rendered[attribute] = String(value);
      } else if (!ownProps.has(name)) {
        rendered[name] = value;
      }
    }
    return createElement(
      spec.tag,
      rendered,
      spec.children ? (props.children as ReactNode) : undefined,
    );
  });
  Component.displayName = spec.tag;
  return Component;
}

/** Gives `value` to a callback ref or an object ref, as React does. */
export function assignRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

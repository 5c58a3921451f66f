// The elements against the one declaration of their options (@pay/protocol's
// element-options.ts): each option is a property of the element (and nothing else is), reflects
// to its attribute, is taken up when set before the element is defined, and reaches the frames
// when its attribute changes. The guide and the @attr tags are checked by
// scripts/element-options.test.mjs, the wrappers' props by their own tests.
import { expect } from '@open-wc/testing';
import { FIELD_OPTIONS, GROUP_OPTIONS, type ElementOption } from '@pay/protocol';
import {
  define,
  PayCardFieldsElement,
  PayCardNumberElement,
  PayFieldElement,
} from '../src/index.js';

define();

/** A value each option takes (by type, unless it needs a known name or a shape). */
const SAMPLES: Record<string, unknown> = {
  fonts: [{ family: 'Inter', src: 'https://fonts.example/inter.woff2' }],
  messages: { incomplete_number: 'Incomplet' },
  acceptedBrands: 'visa',
  preferredNetwork: 'visa',
};
const sample = (name: string, option: ElementOption): unknown =>
  name in SAMPLES ? SAMPLES[name] : option.type === 'boolean' ? true : `sample-${name}`;

const elements: {
  tag: string;
  definedClass: CustomElementConstructor;
  prototype: object;
  observed: string[];
  aliases: string[];
  notObserved: string[];
  options: Record<string, ElementOption>;
}[] = [
  {
    tag: 'pay-card-fields',
    definedClass: PayCardFieldsElement,
    prototype: PayCardFieldsElement.prototype,
    observed: PayCardFieldsElement.observedAttributes,
    // The lowercase key React writes before the SDK loads; `disabled` reaches the frames through
    // formDisabledCallback, as a disabled <fieldset>'s does.
    aliases: ['publishablekey'],
    notObserved: ['disabled'],
    options: GROUP_OPTIONS,
  },
  {
    tag: 'pay-card-number',
    definedClass: PayCardNumberElement,
    prototype: PayFieldElement.prototype,
    observed: PayCardNumberElement.observedAttributes,
    // Not an option: the wrappers' hydration marker.
    aliases: ['defer-hydration'],
    notObserved: [],
    options: FIELD_OPTIONS,
  },
];

type Properties = Record<string, unknown>;
let earlyTags = 0;

for (const { tag, definedClass, prototype, observed, aliases, notObserved, options } of elements) {
  describe(`<${tag}>'s options are the declared ones`, () => {
    it('its settable properties are the declared options', () => {
      const settable = Object.entries(Object.getOwnPropertyDescriptors(prototype))
        .filter(([, descriptor]) => descriptor.set)
        .map(([name]) => name);
      expect(settable.sort()).to.deep.equal(Object.keys(options).sort());
    });

    it('each property reflects to its attribute (a property-only option to none)', () => {
      for (const [name, option] of Object.entries(options)) {
        const element = document.createElement(tag);
        (element as unknown as Properties)[name] = sample(name, option);
        const value = sample(name, option);
        const expected = option.attribute ? (value === true ? '' : String(value)) : null;
        expect(
          option.attribute ? element.getAttribute(option.attribute) : element.attributes.length,
          name,
        ).to.equal(option.attribute ? expected : 0);
      }
    });

    it('each property set before the element is defined is taken up', () => {
      for (const [name, option] of Object.entries(options)) {
        const defined = document.createElement(tag) as unknown as Properties;
        defined[name] = sample(name, option);
        // An element made before its tag is defined, as a page's markup is before the SDK loads:
        // a new tag, defined once its property is set, for a subclass of the element's class.
        const early = document.createElement(`${tag}-early-${++earlyTags}`);
        (early as unknown as Properties)[name] = sample(name, option);
        customElements.define(early.localName, class extends definedClass {});
        customElements.upgrade(early);
        expect(Object.prototype.hasOwnProperty.call(early, name), name).to.equal(false);
        expect((early as unknown as Properties)[name], name).to.deep.equal(defined[name]);
      }
    });

    it('every attribute the frames take is observed, and only declared ones are', () => {
      const declared = Object.values(options).map((option) => option.attribute);
      for (const attribute of observed) expect([...declared, ...aliases]).to.include(attribute);
      for (const option of Object.values(options)) {
        if (option.frame && option.attribute && !notObserved.includes(option.attribute)) {
          expect(observed).to.include(option.attribute);
        }
      }
    });
  });
}

import type CardValidatorModule from 'card-validator';

export type CardValidator = typeof CardValidatorModule;

let loaded: CardValidator | undefined;

/**
 * card-validator (with credit-card-type, ~9 KB of the frame's script) is a chunk of its own,
 * fetched while the frame draws its input and answers the handshake, so the frame is ready
 * sooner. Until it is here, digits are kept and grouped 4-4-4-4 and every non-empty value
 * counts as incomplete; once it is here, the form formats and assesses what was typed again.
 */
export const cardValidatorReady: Promise<CardValidator> = import('card-validator').then(
  (module) => (loaded = module.default),
);

/** The rules, or undefined while their chunk is still loading. */
export function cardValidator(): CardValidator | undefined {
  return loaded;
}

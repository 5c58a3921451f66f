import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldErrorCode } from '@pay/protocol';
import {
  settle,
  type Assessment,
  type PartRules,
  type RulesContext,
} from '../card-rules/part-rules.js';

/**
 * The validity of one part and when its error may be shown: once the value is settled (the
 * customer left the non-empty field, or submitted) until it is edited again, or at once when
 * no further typing can make the value valid. A value being typed shows no other error, and is
 * assessed as typed (see `Assessment.settled`): nothing shown depends on its prefix.
 */
export class ValidationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #rules: PartRules;
  readonly #context: () => RulesContext;
  #value = '';
  /** Left or submitted since the last edit: the value is the customer's last word. */
  #settled = false;
  #assessment: Assessment;

  constructor(host: ReactiveControllerHost, rules: PartRules, context: () => RulesContext) {
    this.#host = host;
    this.#rules = rules;
    this.#context = context;
    this.#assessment = rules.assess('', context());
    host.addController(this);
  }

  /** The value's assessment: while typed, or settled once the customer is done with it. */
  get assessment(): Assessment {
    return this.#settled ? settle(this.#assessment) : this.#assessment;
  }

  hostConnected(): void {}

  get value(): string {
    return this.#value;
  }

  /** A value from an edit or from code; a different one is no longer settled. */
  setValue(value: string): void {
    if (value !== this.#value) this.#settled = false;
    this.#value = value;
    this.reassess();
  }

  /** Re-runs the rules, e.g. when the brand that sets the CVC length changed. */
  reassess(): void {
    this.#assessment = this.#rules.assess(this.#value, this.#context());
    this.#host.requestUpdate();
  }

  /** The customer left the field. */
  blurred(): void {
    if (this.#assessment.empty || this.#settled) return;
    this.#settled = true;
    this.#host.requestUpdate();
  }

  /** A submit: every error shows, an empty required field's too. */
  reveal(): void {
    this.#settled = true;
    this.#host.requestUpdate();
  }

  reset(): void {
    this.setValue('');
  }

  get error(): FieldErrorCode | undefined {
    return this.assessment.error;
  }

  get shownError(): FieldErrorCode | undefined {
    const error = this.error;
    return error && (this.#settled || this.assessment.eager) ? error : undefined;
  }
}

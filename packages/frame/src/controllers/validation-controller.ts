import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldErrorCode } from '@pay/protocol';
import type { Assessment, PartRules, RulesContext } from '../card-rules/part-rules.js';

/**
 * The validity of one part and when its error may be shown: after the customer leaves a
 * non-empty field, on submit, or at once when no further typing can make the value valid.
 * A valid prefix being typed never shows an error.
 */
export class ValidationController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #rules: PartRules;
  readonly #context: () => RulesContext;
  #value = '';
  #touched = false;
  assessment: Assessment;

  constructor(host: ReactiveControllerHost, rules: PartRules, context: () => RulesContext) {
    this.#host = host;
    this.#rules = rules;
    this.#context = context;
    this.assessment = rules.assess('', context());
    host.addController(this);
  }

  hostConnected(): void {}

  get value(): string {
    return this.#value;
  }

  setValue(value: string): void {
    this.#value = value;
    this.reassess();
  }

  /** Re-runs the rules, e.g. when the brand that sets the CVC length changed. */
  reassess(): void {
    this.assessment = this.#rules.assess(this.#value, this.#context());
    this.#host.requestUpdate();
  }

  /** The customer left the field. */
  blurred(): void {
    if (!this.assessment.empty && !this.#touched) {
      this.#touched = true;
      this.#host.requestUpdate();
    }
  }

  /** A submit: every error shows, an empty required field's too. */
  reveal(): void {
    this.#touched = true;
    this.#host.requestUpdate();
  }

  reset(): void {
    this.#touched = false;
    this.setValue('');
  }

  /** The error as things stand: once the customer is done with the field, its settled form. */
  get error(): FieldErrorCode | undefined {
    const { error, settledError } = this.assessment;
    return this.#touched && settledError ? settledError : error;
  }

  get shownError(): FieldErrorCode | undefined {
    const error = this.error;
    return error && (this.#touched || this.assessment.eager) ? error : undefined;
  }
}

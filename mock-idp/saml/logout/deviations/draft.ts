/*
 * A LogoutRequest the IdP is about to send to one participant, before it is signed and delivered: the
 * deviations (one module each in this folder) change a draft, so each negative scenario traces to one module.
 */
import type { LogoutRequestFields } from '../messages.ts';

export interface LogoutRequestDraft {
  readonly fields: LogoutRequestFields;
  readonly signed: boolean;
  /** Send this earlier request again, ID and all, instead of a new one. */
  readonly resend?: { readonly id: string; readonly xml: string } | undefined;
}

export interface DeviationContext {
  readonly now: Date;
  /** The last LogoutRequest the IdP sent this SP, if any. */
  readonly previous: { readonly id: string; readonly xml: string } | undefined;
}

export type LogoutDeviation = (draft: LogoutRequestDraft, ctx: DeviationContext) => LogoutRequestDraft;

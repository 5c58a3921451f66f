import type { ThreeDSOutcome } from '@pay/protocol';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/3ds/assets/challenge.css">
<script type="module" src="/3ds/assets/challenge.js"></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface ChallengeView {
  action: string;
  merchantName: string;
  amount: string;
  /** Card brand and last four digits only: this page never shows card data beyond that. */
  cardLabel: string;
  parentOrigin: string | undefined;
}

/** The sandbox's 3-D Secure challenge: amount, merchant, and two buttons. */
export function renderChallengePage(view: ChallengeView): string {
  const hidden = view.parentOrigin
    ? `<input type="hidden" name="parent_origin" value="${escapeHtml(view.parentOrigin)}">`
    : '';
  const button = (decision: 'complete' | 'fail', label: string) =>
    `<form method="post" action="${escapeHtml(view.action)}" data-three-ds-decision>
<input type="hidden" name="decision" value="${decision}">${hidden}
<button type="submit" class="${decision}">${label}</button>
</form>`;
  return layout(
    '3-D Secure check',
    `<h1>Confirm this payment</h1>
<p>${escapeHtml(view.merchantName)}</p>
<p class="amount">${escapeHtml(view.amount)}</p>
<p>${escapeHtml(view.cardLabel)}</p>
<div class="actions">
${button('complete', 'Complete authentication')}
${button('fail', 'Fail authentication')}
</div>
<p class="note">Sandbox: no real bank is asked.</p>`,
  );
}

export interface ResultView {
  paymentId: string;
  status: ThreeDSOutcome;
  parentOrigin: string | undefined;
  returnLink: string | undefined;
}

/** Shown after the decision when framed (or without return_url); its script tells the SDK. */
export function renderResultPage(view: ResultView): string {
  const data = view.parentOrigin ? ` data-parent-origin="${escapeHtml(view.parentOrigin)}"` : '';
  const link = view.returnLink
    ? `<p><a href="${escapeHtml(view.returnLink)}" target="_top">Return to the shop</a></p>`
    : '';
  return layout(
    '3-D Secure result',
    `<div data-three-ds-result data-payment-id="${escapeHtml(view.paymentId)}" data-status="${view.status}"${data}>
<h1>${view.status === 'failed' ? 'Authentication failed' : 'Authentication complete'}</h1>
${link}
</div>`,
  );
}

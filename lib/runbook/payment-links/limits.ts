// Adyen's length limits on a payment link's text fields, shared by the schema and the form's maxlength (a module
// without zod, so the browser gets two numbers and not the schema library).

/** Adyen's limit for `reference` on payment requests (Checkout docs: maximum length 80). */
export const MAX_REFERENCE_LENGTH = 80;
/** PaymentLinkRequest.description: "Maximum length: 280 characters". */
export const MAX_DESCRIPTION_LENGTH = 280;

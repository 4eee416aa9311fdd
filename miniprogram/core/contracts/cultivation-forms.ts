/**
 * The cultivation forms' schemas live with the only page that validates them on the phone
 * (`package-cultivation/lib/forms.ts`), so the main package does not carry them; the contract and the server read
 * them through here.
 */
export * from '../../package-cultivation/lib/forms';

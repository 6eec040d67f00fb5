/**
 * The pure layers compile against lib ES2022 only, so that a stray `document`
 * or `window` fails the type check. These few globals exist in every runtime
 * Slipway targets (Node 20, browsers, web workers) and are declared here by hand.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

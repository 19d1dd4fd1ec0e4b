import { type PinHasher, pinHasherOf } from '../domain/lookup-pin.ts';
import { platformSecret } from './platform-secret.ts';

/** The look-up PINs' hasher with the platform's pepper (platform-secret.ts; never rotated, see data.ts). */
export async function lookupPinHasher(): Promise<PinHasher> {
  // Loaded on first use, not with this module: tests build use cases before the environment is set.
  const { config } = await import('../config.ts');
  const pepper = await platformSecret({
    name: 'look-up PIN pepper',
    arn: config.LOOKUP_PIN_PEPPER_ARN,
    local: config.LOOKUP_PIN_PEPPER,
    arnVariable: 'LOOKUP_PIN_PEPPER_ARN',
  });
  return pinHasherOf(pepper);
}
